import { describe, expect, it } from "vitest";
import { doctorScheduleSchema, doctorScheduleSchemaAt, validateDoctorSchedule } from "./schedule-schema";

const valid = {
  timeZone: "Europe/Berlin",
  weeklyHours: {
    mon: [{ start: "09:00", end: "12:00" }, { start: "13:30", end: "17:00" }],
    fri: [{ start: "22:00", end: "24:00" }],
  },
  dateOverrides: {
    "2027-12-24": { closed: true, note: "Christmas Eve" },
    "2027-12-27": { intervals: [{ start: "10:00", end: "12:00" }] },
  },
  slotMinutes: 30,
  bufferMinutes: 10,
  minNoticeHours: 2,
  horizonDays: 60,
};

/** Validates `valid` with one change and returns the errors. */
function errorsWith(change: Record<string, unknown>) {
  const result = validateDoctorSchedule({ ...valid, ...change });
  return result.ok ? [] : Object.entries(result.errors).map(([path, message]) => ({ path, message }));
}

describe("validateDoctorSchedule", () => {
  it("accepts a full schedule and normalises overrides to the engine's union", () => {
    const result = validateDoctorSchedule(valid);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.schedule.dateOverrides?.["2027-12-24"]).toEqual({ closed: true, note: "Christmas Eve" });
      expect(result.schedule.dateOverrides?.["2027-12-27"]).toEqual({ intervals: [{ start: "10:00", end: "12:00" }] });
    }
  });

  it("accepts the limits themselves, touching intervals and missing weekdays", () => {
    expect(errorsWith({ slotMinutes: 5, bufferMinutes: 0, minNoticeHours: 0, horizonDays: 1, weeklyHours: {} })).toEqual([]);
    expect(errorsWith({ slotMinutes: 240, bufferMinutes: 120, minNoticeHours: 720, horizonDays: 365 })).toEqual([]);
    expect(errorsWith({ weeklyHours: { tue: [{ start: "09:00", end: "12:00" }, { start: "12:00", end: "13:00" }] } })).toEqual([]);
  });

  it.each([
    ["slotMinutes", { slotMinutes: 0 }, "Slot length must be between 5 and 240 minutes."],
    ["slotMinutes", { slotMinutes: 245 }, "Slot length must be between 5 and 240 minutes."],
    ["slotMinutes", { slotMinutes: 32 }, "Slot length must be a multiple of 5 minutes."],
    ["slotMinutes", { slotMinutes: "30" }, "Slot length must be between 5 and 240 minutes."],
    ["bufferMinutes", { bufferMinutes: 125 }, "Buffer must be between 0 and 120 minutes."],
    ["bufferMinutes", { bufferMinutes: 7 }, "Buffer must be a multiple of 5 minutes."],
    ["minNoticeHours", { minNoticeHours: 721 }, "Minimum notice must be between 0 and 720 hours."],
    ["minNoticeHours", { minNoticeHours: 1.5 }, "Minimum notice must be a whole number of hours."],
    ["horizonDays", { horizonDays: 0 }, "Booking horizon must be between 1 and 365 days."],
    ["horizonDays", { horizonDays: 366 }, "Booking horizon must be between 1 and 365 days."],
    ["timeZone", { timeZone: "Europe/Atlantis" }, "Choose a time zone from the list."],
    ["weeklyHours.mon.0.start", { weeklyHours: { mon: [{ start: "9:00", end: "12:00" }] } }, "Use a time like 09:00."],
    ["weeklyHours.mon.0.start", { weeklyHours: { mon: [{ start: "24:00", end: "24:00" }] } }, "Use a time like 09:00."],
    ["weeklyHours.mon.0.end", { weeklyHours: { mon: [{ start: "09:00", end: "24:30" }] } }, "Use a time like 17:30, or 24:00 for midnight."],
    ["weeklyHours.mon.0.start", { weeklyHours: { mon: [{ start: "09:02", end: "12:00" }] } }, "Use a multiple of 5 minutes."],
    ["weeklyHours.mon.0.end", { weeklyHours: { mon: [{ start: "09:00", end: "09:00" }] } }, "End must be after start."],
    ["weeklyHours.mon.0.end", { weeklyHours: { mon: [{ start: "12:00", end: "09:00" }] } }, "End must be after start."],
    [
      "weeklyHours.wed.0.start",
      { weeklyHours: { wed: [{ start: "11:00", end: "14:00" }, { start: "09:00", end: "12:00" }] } },
      "Overlaps 09:00–12:00.",
    ],
    ["dateOverrides.2027-02-30", { dateOverrides: { "2027-02-30": { closed: true } } }, "Use a date like 2027-03-01."],
    ["dateOverrides.2027-03-01", { dateOverrides: { "2027-03-01": { note: "?" } } }, "Either close the day or give its hours, not both."],
    [
      "dateOverrides.2027-03-01",
      { dateOverrides: { "2027-03-01": { closed: true, intervals: [] } } },
      "Either close the day or give its hours, not both.",
    ],
    [
      "dateOverrides.2027-03-01.intervals.0.end",
      { dateOverrides: { "2027-03-01": { intervals: [{ start: "10:00", end: "09:00" }] } } },
      "End must be after start.",
    ],
    ["dateOverrides.2027-03-01.note", { dateOverrides: { "2027-03-01": { closed: true, note: "x".repeat(201) } } }, "Keep the note under 200 characters."],
  ])("reports %s", (path, change, message) => {
    expect(errorsWith(change)).toContainEqual({ path, message });
  });

  it("refuses more than 12 intervals a day", () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ start: `${String(i).padStart(2, "0")}:00`, end: `${String(i).padStart(2, "0")}:30` }));
    expect(errorsWith({ weeklyHours: { mon: many } })).toContainEqual({
      path: "weeklyHours.mon",
      message: "Use at most 12 intervals per day.",
    });
  });

  it("reports a missing field by name", () => {
    const { slotMinutes: _omit, ...rest } = valid;
    const result = validateDoctorSchedule(rest);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual(["slotMinutes"]);
  });

  it("is the same check as doctorScheduleSchema", () => {
    expect(doctorScheduleSchema.safeParse(valid).success).toBe(true);
    expect(doctorScheduleSchema.safeParse({ ...valid, horizonDays: 0 }).success).toBe(false);
  });
});

