import { describe, expect, it } from "vitest";
import { addDays, clinicToday, copyDayToWeekdays, formFingerprint, formToScheduleInput, formatLocalDate, scheduleToForm, suggestInterval, upcomingOverrides, validateScheduleForm, weekdayOf, type ScheduleForm } from "./availability-form";
import { describeErrorPath, displayMessage, describeIntervals, describeOverride, formatHours, formatWallTime, rowErrors } from "./availability-wording";
import { summarizeWeek } from "./week-summary";

const stored = {
  weeklyHours: {
    mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }],
    tue: [{ start: "20:00", end: "24:00" }],
    sat: [],
  },
  dateOverrides: {
    "2030-01-01": { closed: true, note: "New Year" },
    "2030-01-05": { intervals: [{ start: "10:00", end: "12:00" }] },
  },
  slotMinutes: 30,
  bufferMinutes: 10,
  minNoticeHours: 2,
  horizonDays: 60,
};

const NY = "America/New_York";

describe("scheduleToForm / formToScheduleInput", () => {
  it("round-trips a stored schedule, filling in every weekday", () => {
    const form = scheduleToForm(stored);
    expect(form.weeklyHours.wed).toEqual([]);
    expect(form.weeklyHours.tue).toEqual([{ key: "tue-0", start: "20:00", end: "00:00" }]); // 24:00 shows as 00:00 in a time input
    expect(form.slotMinutes).toBe("30");
    const input = formToScheduleInput(form);
    expect(input).toEqual({
      weeklyHours: { ...stored.weeklyHours, wed: [], thu: [], fri: [], sun: [] },
      dateOverrides: stored.dateOverrides,
      slotMinutes: 30,
      bufferMinutes: 10,
      minNoticeHours: 2,
      horizonDays: 60,
    });
  });

  it("opens broken or missing data instead of throwing", () => {
    const form = scheduleToForm({ weeklyHours: { mon: "nope", tue: [null] }, slotMinutes: "30", dateOverrides: { x: 1 } });
    expect(form.weeklyHours.mon).toEqual([]);
    expect(form.weeklyHours.tue).toEqual([{ key: "tue-0", start: "", end: "" }]);
    expect(form.slotMinutes).toBe("");
    expect(form.overrides.x).toEqual({ closed: true, intervals: [], note: "" });
    expect(scheduleToForm(undefined).weeklyHours.sun).toEqual([]);
  });

  it("leaves empty number fields out so the schema names the range", () => {
    const form: ScheduleForm = { ...scheduleToForm(stored), slotMinutes: " " };
    const result = validateScheduleForm(form, NY);
    expect(result.ok).toBe(false);
    expect(result.errors.slotMinutes).toBe("Slot length must be between 5 and 240 minutes.");
  });

  it("trims notes and drops empty ones", () => {
    const form = scheduleToForm(stored);
    const edited: ScheduleForm = {
      ...form,
      overrides: { ...form.overrides, "2030-01-01": { closed: true, intervals: [], note: "  " }, "2030-01-02": { closed: true, intervals: [], note: " Holiday " } },
    };
    expect(formToScheduleInput(edited).dateOverrides["2030-01-01"]).toEqual({ closed: true });
    expect(formToScheduleInput(edited).dateOverrides["2030-01-02"]).toEqual({ closed: true, note: "Holiday" });
  });
});

describe("validateScheduleForm uses the engine's messages and paths", () => {
  const base = scheduleToForm(stored);
  const withMonday = (mon: { start: string; end: string }[]): ScheduleForm => ({
    ...base,
    weeklyHours: { ...base.weeklyHours, mon: mon.map((i, n) => ({ ...i, key: `k${n}` })) },
  });

  it("accepts the stored schedule", () => {
    const result = validateScheduleForm(base, NY);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.schedule.weeklyHours.tue).toEqual([{ start: "20:00", end: "24:00" }]);
  });

  it("end before start", () => {
    expect(validateScheduleForm(withMonday([{ start: "12:00", end: "09:00" }]), NY).errors).toEqual({ "weeklyHours.mon.0.end": "End must be after start." });
  });

  it("overlapping rows point at the later row", () => {
    const errors = validateScheduleForm(withMonday([{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }]), NY).errors;
    expect(errors).toEqual({ "weeklyHours.mon.1.start": "Overlaps 09:00–12:00." });
    expect(rowErrors(errors, "weeklyHours.mon", 1)).toEqual({ start: "Overlaps 09:00–12:00." });
    expect(rowErrors(errors, "weeklyHours.mon", 0)).toEqual({});
  });

  it("off the 5-minute grid, and out-of-range numbers", () => {
    const form: ScheduleForm = { ...withMonday([{ start: "09:07", end: "10:00" }]), slotMinutes: "300", bufferMinutes: "7" };
    expect(validateScheduleForm(form, NY).errors).toEqual({
      "weeklyHours.mon.0.start": "Use a multiple of 5 minutes.",
      slotMinutes: "Slot length must be between 5 and 240 minutes.",
      bufferMinutes: "Buffer must be a multiple of 5 minutes.",
    });
  });

  it("override rows are addressed by date", () => {
    const form: ScheduleForm = {
      ...base,
      overrides: { "2030-02-01": { closed: false, intervals: [{ key: "a", start: "15:00", end: "14:00" }], note: "" } },
    };
    expect(validateScheduleForm(form, NY).errors).toEqual({ "dateOverrides.2030-02-01.intervals.0.end": "End must be after start." });
  });

  it("an end of 00:00 is midnight, so a late shift is valid", () => {
    expect(validateScheduleForm(withMonday([{ start: "18:00", end: "00:00" }]), NY).ok).toBe(true);
  });
});

