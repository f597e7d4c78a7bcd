import { describe, expect, it } from "vitest";
import { holdDeadline, type HoldRule } from "./hold-deadline";
import type { DoctorSchedule, WeeklyHours } from "./slots/types";

const NY = "America/New_York";
const nine2five = [{ start: "09:00", end: "17:00" }];
const WEEKDAYS_9_5: WeeklyHours = { mon: nine2five, tue: nine2five, wed: nine2five, thu: nine2five, fri: nine2five };
const ALL_DAY = [{ start: "00:00", end: "24:00" }];
const EVERY_DAY: WeeklyHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };

const schedule = (weeklyHours: WeeklyHours, dateOverrides?: DoctorSchedule["dateOverrides"], timeZone = NY): DoctorSchedule => ({
  timeZone,
  weeklyHours,
  ...(dateOverrides ? { dateOverrides } : {}),
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 0,
  horizonDays: 60,
});
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const opening = (hours: number): HoldRule => ({ hours, openingHoursOnly: true });
const wall = (hours: number): HoldRule => ({ hours, openingHoursOnly: false });

describe("holdDeadline, wall clock", () => {
  it("is exactly the hold length later, in real hours across a DST change", () => {
    expect(iso(holdDeadline({ from: t("2030-01-07T12:00:00Z"), rule: wall(24), timeZone: NY }))).toBe("2030-01-08T12:00:00.000Z");
    // Spring forward (Sun 2030-03-10 in New York): 24 real hours, the wall clock shows 25 later.
    expect(iso(holdDeadline({ from: t("2030-03-09T17:00:00Z"), rule: wall(24), timeZone: NY }))).toBe("2030-03-10T17:00:00.000Z");
  });
  it("ignores the schedules", () => {
    const from = t("2030-01-11T21:00:00Z"); // Friday 4 PM
    expect(holdDeadline({ from, rule: wall(24), timeZone: NY, schedules: [schedule(WEEKDAYS_9_5)] })).toBe(from + 24 * 3600_000);
  });
});

