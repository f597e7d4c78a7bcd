import { describe, expect, it } from "vitest";
import { bookingChoiceQuery, firstFetchRange, parseBookingChoice, slotAtWallTime, slotWallTime } from "./booking-choice";

const window = { from: "2026-12-02", to: "2027-02-28" };
const NY = "America/New_York";

describe("the chosen day and time in the doctor page's URL", () => {
  it("round-trips through the query", () => {
    const choice = { date: "2026-12-04", time: "10:20" };
    const query = bookingChoiceQuery(choice);
    expect(query).toBe("?date=2026-12-04&time=10%3A20");
    expect(parseBookingChoice(Object.fromEntries(new URLSearchParams(query)), window)).toEqual(choice);
    expect(bookingChoiceQuery({ date: "2026-12-04", time: null })).toBe("?date=2026-12-04");
    expect(bookingChoiceQuery(null)).toBe("");
  });

  it("drops a date that is malformed, doesn't exist or is outside the bookable window", () => {
    for (const date of ["2026-12-4", "2027-02-30", "2026-12-01", "2027-03-01", "tomorrow", "", undefined]) {
      expect(parseBookingChoice({ date, time: "10:20" }, window), String(date)).toBeNull();
    }
  });

  it("keeps the date but drops a malformed time, and takes the first of repeated parameters", () => {
    for (const time of ["24:00", "9:00", "10:60", "10:20:00", "<script>"]) {
      expect(parseBookingChoice({ date: "2026-12-04", time }, window), time).toEqual({ date: "2026-12-04", time: null });
    }
    expect(parseBookingChoice({ date: ["2026-12-04", "2026-12-05"], time: ["09:00"] }, window)).toEqual({ date: "2026-12-04", time: "09:00" });
  });

  it("finds the free slot at a wall-clock time, and none when that time is taken", () => {
    const slots = [
      { start: "2026-12-04T15:00:00.000Z", end: "2026-12-04T15:20:00.000Z" },
      { start: "2026-12-04T15:20:00.000Z", end: "2026-12-04T15:40:00.000Z" },
    ];
    expect(slotWallTime(slots[1]!.start, NY)).toBe("10:20");
    expect(slotAtWallTime(slots, "10:20", NY)).toBe(slots[1]);
    expect(slotAtWallTime(slots, "10:40", NY)).toBeNull();
    expect(slotAtWallTime(slots, null, NY)).toBeNull();
  });

  it("reads wall time across a DST change, taking the earlier of a repeated time", () => {
    // Sun, Nov 1, 2026: 1:30 AM happens twice in New York (EDT, then EST).
    const twice = [
      { start: "2026-11-01T05:30:00.000Z", end: "2026-11-01T05:50:00.000Z" },
      { start: "2026-11-01T06:30:00.000Z", end: "2026-11-01T06:50:00.000Z" },
    ];
    expect(twice.map((slot) => slotWallTime(slot.start, NY))).toEqual(["01:30", "01:30"]);
    expect(slotAtWallTime(twice, "01:30", NY)).toBe(twice[0]);
  });

  it("loads the chosen date's month first when it lies beyond the first two months", () => {
    expect(firstFetchRange(window, null)).toEqual({ from: "2026-12-02", to: "2027-01-31" });
    expect(firstFetchRange(window, { date: "2027-01-15", time: null })).toEqual({ from: "2026-12-02", to: "2027-01-31" });
    expect(firstFetchRange(window, { date: "2027-02-10", time: "09:00" })).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });
});
