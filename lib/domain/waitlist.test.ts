import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEEKDAYS, type LocalDate } from "./slots";
import {
  WAITLIST_MESSAGES,
  WAITLIST_MS,
  daysInWords,
  firstWantedDate,
  inBatches,
  isWaiting,
  planWakes,
  waitlistExpiry,
  waitlistJoinSchema,
  waitlistLeaveSchema,
  wakeDates,
  weekdayOf,
  type WaitingEntry,
} from "./waitlist";

const NOW = Date.parse("2027-01-13T15:00:00Z");

describe("joining: the input", () => {
  it("keeps a trimmed, lower-cased email and the days in the week's order, once each", () => {
    const parsed = waitlistJoinSchema.parse({ email: "  Ann@Example.COM ", days: ["fri", "mon", "fri"] });
    expect(parsed).toEqual({ email: "ann@example.com", days: ["mon", "fri"] });
  });

  it("treats missing days as any day", () => {
    expect(waitlistJoinSchema.parse({ email: "a@example.com" }).days).toEqual([]);
  });

  const bad: [string, unknown, string, string][] = [
    ["no email", { days: [] }, "email", WAITLIST_MESSAGES.emailMissing],
    ["an empty email", { email: "   " }, "email", WAITLIST_MESSAGES.emailMissing],
    ["an email without a domain", { email: "ann@" }, "email", WAITLIST_MESSAGES.emailInvalid],
    ["an email that is too long", { email: `${"a".repeat(250)}@example.com` }, "email", WAITLIST_MESSAGES.emailTooLong],
    ["an email that is not text", { email: 42 }, "email", WAITLIST_MESSAGES.emailMissing],
    ["a day that is not a weekday", { email: "a@example.com", days: ["someday"] }, "days.0", WAITLIST_MESSAGES.daysInvalid],
    ["days that are not a list", { email: "a@example.com", days: "mon" }, "days", WAITLIST_MESSAGES.daysInvalid],
    ["more days than a week has", { email: "a@example.com", days: [...WEEKDAYS, "mon"] }, "days", WAITLIST_MESSAGES.daysInvalid],
  ];
  it.each(bad)("refuses %s with a message for the field", (_what, input, path, message) => {
    const result = waitlistJoinSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toBe(message);
  });
});

describe("leaving: the link's query string", () => {
  const token = "A".repeat(43);
  it("accepts an entry id and a whole token", () => {
    expect(waitlistLeaveSchema.parse({ w: "clinic_doc_abc123", t: token })).toEqual({ w: "clinic_doc_abc123", t: token });
  });
  it.each([
    ["no token", { w: "x" }],
    ["a cut-off token", { w: "x", t: token.slice(0, 30) }],
    ["no entry", { t: token }],
    ["an entry id with a slash", { w: "a/b", t: token }],
    ["a repeated parameter", { w: ["a", "b"], t: token }],
  ])("refuses %s with the broken-link message", (_what, input) => {
    const result = waitlistLeaveSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(WAITLIST_MESSAGES.leaveLinkBroken);
  });
});

describe("expiry", () => {
  it("an entry waits 30 days from its (re)join, and not a moment longer", () => {
    const expiresAt = waitlistExpiry(NOW);
    expect(expiresAt - NOW).toBe(30 * 86_400_000);
    expect(isWaiting({ expiresAt }, expiresAt - 1)).toBe(true);
    expect(isWaiting({ expiresAt }, expiresAt)).toBe(false);
  });
});