describe("holdDeadline, opening hours only", () => {
  const weekdays = [schedule(WEEKDAYS_9_5)];

  it("ends inside the same day when enough of it is left, exactly at closing when it fits exactly", () => {
    // Monday 9:00 AM EST + 8 h → Monday 5:00 PM.
    expect(iso(holdDeadline({ from: t("2030-01-07T14:00:00Z"), rule: opening(8), timeZone: NY, schedules: weekdays }))).toBe("2030-01-07T22:00:00.000Z");
    // Monday 10:00 AM + 3 h → 1:00 PM.
    expect(iso(holdDeadline({ from: t("2030-01-07T15:00:00Z"), rule: opening(3), timeZone: NY, schedules: weekdays }))).toBe("2030-01-07T18:00:00.000Z");
  });

  it("skips the weekend: Friday 4 PM + 24 h of opening time → Wednesday 4 PM", () => {
    // Fri 1 h + Mon 8 + Tue 8 + Wed 7.
    expect(iso(holdDeadline({ from: t("2030-01-11T21:00:00Z"), rule: opening(24), timeZone: NY, schedules: weekdays }))).toBe("2030-01-16T21:00:00.000Z");
  });

  it("starts counting at the next opening when sent at night or at the weekend", () => {
    // Saturday noon → counting starts Monday 9:00; 2 h → Monday 11:00 AM.
    expect(iso(holdDeadline({ from: t("2030-01-12T17:00:00Z"), rule: opening(2), timeZone: NY, schedules: weekdays }))).toBe("2030-01-14T16:00:00.000Z");
    // Tuesday 6:00 AM → 9:00 + 2 h.
    expect(iso(holdDeadline({ from: t("2030-01-08T11:00:00Z"), rule: opening(2), timeZone: NY, schedules: weekdays }))).toBe("2030-01-08T16:00:00.000Z");
    // Tuesday 11:00 PM → Wednesday 9:00 + 2 h.
    expect(iso(holdDeadline({ from: t("2030-01-09T04:00:00Z"), rule: opening(2), timeZone: NY, schedules: weekdays }))).toBe("2030-01-09T16:00:00.000Z");
  });

  it("skips closed days (date overrides) and uses a day's override hours", () => {
    const closedMonday = [schedule(WEEKDAYS_9_5, { "2030-01-14": { closed: true } })];
    // Friday 4 PM + 2 h: Fri 1 h, Monday closed, Tuesday 9 + 1 h.
    expect(iso(holdDeadline({ from: t("2030-01-11T21:00:00Z"), rule: opening(2), timeZone: NY, schedules: closedMonday }))).toBe("2030-01-15T15:00:00.000Z");
    const saturdayMorning = [schedule(WEEKDAYS_9_5, { "2030-01-12": { intervals: [{ start: "10:00", end: "12:00" }] } })];
    // Friday 4 PM + 2 h: Fri 1 h, Saturday 10 + 1 h.
    expect(iso(holdDeadline({ from: t("2030-01-11T21:00:00Z"), rule: opening(2), timeZone: NY, schedules: saturdayMorning }))).toBe("2030-01-12T16:00:00.000Z");
  });

  it("the clinic is open when any doctor works (union, overlaps counted once)", () => {
    const morning = schedule({ mon: [{ start: "09:00", end: "13:00" }] });
    const afternoon = schedule({ mon: [{ start: "12:00", end: "17:00" }] });
    // Monday 9:00 + 8 h → 17:00 (not 18:00: 12–13 is open once).
    expect(iso(holdDeadline({ from: t("2030-01-07T14:00:00Z"), rule: opening(8), timeZone: NY, schedules: [morning, afternoon] }))).toBe("2030-01-07T22:00:00.000Z");
    // A lunch gap: 9–12 and 13–17 for one doctor.
    const split = schedule({ mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }] });
    expect(iso(holdDeadline({ from: t("2030-01-07T14:00:00Z"), rule: opening(4), timeZone: NY, schedules: [split] }))).toBe("2030-01-07T19:00:00.000Z");
  });

  it("spring forward: weekday hours keep their wall-clock times after the change", () => {
    // Friday 2030-03-08 4 PM EST + 8 h: Fri 1 h, Mon 2030-03-11 9 AM EDT + 7 h = 4 PM EDT = 20:00Z.
    expect(iso(holdDeadline({ from: t("2030-03-08T21:00:00Z"), rule: opening(8), timeZone: NY, schedules: weekdays }))).toBe("2030-03-11T20:00:00.000Z");
    // Open all day every day: the short day (23 h) counts as 23 h, so it matches the wall clock.
    const always = [schedule(EVERY_DAY)];
    const from = t("2030-03-09T17:00:00Z");
    expect(holdDeadline({ from, rule: opening(24), timeZone: NY, schedules: always })).toBe(from + 24 * 3600_000);
  });

  it("fall back: a night interval over the repeated hour counts its real length", () => {
    // Sun 2030-11-03: 00:00–03:00 local lasts 4 real hours (1 AM happens twice).
    const night = [schedule({ sun: [{ start: "00:00", end: "03:00" }] })];
    const from = t("2030-11-03T04:00:00Z"); // midnight EDT
    expect(iso(holdDeadline({ from, rule: opening(4), timeZone: NY, schedules: night }))).toBe("2030-11-03T08:00:00.000Z"); // 3 AM EST
    // One more hour falls in the next week's Sunday night.
    expect(iso(holdDeadline({ from, rule: opening(5), timeZone: NY, schedules: night }))).toBe("2030-11-10T06:00:00.000Z"); // 1 AM EST
  });

  it("another zone: Auckland (southern summer time) reads hours in its own zone", () => {
    const akl = [schedule(WEEKDAYS_9_5, undefined, "Pacific/Auckland")];
    // Friday 2030-01-11 4 PM NZDT (03:00Z) + 2 h → Mon 2030-01-14 10 AM NZDT = Sun 21:00Z.
    expect(iso(holdDeadline({ from: t("2030-01-11T03:00:00Z"), rule: opening(2), timeZone: "Pacific/Auckland", schedules: akl }))).toBe("2030-01-13T21:00:00.000Z");
  });

  it("falls back to the wall clock with no hours at all, no schedules, or not enough open time within a year", () => {
    const from = t("2030-01-11T21:00:00Z");
    const wallClock = from + 24 * 3600_000;
    expect(holdDeadline({ from, rule: opening(24), timeZone: NY, schedules: [] })).toBe(wallClock);
    expect(holdDeadline({ from, rule: opening(24), timeZone: NY })).toBe(wallClock);
    expect(holdDeadline({ from, rule: opening(24), timeZone: NY, schedules: [schedule({})] })).toBe(wallClock);
    // One hour a year is not enough for 24.
    const once = [schedule({}, { "2030-02-01": { intervals: [{ start: "09:00", end: "10:00" }] } })];
    expect(holdDeadline({ from, rule: opening(24), timeZone: NY, schedules: once })).toBe(wallClock);
  });
});

describe("holdDeadline, never after the visit starts", () => {
  it("caps a wall-clock or opening-hours deadline at the visit's start", () => {
    const from = t("2030-01-07T12:00:00Z");
    const visit = t("2030-01-07T20:00:00Z");
    expect(holdDeadline({ from, rule: wall(24), timeZone: NY, visitStart: visit })).toBe(visit);
    expect(holdDeadline({ from, rule: opening(24), timeZone: NY, schedules: [schedule(WEEKDAYS_9_5)], visitStart: visit })).toBe(visit);
  });
  it("leaves an earlier deadline alone", () => {
    const from = t("2030-01-07T12:00:00Z");
    expect(holdDeadline({ from, rule: wall(24), timeZone: NY, visitStart: t("2030-01-10T12:00:00Z") })).toBe(from + 24 * 3600_000);
  });
});
