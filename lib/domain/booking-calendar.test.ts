import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateKey } from "./time-format";
import {
  addMonths,
  bookableWindow,
  firstDateWithSlots,
  groupByPartOfDay,
  groupSlotsByDate,
  hasHoursInWindow,
  initialFetchRange,
  initials,
  lastCalendarMonth,
  MAX_FETCH_DAYS,
  monthBounds,
  monthFetchRange,
  monthName,
  monthOf,
  monthsInRange,
  opensLater,
  partOfDay,
  shortPatientTime,
  zoneCityName,
} from "./booking-calendar";
import { dayNumberToLocalDate, localDateToDayNumber } from "./slots";

const NY = "America/New_York";
const days = (range: { from: string; to: string }) => localDateToDayNumber(range.to) - localDateToDayNumber(range.from) + 1;

describe("months", () => {
  it("steps across years both ways", () => {
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-06", 18)).toBe("2026-12");
    expect(addMonths("2025-06", 0)).toBe("2025-06");
  });

  it("knows month lengths, including leap years", () => {
    expect(monthBounds("2025-12")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(monthBounds("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthBounds("2027-02")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(monthBounds("2026-04").to).toBe("2026-04-30");
  });

  it("rejects malformed months and dates", () => {
    expect(() => addMonths("2025-13", 1)).toThrow(RangeError);
    expect(() => monthBounds("December")).toThrow(RangeError);
    expect(() => monthOf("2025-02-30")).toThrow(RangeError);
  });

  it("names months for messages", () => {
    expect(monthName("2025-12")).toBe("December");
    expect(monthName("2026-01")).toBe("January");
  });

  it("lists the months a range touches", () => {
    expect(monthsInRange({ from: "2025-12-20", to: "2026-01-31" })).toEqual(["2025-12", "2026-01"]);
    expect(monthsInRange({ from: "2025-12-20", to: "2025-12-21" })).toEqual(["2025-12"]);
  });
});

describe("fetch windows", () => {
  const window = bookableWindow("2025-12-20", 60); // through 2026-02-17

  it("spans today through the horizon", () => {
    expect(window).toEqual({ from: "2025-12-20", to: "2026-02-17" });
    expect(bookableWindow("2025-12-20", 1)).toEqual({ from: "2025-12-20", to: "2025-12-20" });
    expect(() => bookableWindow("2025-12-20", 0)).toThrow(RangeError);
  });

  it("first view: the rest of this month and all of the next", () => {
    expect(initialFetchRange(window)).toEqual({ from: "2025-12-20", to: "2026-01-31" });
  });

  it("first view stops at the horizon", () => {
    expect(initialFetchRange(bookableWindow("2025-12-20", 7))).toEqual({ from: "2025-12-20", to: "2025-12-26" });
  });

  it("first view never exceeds the API's 62 days, whatever today is", () => {
    for (let day = localDateToDayNumber("2024-01-01"); day < localDateToDayNumber("2026-01-01"); day++) {
      const today = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const range = initialFetchRange(bookableWindow(today, 365));
      expect(range.from).toBe(today);
      expect(days(range)).toBeLessThanOrEqual(MAX_FETCH_DAYS);
    }
  });

  it("a later month is clipped to the window", () => {
    expect(monthFetchRange("2026-01", window)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(monthFetchRange("2026-02", window)).toEqual({ from: "2026-02-01", to: "2026-02-17" });
    expect(monthFetchRange("2025-12", window)).toEqual({ from: "2025-12-20", to: "2025-12-31" });
  });

  it("a month outside the window has nothing to fetch", () => {
    expect(monthFetchRange("2026-03", window)).toBeNull();
    expect(monthFetchRange("2025-11", window)).toBeNull();
  });
});

describe("grouping slots", () => {
  // 9:00 and 13:30 New York on Dec 2, 9:00 on Dec 3, and 23:30 on Dec 3 (04:30Z on Dec 4).
  const slots = [
    { start: "2025-12-03T14:00:00.000Z", end: "2025-12-03T14:30:00.000Z" },
    { start: "2025-12-02T18:30:00.000Z", end: "2025-12-02T19:00:00.000Z" },
    { start: "2025-12-02T14:00:00.000Z", end: "2025-12-02T14:30:00.000Z" },
    { start: "2025-12-04T04:30:00.000Z", end: "2025-12-04T05:00:00.000Z" },
  ];

  it("keys by the clinic's local date, in time order", () => {
    const byDate = groupSlotsByDate(slots, NY);
    expect([...byDate.keys()]).toEqual(["2025-12-02", "2025-12-03"]);
    expect(byDate.get("2025-12-02")!.map((s) => s.start)).toEqual(["2025-12-02T14:00:00.000Z", "2025-12-02T18:30:00.000Z"]);
    expect(byDate.get("2025-12-03")).toHaveLength(2);
  });

  it("the same instants fall on other dates in another zone", () => {
    expect([...groupSlotsByDate(slots, "Pacific/Auckland").keys()]).toEqual(["2025-12-03", "2025-12-04"]);
  });

  it("finds the first date with slots, optionally within a month", () => {
    const byDate = new Map([
      ["2026-01-05", [slots[0]!]],
      ["2025-12-30", []],
      ["2025-12-31", [slots[1]!]],
    ]);
    expect(firstDateWithSlots(byDate)).toBe("2025-12-31");
    expect(firstDateWithSlots(byDate, "2026-01")).toBe("2026-01-05");
    expect(firstDateWithSlots(byDate, "2026-02")).toBeNull();
    expect(firstDateWithSlots(new Map())).toBeNull();
  });

  it("splits a day into morning, afternoon and evening by the clinic's clock", () => {
    expect(partOfDay(Date.parse("2025-12-02T14:00:00Z"), NY)).toBe("morning"); // 9:00
    expect(partOfDay(Date.parse("2025-12-02T16:59:00Z"), NY)).toBe("morning"); // 11:59
    expect(partOfDay(Date.parse("2025-12-02T17:00:00Z"), NY)).toBe("afternoon"); // 12:00
    expect(partOfDay(Date.parse("2025-12-02T22:00:00Z"), NY)).toBe("evening"); // 17:00
    expect(partOfDay(Date.parse("2025-12-02T05:00:00Z"), NY)).toBe("morning"); // 0:00
    expect(partOfDay(Date.parse("2025-12-02T05:00:00Z"), "Asia/Kolkata")).toBe("morning"); // 10:30
    const grouped = groupByPartOfDay(groupSlotsByDate(slots, NY).get("2025-12-03")!, NY);
    expect(grouped.map((g) => g.part)).toEqual(["morning", "evening"]);
  });
});

describe("initials", () => {
  it.each([
    ["Dr. Amara Okafor", "AO"],
    ["Dr Priya Raman", "PR"],
    ["Prof. Jean-Luc de la Tour", "JT"],
    ["Madonna", "M"],
    ["dr. émile zola", "ÉZ"],
    ["", "?"],
  ])("%s → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe("the patient's own time on a slot", () => {
  const nineAmNewYork = Date.parse("2025-12-02T14:00:00Z");

  it("is hidden while the zone is unknown or has the clinic's offset", () => {
    expect(shortPatientTime(nineAmNewYork, NY, null)).toBeNull();
    expect(shortPatientTime(nineAmNewYork, NY, NY)).toBeNull();
    expect(shortPatientTime(nineAmNewYork, NY, "America/Toronto")).toBeNull();
  });

  it("shows the local time, with the weekday when the date differs", () => {
    expect(shortPatientTime(nineAmNewYork, NY, "America/Los_Angeles")).toBe("6:00 AM your time");
    expect(shortPatientTime(nineAmNewYork, NY, "Europe/London")).toBe("2:00 PM your time");
    expect(shortPatientTime(nineAmNewYork, NY, "Pacific/Auckland")).toBe("Wed 3:00 AM your time");
  });

  it("names the patient's zone by its city", () => {
    expect(zoneCityName("America/Los_Angeles")).toBe("Los Angeles");
    expect(zoneCityName("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(zoneCityName("UTC")).toBe("UTC");
  });
});

describe("hasHoursInWindow", () => {
  const none = { weeklyHours: { mon: [], tue: [] }, dateOverrides: {}, horizonDays: 30 };
  const today = "2027-03-01"; // a Monday

  it("is false for a doctor with no hours at all", () => {
    expect(hasHoursInWindow(none, today)).toBe(false);
    expect(hasHoursInWindow({ weeklyHours: {}, horizonDays: 30 }, today)).toBe(false);
  });

  it("is true with weekly hours on any weekday inside the horizon", () => {
    expect(hasHoursInWindow({ ...none, weeklyHours: { sun: [{ start: "09:00", end: "10:00" }] } }, today)).toBe(true);
    // Sunday 2027-03-07 is 7 days away: outside a 6-day horizon.
    expect(hasHoursInWindow({ ...none, horizonDays: 6, weeklyHours: { sun: [{ start: "09:00", end: "10:00" }] } }, today)).toBe(false);
  });

  it("counts overrides: hours on one date open it, closed dates remove the weekday", () => {
    const oneDay = { ...none, dateOverrides: { "2027-03-10": { intervals: [{ start: "09:00", end: "10:00" }] } } };
    expect(hasHoursInWindow(oneDay, today)).toBe(true);
    expect(hasHoursInWindow(oneDay, "2027-03-11")).toBe(false); // past overrides don't count
    const onlyMondayClosed = { weeklyHours: { mon: [{ start: "09:00", end: "10:00" }] }, horizonDays: 1, dateOverrides: { [today]: { closed: true as const } } };
    expect(hasHoursInWindow(onlyMondayClosed, today)).toBe(false);
  });
});

describe("how far the calendar pages", () => {
  it("reaches the month where booking stops, whichever day of the month the horizon ends on", () => {
    // From a month's last evening with a 60-day horizon, the last bookable day is a month's last day.
    const window = bookableWindow("2027-01-31", 60);
    expect(window.to).toBe("2027-03-31");
    expect(lastCalendarMonth(window)).toBe("2027-04");
    expect(opensLater("2027-04", window)).toBe(true);
    expect(opensLater("2027-03", window)).toBe(false);
    // Ending mid-month, the calendar stops in that month: its later days say why.
    expect(lastCalendarMonth(bookableWindow("2027-01-12", 60))).toBe("2027-03");
  });

  it("always shows a day past the horizon in its last month, and none in the months before", () => {
    const day = fc.integer({ min: localDateToDayNumber("2020-01-01"), max: localDateToDayNumber("2035-12-31") });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (todayNumber, horizon) => {
        const window = bookableWindow(dayNumberToLocalDate(todayNumber), horizon);
        const last = lastCalendarMonth(window);
        expect(monthBounds(last).to > window.to).toBe(true);
        expect(monthBounds(addMonths(last, -1)).to <= window.to).toBe(true);
        expect(last >= monthOf(window.to)).toBe(true);
        // That month is wholly unopened exactly when the horizon ends on a month's last day.
        expect(opensLater(last, window)).toBe(monthBounds(monthOf(window.to)).to === window.to);
      }),
    );
  });
});

describe("groupSlotsByDate, against each slot's own local date", () => {
  // Zones with DST at night, at midnight (Santiago, Beirut), half-hour shifts (Lord Howe) and odd offsets.
  const zones = ["America/New_York", "Europe/London", "America/Santiago", "Asia/Beirut", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Apia", "UTC"];
  it("puts every slot under the date Intl gives its start, in time order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.array(fc.integer({ min: 0, max: 62 * 24 * 60 }), { maxLength: 200 }),
        (zone, base, minutes) => {
          const slots = minutes.map((m) => {
            const start = Math.floor(base / 60_000) * 60_000 + m * 60_000;
            return { start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() };
          });
          const grouped = groupSlotsByDate(slots, zone);
          const expected = new Map<string, string[]>();
          for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
            const key = localDateKey(Date.parse(slot.start), zone);
            expected.set(key, [...(expected.get(key) ?? []), slot.start]);
          }
          expect([...grouped].map(([date, list]) => [date, list.map((slot) => slot.start)])).toEqual([...expected]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
