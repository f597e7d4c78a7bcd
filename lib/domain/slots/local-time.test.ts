import { describe, expect, it } from "vitest";
import { dayNumberToLocalDate, formatTimeOfDay, parseLocalDate, parseTimeOfDay, weekdayOfDayNumber } from "./local-time";

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
