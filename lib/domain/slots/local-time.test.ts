import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, dayNumberToLocalDate, formatTimeOfDay, parseLocalDate, parseTimeOfDay, weekdayOfDayNumber } from "./local-time";

describe("local dates", () => {
  it.each(["2027-03-01", "2028-02-29", "1970-01-01", "2099-12-31"])("round-trips %s", (date) => {
    expect(dayNumberToLocalDate(parseLocalDate(date)!)).toBe(date);
  });

  it.each(["2027-02-29", "2027-13-01", "2027-3-1", "27-03-01", "2027-03-01T00:00", ""])("rejects %s", (date) => {
    expect(parseLocalDate(date)).toBeNull();
  });

  it.each([
    ["1970-01-01", "thu"],
    ["2027-03-01", "mon"],
    ["2027-03-07", "sun"],
    ["1969-12-31", "wed"],
  ])("%s is a %s", (date, weekday) => {
    expect(weekdayOfDayNumber(parseLocalDate(date)!)).toBe(weekday);
  });
});

describe("times of day", () => {
  it("parses HH:mm and 24:00 only where allowed", () => {
    expect(parseTimeOfDay("09:30", false)).toBe(570);
    expect(parseTimeOfDay("24:00", true)).toBe(1440);
    expect(parseTimeOfDay("24:00", false)).toBeNull();
    for (const bad of ["9:30", "24:05", "12:60", "0930", "09:30:00"]) expect(parseTimeOfDay(bad, true)).toBeNull();
  });

  it("formats minutes back", () => {
    expect(formatTimeOfDay(570)).toBe("09:30");
    expect(formatTimeOfDay(1440)).toBe("24:00");
  });
});

describe("calendar arithmetic, against Date's UTC calendar", () => {
  // The reference: the Date round trip these functions used before.
  const viaDate = (text: string): number | null => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? ms / DAY_MS : null;
  };
  const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, "0"));

  it("parseLocalDate accepts exactly the dates Date accepts, with the same day number", () => {
    fc.assert(
      fc.property(digits(4), fc.oneof(digits(2), fc.constantFrom("01", "02", "12", "13")), fc.oneof(digits(2), fc.constantFrom("28", "29", "30", "31")), (y, m, d) => {
        const text = `${y}-${m}-${d}`;
        expect(parseLocalDate(text)).toBe(viaDate(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("knows 29 February only in leap years, centuries included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 3 }), (century, offset) => {
        const text = `${String(century * 100 + offset).padStart(4, "0")}-02-29`;
        expect(parseLocalDate(text)).toBe(viaDate(text));
      }),
    );
  });

  it("dayNumberToLocalDate writes what Date writes, and parseLocalDate reads it back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_932_896 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (day, fraction) => {
        const text = dayNumberToLocalDate(day + fraction);
        expect(text).toBe(new Date((day + fraction) * DAY_MS).toISOString().slice(0, 10));
        if (Number(text.slice(0, 4)) >= 100) expect(parseLocalDate(text)).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });
});