describe("who is told", () => {
  it("names weekdays of local dates", () => {
    expect(weekdayOf("2027-01-13")).toBe("wed");
    expect(weekdayOf("2027-01-17")).toBe("sun");
  });

  it("gives each person the first opened date they want, any day when they named none", () => {
    expect(firstWantedDate([], ["2027-01-15", "2027-01-14"])).toBe("2027-01-14");
    expect(firstWantedDate(["fri"], ["2027-01-15", "2027-01-14"])).toBe("2027-01-15");
    expect(firstWantedDate(["mon"], ["2027-01-15", "2027-01-14"])).toBeNull();
  });

  it("tells those still waiting who want the day, in the order they joined", () => {
    const entries: WaitingEntry[] = [
      { id: "late", days: [], joinedAt: NOW - 1_000, expiresAt: NOW + WAITLIST_MS },
      { id: "early", days: ["thu"], joinedAt: NOW - 5_000, expiresAt: NOW + WAITLIST_MS },
      { id: "mondays", days: ["mon"], joinedAt: NOW - 9_000, expiresAt: NOW + WAITLIST_MS },
      { id: "lapsed", days: [], joinedAt: NOW - 10_000, expiresAt: NOW },
    ];
    expect(planWakes(entries, ["2027-01-14"], NOW)).toEqual([
      { entryId: "early", date: "2027-01-14" },
      { entryId: "late", date: "2027-01-14" },
    ]);
    expect(planWakes(entries, [], NOW)).toEqual([]);
  });

  const dateArb = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10) as LocalDate);
  const entryArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    days: fc.subarray([...WEEKDAYS]),
    joinedAt: fc.integer({ min: NOW - WAITLIST_MS, max: NOW }),
    expiresAt: fc.integer({ min: NOW - 1000, max: NOW + WAITLIST_MS }),
  });

  it("property: everyone told is waiting and wants the date given, which opened; nobody twice; join order kept", () => {
    fc.assert(
      fc.property(fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 30 }), fc.array(dateArb, { maxLength: 8 }), (entries, dates) => {
        const wakes = planWakes(entries, dates, NOW);
        const byId = new Map(entries.map((e) => [e.id, e]));
        expect(new Set(wakes.map((w) => w.entryId)).size).toBe(wakes.length);
        for (const wake of wakes) {
          const entry = byId.get(wake.entryId)!;
          expect(isWaiting(entry, NOW)).toBe(true);
          expect(dates).toContain(wake.date);
          if (entry.days.length) expect(entry.days).toContain(weekdayOf(wake.date));
        }
        for (let i = 1; i < wakes.length; i++) {
          expect(byId.get(wakes[i - 1]!.entryId)!.joinedAt).toBeLessThanOrEqual(byId.get(wakes[i]!.entryId)!.joinedAt);
        }
        // Nobody left out: every waiting entry wanting an opened day is told.
        const wanting = entries.filter((e) => isWaiting(e, NOW) && dates.some((d) => e.days.length === 0 || e.days.includes(weekdayOf(d))));
        expect(wakes.length).toBe(wanting.length);
      }),
    );
  });

  it("property: batches keep every item once, in order, none larger than the size", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const batches = inBatches(items, size);
        expect(batches.flat()).toEqual(items);
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          expect(batch.length).toBeLessThanOrEqual(size);
        }
        expect(batches.slice(0, -1).every((b) => b.length === size)).toBe(true);
      }),
    );
  });

  it("refuses a batch size that is not a positive whole number", () => {
    expect(() => inBatches([1], 0)).toThrow(RangeError);
  });

  it("says the days in words", () => {
    expect(daysInWords([])).toBe("any day");
    expect(daysInWords(["fri", "mon"])).toBe("Mondays and Fridays");
    expect(daysInWords(["mon", "tue", "fri"])).toBe("Mondays, Tuesdays and Fridays");
    expect(daysInWords([...WEEKDAYS])).toBe("any day");
  });
});

describe("the dates a wake-up looks at", () => {
  const bookable = { from: "2027-01-13" as LocalDate, to: "2027-03-13" as LocalDate };
  it("cuts the freed span to what can still be booked", () => {
    expect(wakeDates({ from: "2027-01-10", to: "2027-01-14" }, bookable)).toEqual({ from: "2027-01-13", to: "2027-01-14" });
    expect(wakeDates({ from: "2027-03-10", to: "2027-04-01" }, bookable)).toEqual({ from: "2027-03-10", to: "2027-03-13" });
  });
  it("is nothing when the freed time is past or beyond the window", () => {
    expect(wakeDates({ from: "2027-01-01", to: "2027-01-12" }, bookable)).toBeNull();
    expect(wakeDates({ from: "2027-03-14", to: "2027-03-20" }, bookable)).toBeNull();
  });
  it("reads at most 62 days", () => {
    expect(wakeDates({ from: "2027-01-13", to: "2027-12-31" }, { from: "2027-01-13", to: "2027-12-31" })).toEqual({ from: "2027-01-13", to: "2027-03-15" });
  });
});