describe("date override caps", () => {
  const closed = { closed: true as const };
  const days = (from: string, count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), closed]),
    );

  it("refuses more than 730 overrides, whatever the dates", () => {
    expect(doctorScheduleSchema.safeParse({ ...valid, dateOverrides: days("2027-01-01", 730) }).success).toBe(true);
    expect(errorsWith({ dateOverrides: days("2027-01-01", 731) })).toEqual([
      { path: "dateOverrides", message: "Use at most 730 date overrides (this has 731)." },
    ]);
  });

  // 2027-03-10 10:00 UTC is already the 10th in Berlin; at 23:30 UTC it is the 11th there.
  const now = new Date("2027-03-10T10:00:00Z");

  it("drops past dates when saving (today in the doctor's zone stays)", () => {
    const parsed = doctorScheduleSchemaAt(now).parse({
      ...valid,
      dateOverrides: { "2020-01-01": closed, "2027-03-09": closed, "2027-03-10": closed, "2027-03-11": closed },
    });
    expect(Object.keys(parsed.dateOverrides!)).toEqual(["2027-03-10", "2027-03-11"]);
    const lateEvening = doctorScheduleSchemaAt(new Date("2027-03-10T23:30:00Z")).parse({ ...valid, dateOverrides: { "2027-03-10": closed } });
    expect(lateEvening.dateOverrides).toEqual({});
  });

  it("refuses a date beyond the booking horizon, by name", () => {
    // horizonDays 60 from 2027-03-10: the last bookable day is 2027-05-09.
    expect(validateDoctorSchedule({ ...valid, dateOverrides: { "2027-05-09": closed } }, now)).toMatchObject({ ok: true });
    expect(validateDoctorSchedule({ ...valid, dateOverrides: { "2027-05-09": closed, "2027-05-10": closed } }, now)).toEqual({
      ok: false,
      errors: {
        "dateOverrides.2027-05-10": "This date is after your booking horizon (60 days ahead, until 2027-05-09). Remove it or book further ahead.",
      },
    });
  });

  it("so a saved schedule holds at most horizon + 1 overrides", () => {
    const input = { ...valid, horizonDays: 365, dateOverrides: { ...days("2026-03-11", 364), ...days("2027-03-10", 366) } };
    const parsed = doctorScheduleSchemaAt(now).parse(input);
    expect(Object.keys(parsed.dateOverrides!)).toHaveLength(366);
  });
});
