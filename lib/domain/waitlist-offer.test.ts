import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumberToLocalDate, localDateToDayNumber, type LocalDate } from "./slots";
import { weekdayOf } from "./waitlist";
import { WAITLIST_DAY_CHOICES, weekAround, weekIsFull } from "./waitlist-offer";
import type { WeekStart } from "./week-start";

describe("the week the patient looks at", () => {
  it("starts on the clinic's first day of the week", () => {
    // 2027-01-13 is a Wednesday.
    expect(weekAround("2027-01-13", 0)).toEqual({ from: "2027-01-10", to: "2027-01-16" });
    expect(weekAround("2027-01-13", 1)).toEqual({ from: "2027-01-11", to: "2027-01-17" });
    expect(weekAround("2027-01-10", 1)).toEqual({ from: "2027-01-04", to: "2027-01-10" });
  });

  it("property: holds the date, is seven days, and starts on the week's first day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 6 }), (dayNumber, start) => {
        const date = dayNumberToLocalDate(dayNumber);
        const { from, to } = weekAround(date, start as WeekStart);
        expect(from <= date && date <= to).toBe(true);
        expect(localDateToDayNumber(to) - localDateToDayNumber(from)).toBe(6);
        expect(WAITLIST_DAY_CHOICES.findIndex((c) => c.value === weekdayOf(from))).toBe((start + 6) % 7);
      }),
    );
  });
});

describe("offering the waiting list", () => {
  const free = (dates: LocalDate[]) => (date: LocalDate) => (dates.includes(date) ? 1 : 0);

  it("offers it when nothing is free in the week from today on, past days not counting", () => {
    expect(weekIsFull(free([]), "2027-01-13", "2027-01-13", 0)).toBe(true);
    expect(weekIsFull(free(["2027-01-11"]), "2027-01-13", "2027-01-13", 0)).toBe(true);
    expect(weekIsFull(free(["2027-01-17"]), "2027-01-13", "2027-01-13", 0)).toBe(true);
  });

  it("does not offer it while a time is free that week", () => {
    expect(weekIsFull(free(["2027-01-16"]), "2027-01-13", "2027-01-13", 0)).toBe(false);
    expect(weekIsFull(free(["2027-01-13"]), "2027-01-13", "2027-01-13", 0)).toBe(false);
  });

  it("names the days in the week's order, Monday first", () => {
    expect(WAITLIST_DAY_CHOICES.map((c) => c.value)).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
  });
});
