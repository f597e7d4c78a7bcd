import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  formatDate,
  formatDuration,
  formatPatientLocal,
  formatSlotInZone,
  formatTime,
  formatTimeLeft,
  isValidTimeZone,
  localDateKey,
  utcOffsetMinutes,
  zoneLabel,
} from "./time-format";

// All instants are written in UTC so the tests mean the same under any
// process TZ (they are run under TZ=UTC and TZ=Pacific/Auckland).
const at = (iso: string) => new Date(iso);
const NOW_2025 = at("2025-11-01T12:00:00Z");
const NOW_2026 = at("2026-06-01T12:00:00Z");
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("formatSlotInZone", () => {
  it.each([
    // [instant, zone, now, expected]
    ["2025-12-02T14:00:00Z", "America/New_York", NOW_2025, "Tue, Dec 2, 9:00 AM EST, New York time"],
    ["2026-07-15T13:00:00Z", "America/New_York", NOW_2026, "Wed, Jul 15, 9:00 AM EDT, New York time"],
    ["2026-01-15T17:30:00Z", "America/Los_Angeles", NOW_2026, "Thu, Jan 15, 9:30 AM PST, Los Angeles time"],
    ["2026-01-15T09:00:00Z", "Europe/London", NOW_2026, "Thu, Jan 15, 9:00 AM GMT, London time"],
    // en-US has no "BST"; per the rules the GMT+1 style is kept, the city disambiguates.
    ["2026-07-15T08:00:00Z", "Europe/London", NOW_2026, "Wed, Jul 15, 9:00 AM GMT+1, London time"],
    ["2026-12-02T03:30:00Z", "Asia/Kolkata", NOW_2026, "Wed, Dec 2, 9:00 AM GMT+5:30, Kolkata time"],
    ["2026-12-01T20:00:00Z", "Pacific/Auckland", NOW_2026, "Wed, Dec 2, 9:00 AM GMT+13, Auckland time"],
    ["2026-07-01T21:00:00Z", "Pacific/Auckland", NOW_2026, "Thu, Jul 2, 9:00 AM GMT+12, Auckland time"],
    ["2026-12-01T19:00:00Z", "Pacific/Kiritimati", NOW_2026, "Wed, Dec 2, 9:00 AM GMT+14, Kiritimati time"],
    ["2026-12-02T20:00:00Z", "Pacific/Pago_Pago", NOW_2026, "Wed, Dec 2, 9:00 AM GMT-11, Pago Pago time"],
    ["2026-01-15T20:45:00Z", "Pacific/Chatham", NOW_2026, "Fri, Jan 16, 10:30 AM GMT+13:45, Chatham time"],
    ["2026-12-02T14:00:00Z", "UTC", NOW_2026, "Wed, Dec 2, 2:00 PM UTC"],
    ["2027-01-02T15:00:00Z", "America/New_York", NOW_2026, "Sat, Jan 2, 2027, 10:00 AM EST, New York time"],
  ])("%s in %s", (iso, zone, now, expected) => {
    expect(formatSlotInZone(at(iso), zone, { now })).toBe(expected);
  });
});

