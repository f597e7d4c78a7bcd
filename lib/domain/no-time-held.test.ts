import { describe, expect, it } from "vitest";
import { HOUR_MS } from "./slots/local-time";
import {
  PATIENT_DECLINED_PROPOSAL,
  PROPOSAL_WITHDRAWN_NO_TIME,
  noTimeHeldCause,
  noTimeHeldWords,
  originalTimeLostNote,
  originalTimeLostWords,
} from "./no-time-held";

const now = Date.UTC(2026, 11, 5, 15, 0); // Sat, Dec 5, 10:00 AM in New York
const zone = "America/New_York";
const proposed = Date.UTC(2026, 11, 9, 15, 20); // Wed, Dec 9, 10:20 AM
const earlier = Date.UTC(2026, 11, 8, 16, 0); // Tue, Dec 8, 11:00 AM

describe("why a pending request holds no time", () => {
  it("a withdrawal by staff, even when the patient had turned down an earlier proposal", () => {
    expect(noTimeHeldCause({ withdrawnStart: proposed, turnedDownStart: null })).toEqual({ kind: "withdrawn", proposedStart: proposed });
    expect(noTimeHeldCause({ withdrawnStart: proposed, turnedDownStart: earlier })).toEqual({ kind: "withdrawn", proposedStart: proposed });
  });

  it("the patient's answer when no withdrawal is recorded", () => {
    expect(noTimeHeldCause({ withdrawnStart: null, turnedDownStart: earlier })).toEqual({ kind: "turned_down", proposedStart: earlier });
    expect(noTimeHeldCause({ withdrawnStart: null, turnedDownStart: null })).toEqual({ kind: "turned_down", proposedStart: null });
  });
});

describe("noTimeHeldWords", () => {
  it("after the patient turned a proposal down: names that time, says no time is held, and when the request lapses", () => {
    const words = noTimeHeldWords({ cause: { kind: "turned_down", proposedStart: proposed }, expiresAt: now + 24 * HOUR_MS, timeZone: zone, now });
    expect(words.headline).toBe(PATIENT_DECLINED_PROPOSAL);
    expect(words.label).toBe("Turned down");
    expect(words.what).toBe("The patient turned down Wed, Dec 9, 10:20 AM EST, New York time");
    expect(words.hold).toBe("No time is held. Unless you propose another time or decline, the request expires Sun, Dec 6, 10:00 AM EST, New York time (in 24 h).");
    expect(words.urgent).toBe(false);
  });

  it("after staff withdrew their proposal: says so, names that time, and never blames the patient", () => {
    const words = noTimeHeldWords({ cause: { kind: "withdrawn", proposedStart: proposed }, expiresAt: now + 24 * HOUR_MS, timeZone: zone, now });
    expect(words.headline).toBe("Proposal withdrawn — no time held; propose a time or decline");
    expect(words.headline).toBe(PROPOSAL_WITHDRAWN_NO_TIME);
    expect(words.label).toBe("Withdrawn");
    expect(words.what).toBe("The clinic withdrew its proposal of Wed, Dec 9, 10:20 AM EST, New York time");
    expect(words.hold).toContain("No time is held. Unless you propose another time or decline, the request expires Sun, Dec 6");
    expect(Object.values(words).join(" ")).not.toMatch(/patient|declined|turned down/i);
  });

  it("is urgent under 2 hours, says when it has lapsed, and copes with no recorded time", () => {
    const turnedDown = { kind: "turned_down", proposedStart: proposed } as const;
    expect(noTimeHeldWords({ cause: turnedDown, expiresAt: now + HOUR_MS, timeZone: zone, now }).urgent).toBe(true);
    expect(noTimeHeldWords({ cause: turnedDown, expiresAt: now - 1, timeZone: zone, now }).hold).toContain("has lapsed");
    expect(noTimeHeldWords({ cause: { kind: "turned_down", proposedStart: null }, expiresAt: null, timeZone: zone, now })).toEqual({
      headline: PATIENT_DECLINED_PROPOSAL,
      label: "Turned down",
      what: "The patient turned down the proposed time",
      hold: "No time is held.",
      urgent: false,
    });
  });
});

describe("why a withdrawn proposal's original time is not held again", () => {
  const original = "Wed, Dec 9, 10:20 AM EST, New York time";
  it("the patient reads only what is true", () => {
    expect(originalTimeLostWords("taken", original)).toBe(`Your original time, ${original}, has since been taken, so no time is held for you now.`);
    expect(originalTimeLostWords("passed", original)).toBe(`Your original time, ${original}, has passed, so no time is held for you now.`);
    expect(originalTimeLostWords("not_held", original)).not.toContain("taken");
    expect(originalTimeLostWords(null, original)).not.toContain("taken");
  });

  it("and so does the history note", () => {
    expect(originalTimeLostNote("taken", original)).toBe(`The original time, ${original}, is no longer free: no time is held.`);
    expect(originalTimeLostNote("passed", original)).toContain("has passed");
    expect(originalTimeLostNote("not_held", original)).toBe("The request held no time when the proposal was made: no time is held.");
  });
});
