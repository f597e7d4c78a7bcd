import { describe, expect, it } from "vitest";
import { scheduleToForm, validateScheduleForm } from "./availability-form";
import { describeIntervals, formatHours } from "./availability-wording";
import { rangeTimes, summarizeWeek, weekTitle } from "./week-summary";

const week = (tue: { start: string; end: string }[]) =>
  scheduleToForm({
    weeklyHours: { mon: [{ start: "09:00", end: "17:00" }], tue },
    slotMinutes: 30,
    bufferMinutes: 0,
    minNoticeHours: 2,
    horizonDays: 30,
  });

describe("summarizeWeek", () => {
  it("leaves out a row whose end is before its start (no \"Tuesday: 9:00 AM – 8:00 AM\")", () => {
    const form = week([{ start: "09:00", end: "08:00" }]);
    const { errors } = validateScheduleForm(form, "America/New_York");
    const summary = summarizeWeek(form.weeklyHours, errors);
    expect(summary.days.tue).toEqual({ ranges: [], skipped: 1 });
    expect(summary.totalMinutes).toBe(8 * 60);
    expect(summary.skipped).toBe(1);
  });

  it("counts overlapping rows once, and leaves out the flagged overlap (no \"38 h a week\" for 30 h)", () => {
    const form = week([
      { start: "09:00", end: "17:00" },
      { start: "09:00", end: "17:00" },
      { start: "12:00", end: "20:00" },
    ]);
    const { errors } = validateScheduleForm(form, "America/New_York");
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    // With the validator's errors: the flagged rows are out.
    expect(summarizeWeek(form.weeklyHours, errors).days.tue.ranges.map(rangeTimes)).toEqual([{ start: "09:00", end: "17:00" }]);
    expect(summarizeWeek(form.weeklyHours, errors).totalMinutes).toBe(16 * 60);
    // Even without them, the same hour is never counted twice.
    expect(summarizeWeek(form.weeklyHours).totalMinutes).toBe(8 * 60 + 11 * 60);
    expect(formatHours(summarizeWeek(form.weeklyHours, errors).totalMinutes)).toBe("16 h");
  });

  it("reads 00:00 as an end as midnight, and merges touching rows", () => {
    const form = week([
      { start: "18:00", end: "00:00" },
      { start: "13:00", end: "18:00" },
    ]);
    const summary = summarizeWeek(form.weeklyHours);
    expect(summary.days.tue.ranges.map(rangeTimes)).toEqual([{ start: "13:00", end: "24:00" }]);
    expect(describeIntervals(summary.days.tue.ranges.map(rangeTimes))).toBe("1:00 PM – midnight");
  });

  it("skips half-typed rows", () => {
    const summary = summarizeWeek(week([{ start: "09:00", end: "" }]).weeklyHours);
    expect(summary.days.tue).toEqual({ ranges: [], skipped: 1 });
  });
});

describe("weekTitle", () => {
  it("says \"Your\" only to the doctor themself", () => {
    expect(weekTitle({ own: true })).toBe("Your week");
    expect(weekTitle({ own: false, doctorName: "Dr. Amara Okafor" })).toBe("Dr. Amara Okafor's week");
  });
});