describe("formatTime", () => {
  it.each([
    ["2025-12-02T14:00:00Z", "America/New_York", "9:00 AM"],
    ["2025-12-02T05:00:00Z", "America/New_York", "12:00 AM"],
    ["2025-12-02T17:05:00Z", "America/New_York", "12:05 PM"],
    ["2025-12-02T23:59:00Z", "UTC", "11:59 PM"],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(formatTime(at(iso), zone)).toBe(expected);
  });

  it("uses a plain space before AM/PM whatever the ICU version", () => {
    expect(formatTime(at("2025-12-02T14:00:00Z"), "America/New_York")).toMatch(/^9:00 AM$/);
  });

  it("accepts epoch milliseconds", () => {
    expect(formatTime(Date.UTC(2025, 11, 2, 14), "America/New_York")).toBe("9:00 AM");
  });

  it("throws on an invalid date or zone", () => {
    expect(() => formatTime(new Date("nope"), "UTC")).toThrow(RangeError);
    expect(() => formatTime(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("DST transitions in New York", () => {
  it("springs forward: 1:59 AM EST is followed by 3:00 AM EDT", () => {
    expect(formatTime(at("2026-03-08T06:59:00Z"), "America/New_York")).toBe("1:59 AM");
    expect(zoneLabel("America/New_York", at("2026-03-08T06:59:00Z"))).toBe("EST, New York time");
    expect(formatTime(at("2026-03-08T07:00:00Z"), "America/New_York")).toBe("3:00 AM");
    expect(zoneLabel("America/New_York", at("2026-03-08T07:00:00Z"))).toBe("EDT, New York time");
  });

  it("falls back: the two 1:30 AMs are told apart by the abbreviation", () => {
    expect(formatSlotInZone(at("2026-11-01T05:30:00Z"), "America/New_York", { now: NOW_2026 })).toBe(
      "Sun, Nov 1, 1:30 AM EDT, New York time",
    );
    expect(formatSlotInZone(at("2026-11-01T06:30:00Z"), "America/New_York", { now: NOW_2026 })).toBe(
      "Sun, Nov 1, 1:30 AM EST, New York time",
    );
  });
});

describe("formatDate", () => {
  it("omits the year when it matches the reference year", () => {
    expect(formatDate(at("2025-12-02T14:00:00Z"), "America/New_York", { now: NOW_2025 })).toBe("Tue, Dec 2");
  });

  it("adds the year when it differs", () => {
    expect(formatDate(at("2025-12-02T14:00:00Z"), "America/New_York", { now: NOW_2026 })).toBe("Tue, Dec 2, 2025");
  });

  it("compares years in the clinic's zone, not in UTC", () => {
    // 03:00 UTC on Jan 1 is still New Year's Eve in New York.
    const newYearsEveInNewYork = at("2026-01-01T03:00:00Z");
    expect(formatDate(at("2025-12-31T20:00:00Z"), "America/New_York", { now: newYearsEveInNewYork })).toBe(
      "Wed, Dec 31",
    );
    expect(formatDate(at("2026-01-10T15:00:00Z"), "America/New_York", { now: newYearsEveInNewYork })).toBe(
      "Sat, Jan 10, 2026",
    );
  });

  it("defaults the reference to the real now", () => {
    expect(formatDate(new Date(), "UTC")).not.toMatch(/\d{4}/);
  });
});

describe("zoneLabel", () => {
  it.each([
    ["America/New_York", "2026-01-15T12:00:00Z", "EST, New York time"],
    ["America/Argentina/Buenos_Aires", "2026-01-15T12:00:00Z", "GMT-3, Buenos Aires time"],
    ["Asia/Kolkata", "2026-01-15T12:00:00Z", "GMT+5:30, Kolkata time"],
    ["UTC", "2026-01-15T12:00:00Z", "UTC"],
    ["Etc/UTC", "2026-01-15T12:00:00Z", "UTC"],
    ["Etc/GMT-14", "2026-01-15T12:00:00Z", "GMT+14"],
  ])("%s at %s → %s", (zone, iso, expected) => {
    expect(zoneLabel(zone, at(iso))).toBe(expected);
  });
});

describe("formatPatientLocal", () => {
  const slot = at("2025-12-02T14:00:00Z"); // 9:00 AM in New York

  it.each([
    ["America/Los_Angeles", "6:00 AM your time (Los Angeles)"],
    ["Europe/London", "2:00 PM your time (London)"],
    ["Asia/Kolkata", "7:30 PM your time (Kolkata)"],
    ["UTC", "2:00 PM your time (UTC)"],
    ["Etc/GMT+3", "11:00 AM your time (GMT-3)"],
    // Different calendar day for the patient: the date is spelled out.
    ["Pacific/Auckland", "Wed, Dec 3, 3:00 AM your time (Auckland)"],
    ["Pacific/Kiritimati", "Wed, Dec 3, 4:00 AM your time (Kiritimati)"],
  ])("New York clinic, patient in %s → %s", (patientZone, expected) => {
    expect(formatPatientLocal(slot, "America/New_York", patientZone, { now: NOW_2025 })).toBe(expected);
  });

  it("is null when the offsets are equal, even for a different zone id", () => {
    expect(formatPatientLocal(slot, "America/New_York", "America/New_York")).toBeNull();
    expect(formatPatientLocal(slot, "America/New_York", "America/Toronto")).toBeNull();
  });

  it("compares offsets at the slot's instant, so DST can make zones equal or not", () => {
    // Phoenix has no DST: same clock as Los Angeles in summer, an hour ahead in winter.
    expect(formatPatientLocal(at("2026-07-15T16:00:00Z"), "America/Phoenix", "America/Los_Angeles")).toBeNull();
    expect(formatPatientLocal(at("2026-01-15T16:00:00Z"), "America/Phoenix", "America/Los_Angeles")).toBe(
      "8:00 AM your time (Los Angeles)",
    );
  });
});

describe("localDateKey and utcOffsetMinutes", () => {
  it.each([
    ["2026-12-02T03:00:00Z", "America/New_York", "2026-12-01"],
    ["2026-12-02T03:00:00Z", "UTC", "2026-12-02"],
    ["2026-12-01T11:00:00Z", "Pacific/Auckland", "2026-12-02"],
    ["2026-12-02T05:00:00Z", "America/New_York", "2026-12-02"], // local midnight
    ["2026-12-02T04:59:59Z", "America/New_York", "2026-12-01"],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(localDateKey(at(iso), zone)).toBe(expected);
  });

  it.each([
    ["America/New_York", "2026-01-15T12:00:00Z", -300],
    ["America/New_York", "2026-07-15T12:00:00Z", -240],
    ["Asia/Kolkata", "2026-01-15T12:00:00Z", 330],
    ["Pacific/Chatham", "2026-01-15T12:00:00Z", 825],
    ["Pacific/Pago_Pago", "2026-01-15T12:00:00Z", -660],
    ["UTC", "2026-01-15T12:00:00.999Z", 0],
  ])("offset of %s at %s is %i min", (zone, iso, expected) => {
    expect(utcOffsetMinutes(at(iso), zone)).toBe(expected);
  });

  it("knows valid zones", () => {
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("formatDuration and formatTimeLeft", () => {
  it.each([
    [0, "0 min"],
    [30_000, "less than 1 min"],
    [45 * MIN, "45 min"],
    [5 * HOUR, "5 h"],
    [5 * HOUR + 20 * MIN, "5 h 20 min"],
    [5 * HOUR + 20 * MIN + 59_999, "5 h 20 min"],
    [26 * HOUR + MIN, "26 h 1 min"],
  ])("formatDuration(%i) → %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it("rejects negative or non-finite durations", () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });

  const now = at("2026-12-02T10:00:00Z");
  it.each([
    [5 * HOUR + 20 * MIN, "Expires in 5 h 20 min"],
    [5 * HOUR + 19 * MIN + 30_000, "Expires in 5 h 20 min"], // rounds up
    [1, "Expires in 1 min"],
    [24 * HOUR, "Expires in 24 h"],
    [0, "Expired"],
    [-HOUR, "Expired"],
  ])("formatTimeLeft with %i ms left → %s", (msLeft, expected) => {
    expect(formatTimeLeft(new Date(now.getTime() + msLeft), now)).toBe(expected);
  });
});

describe("properties", () => {
  const zones = fc.constantFrom(
    "America/New_York",
    "Europe/London",
    "Asia/Kolkata",
    "Pacific/Auckland",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "UTC",
  );
  const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

  it("never shows an ISO string, always names the zone, and agrees with the date key", () => {
    fc.assert(
      fc.property(instants, zones, zones, (ms, clinic, patient) => {
        const slot = formatSlotInZone(ms, clinic, { now: ms });
        const local = formatPatientLocal(ms, clinic, patient, { now: ms });
        for (const text of [slot, local ?? ""]) {
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:|Z\b/);
        }
        expect(slot.endsWith(zoneLabel(clinic, ms))).toBe(true);
        const [, , day] = localDateKey(ms, clinic).split("-");
        expect(slot).toContain(` ${Number(day)}, `);
        expect(local === null).toBe(utcOffsetMinutes(ms, clinic) === utcOffsetMinutes(ms, patient));
      }),
    );
  });

  it("offsets reproduce the wall clock", () => {
    fc.assert(
      fc.property(instants, zones, (ms, zone) => {
        const shifted = new Date(ms + utcOffsetMinutes(ms, zone) * MIN);
        expect(localDateKey(ms, zone)).toBe(shifted.toISOString().slice(0, 10));
      }),
    );
  });
});

describe("formatter cache", () => {
  afterEach(() => vi.restoreAllMocks());

  it("builds no new Intl.DateTimeFormat for a zone and format already used", () => {
    const slot = at("2025-12-02T14:00:00Z");
    formatSlotInZone(slot, "Asia/Tokyo", { now: slot });
    const spy = vi.spyOn(Intl, "DateTimeFormat");
    for (let i = 0; i < 100; i++) formatSlotInZone(slot.getTime() + i * MIN, "Asia/Tokyo", { now: slot });
    expect(spy).not.toHaveBeenCalled();
  });
});