describe("edits", () => {
  it("suggests 9–5 on an empty day, then an hour after the last row", () => {
    expect(suggestInterval([])).toMatchObject({ start: "09:00", end: "17:00" });
    expect(suggestInterval([{ key: "a", start: "09:00", end: "12:00" }])).toMatchObject({ start: "13:00", end: "14:00" });
    expect(suggestInterval([{ key: "a", start: "20:00", end: "00:00" }])).toMatchObject({ start: "23:00", end: "00:00" });
  });

  it("copies Monday to Tuesday–Friday with fresh keys, leaving the weekend", () => {
    const form = scheduleToForm({ ...stored, weeklyHours: { ...stored.weeklyHours, sat: [{ start: "10:00", end: "12:00" }] } });
    const copied = copyDayToWeekdays(form);
    for (const day of ["tue", "wed", "thu", "fri"] as const) {
      expect(copied.weeklyHours[day].map(({ start, end }) => ({ start, end }))).toEqual(stored.weeklyHours.mon);
    }
    expect(copied.weeklyHours.sat).toEqual(form.weeklyHours.sat);
    const keys = (["mon", "tue", "wed"] as const).flatMap((d) => copied.weeklyHours[d].map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("fingerprints ignore row keys, so an undo is not an unsaved change", () => {
    const form = scheduleToForm(stored);
    const rekeyed: ScheduleForm = { ...form, weeklyHours: { ...form.weeklyHours, mon: form.weeklyHours.mon.map((i) => ({ ...i, key: "x" + i.key })) } };
    expect(formFingerprint(rekeyed)).toBe(formFingerprint(form));
    expect(formFingerprint({ ...form, slotMinutes: "45" })).not.toBe(formFingerprint(form));
  });
});

describe("dates and wording", () => {
  it("today is the clinic's date, not UTC's", () => {
    // 03:00Z on Jan 2 is still Jan 1 in New York and already Jan 2 in Tokyo.
    const now = Date.parse("2030-01-02T03:00:00Z");
    expect(clinicToday(NY, now)).toBe("2030-01-01");
    expect(clinicToday("Asia/Tokyo", now)).toBe("2030-01-02");
  });

  it("date arithmetic and weekdays", () => {
    expect(addDays("2030-02-27", 2)).toBe("2030-03-01");
    expect(weekdayOf("2030-01-07")).toBe("mon");
    expect(weekdayOf("2030-01-06")).toBe("sun");
    expect(formatLocalDate("2030-01-07", "2030-01-01")).toBe("Mon, Jan 7");
    expect(formatLocalDate("2031-01-07", "2030-12-01")).toBe("Tue, Jan 7, 2031");
  });

  it("lists only today's and later overrides, soonest first", () => {
    const form = scheduleToForm({ ...stored, dateOverrides: { "2030-01-09": { closed: true }, "2029-12-31": { closed: true }, "2030-01-03": { closed: true } } });
    expect(upcomingOverrides(form, "2030-01-03").map(([d]) => d)).toEqual(["2030-01-03", "2030-01-09"]);
  });

  it("reads times the way people say them", () => {
    expect(formatWallTime("09:00")).toBe("9:00 AM");
    expect(formatWallTime("12:30")).toBe("12:30 PM");
    expect(formatWallTime("00:00")).toBe("12:00 AM");
    expect(formatWallTime("00:00", "end")).toBe("midnight");
    expect(formatWallTime("24:00", "end")).toBe("midnight");
    expect(describeIntervals([{ start: "13:00", end: "17:00" }, { start: "09:00", end: "12:00" }])).toBe("9:00 AM – 12:00 PM, 1:00 PM – 5:00 PM");
    expect(describeIntervals([])).toBe("Closed");
    expect(describeOverride({ closed: true, note: "x" })).toBe("Closed");
    expect(describeOverride({ intervals: [{ start: "10:00", end: "12:00" }] })).toBe("Open 10:00 AM – 12:00 PM");
  });

  it("adds up the week", () => {
    const form = scheduleToForm(stored);
    expect(summarizeWeek(form.weeklyHours).totalMinutes).toBe(7 * 60 + 4 * 60);
    expect(formatHours(summarizeWeek(form.weeklyHours).totalMinutes)).toBe("11 h");
    expect(formatHours(90)).toBe("1 h 30 min");
  });
});

describe("describeErrorPath", () => {
  it.each([
    ["weeklyHours.mon.1.end", "Monday, hours 2"],
    ["weeklyHours.sun", "Sunday"],
    ["dateOverrides.2030-01-01.intervals.0.start", "Tue, Jan 1, hours 1"],
    ["dateOverrides.2030-01-01.intervals", "Tue, Jan 1"],
    ["dateOverrides.2030-01-01.note", "Tue, Jan 1, note"],
    ["dateOverrides.2030-01-01", "Tue, Jan 1"],
    ["slotMinutes", "Slot length"],
    ["horizonDays", "Booking horizon"],
    ["_", ""],
  ])("%s", (path, expected) => {
    expect(describeErrorPath(path, "2030-01-01")).toBe(expected);
  });
});

describe("displayMessage", () => {
  it("shows the engine's times the way the inputs do", () => {
    expect(displayMessage("Overlaps 09:00–12:00.")).toBe("Overlaps 9:00 AM–12:00 PM.");
    expect(displayMessage("Overlaps 20:00–24:00.")).toBe("Overlaps 8:00 PM–midnight.");
    expect(displayMessage("End must be after start.")).toBe("End must be after start.");
    expect(displayMessage("Use a date like 2027-03-01.")).toBe("Use a date like 2027-03-01.");
  });
});
