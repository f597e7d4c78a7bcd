import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLOSURE_MESSAGES, closeDatesSchema, closureDateLabel, clinicDateAt, datesBetween, upcomingClosures, withClinicClosures, type ClinicClosure } from "./clinic-closures";
import { computeFreeSlots, isBookableStart, type DoctorSchedule, type LocalInterval, type WeeklyHours } from "./slots";
import { addDays, transitionsBetween, wallClock } from "./slots/testing/wall-clock-oracle";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata"];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Whole days (where a DST change's hours are) or one random interval a day. */
const dayHours: fc.Arbitrary<LocalInterval[]> = fc.oneof(
  fc.constant<LocalInterval[]>([{ start: "00:00", end: "24:00" }]),
  fc
    .record({ start: fc.integer({ min: 0, max: 276 }), length: fc.integer({ min: 1, max: 96 }) })
    .map(({ start, length }) => [{ start: hhmm(start * 5), end: hhmm(Math.min(start * 5 + length * 5, 1440)) }]),
);
const weeklyHours: fc.Arbitrary<WeeklyHours> = fc.record({
  mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours,
});

/** An instant around which to test: each DST change of 2026–2028 in the zones, and ordinary days. */
const moments: { zone: string; t: number }[] = ZONES.flatMap((zone) => {
  const changes = transitionsBetween(zone, Date.UTC(2026, 0, 1), Date.UTC(2029, 0, 1));
  const ordinary = [Date.UTC(2027, 5, 15, 12), Date.UTC(2028, 0, 10, 3)];
  return [...changes, ...ordinary].map((t) => ({ zone, t }));
});

const closureCase = fc
  .record({
    moment: fc.constantFrom(...moments),
    weeklyHours,
    slotMinutes: fc.constantFrom(15, 30, 45, 60, 90),
    bufferMinutes: fc.constantFrom(0, 5, 15, 30),
    // Which of the five dates around the moment (-2..+2) are closed.
    closed: fc.subarray([-2, -1, 0, 1, 2], { minLength: 1 }),
    note: fc.string({ maxLength: 20 }),
  })
  .map(({ moment, weeklyHours, slotMinutes, bufferMinutes, closed, note }) => {
    const { zone, t } = moment;
    const date = wallClock(zone, t).date;
    const schedule: DoctorSchedule = { timeZone: zone, weeklyHours, slotMinutes, bufferMinutes, minNoticeHours: 0, horizonDays: 30 };
    const closures: ClinicClosure[] = closed.map((k) => ({ date: addDays(date, k), note }));
    return { zone, schedule, closures, from: addDays(date, -3), to: addDays(date, 3), now: t - 5 * 24 * HOUR };
  });

// Each run computes a week of slots and checks them against the wall-clock oracle (a few ms a run when idle).
// CI's two cores may be busy, so these two properties get a budget of their own rather than the unit default.
const PROPERTY_TIMEOUT_MS = 60_000;

describe("withClinicClosures", () => {
  it("offers no slot with any instant on a closed date in the clinic's zone, DST change days included", () => {
    fc.assert(
      fc.property(closureCase, ({ zone, schedule, closures, from, to, now }) => {
        const closed = new Set(closures.map((c) => c.date));
        const slots = computeFreeSlots({ schedule: withClinicClosures(schedule, closures), busy: [], now, from, to });
        for (const slot of slots) {
          // The independent oracle's wall clock, at the first and the last instant of the slot.
          expect(closed.has(wallClock(zone, slot.start).date)).toBe(false);
          expect(closed.has(wallClock(zone, slot.end - 1).date)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("takes away only the closed dates: every other slot is still offered, and the re-check refuses the closed ones", () => {
    fc.assert(
      fc.property(closureCase, ({ zone, schedule, closures, from, to, now }) => {
        const closed = new Set(closures.map((c) => c.date));
        const withClosures = withClinicClosures(schedule, closures);
        const after = new Set(computeFreeSlots({ schedule: withClosures, busy: [], now, from, to }).map((s) => s.start));
        for (const slot of computeFreeSlots({ schedule, busy: [], now, from, to })) {
          const onClosed = closed.has(wallClock(zone, slot.start).date);
          // Closing a day removes working time only, so it can never cost another day a slot.
          if (!onClosed) expect(after.has(slot.start)).toBe(true);
          else expect(isBookableStart({ schedule: withClosures, busy: [], now }, slot.start)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("closes a date the doctor had opened with an override, and keeps the public note", () => {
    const schedule: DoctorSchedule = {
      timeZone: "America/New_York",
      weeklyHours: {},
      dateOverrides: { "2027-03-14": { intervals: [{ start: "09:00", end: "12:00" }] } },
      slotMinutes: 30,
      bufferMinutes: 0,
      minNoticeHours: 0,
      horizonDays: 30,
    };
    const closedSchedule = withClinicClosures(schedule, [{ date: "2027-03-14", note: "Training day" }]);
    expect(closedSchedule.dateOverrides?.["2027-03-14"]).toEqual({ closed: true, note: "Training day" });
    const now = Date.UTC(2027, 2, 10);
    expect(computeFreeSlots({ schedule, busy: [], now, from: "2027-03-14", to: "2027-03-14" })).toHaveLength(6);
    expect(computeFreeSlots({ schedule: closedSchedule, busy: [], now, from: "2027-03-14", to: "2027-03-14" })).toEqual([]);
    // The input is not changed.
    expect(schedule.dateOverrides?.["2027-03-14"]).toEqual({ intervals: [{ start: "09:00", end: "12:00" }] });
  });
});

describe("clinicDateAt", () => {
  it("reads the clinic's date, not UTC's", () => {
    // 02:00Z on 1 March is still 28 February in New York and already 1 March in Auckland.
    expect(clinicDateAt("America/New_York", Date.UTC(2027, 2, 1, 2))).toBe("2027-02-28");
    expect(clinicDateAt("Pacific/Auckland", Date.UTC(2027, 1, 28, 14))).toBe("2027-03-01");
  });
});

describe("closeDatesSchema", () => {
  const schema = closeDatesSchema("2027-03-10");
  const errors = (input: Record<string, unknown>) => {
    const result = schema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("closes one day when no last day is given, and every day of a range", () => {
    expect(schema.parse({ from: "2027-03-12", to: "", note: "  Training day " })).toEqual({ dates: ["2027-03-12"], note: "Training day" });
    expect(schema.parse({ from: "2027-03-30", to: "2027-04-02" }).dates).toEqual(["2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02"]);
    expect(schema.parse({ from: "2027-03-10" })).toEqual({ dates: ["2027-03-10"], note: "" });
  });

  it("refuses bad input field by field", () => {
    expect(errors({})).toEqual({ from: CLOSURE_MESSAGES.fromMissing });
    expect(errors({ from: "  " })).toEqual({ from: CLOSURE_MESSAGES.fromMissing });
    expect(errors({ from: "2027-02-30" })).toEqual({ from: CLOSURE_MESSAGES.dateInvalid });
    expect(errors({ from: "12/03/2027" })).toEqual({ from: CLOSURE_MESSAGES.dateInvalid });
    expect(errors({ from: "2027-03-09" })).toEqual({ from: CLOSURE_MESSAGES.fromPast });
    // 365 days after 2027-03-10 is 2028-03-09 (2028 is a leap year).
    expect(errors({ from: "2028-03-09" })).toEqual({});
    expect(errors({ from: "2028-03-10" })).toEqual({ from: CLOSURE_MESSAGES.tooFar });
    expect(errors({ from: "2027-03-12", to: "2027-03-11" })).toEqual({ to: CLOSURE_MESSAGES.toBeforeFrom });
    expect(errors({ from: "2027-03-12", to: "2027-04-11" })).toEqual({});
    expect(errors({ from: "2027-03-12", to: "2027-04-12" })).toEqual({ to: CLOSURE_MESSAGES.tooLong });
    expect(errors({ from: "2027-03-12", note: "x".repeat(201) })).toEqual({ note: CLOSURE_MESSAGES.noteTooLong });
    expect(errors({ from: "2027-03-12", note: "one\rtwo" })).toEqual({ note: CLOSURE_MESSAGES.noteOneLine });
    expect(errors({ from: "2027-03-12", note: "one\u2028two" })).toEqual({ note: CLOSURE_MESSAGES.noteOneLine });
  });

  it("never closes more than the limit, a day before today or past the window, whatever the input", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 400 }), fc.integer({ min: -5, max: 60 }), (start, length) => {
        const from = addDays("2027-03-10", start);
        const result = schema.safeParse({ from, to: addDays(from, length) });
        if (!result.success) return;
        const { dates } = result.data;
        expect(dates.length).toBeGreaterThanOrEqual(1);
        expect(dates.length).toBeLessThanOrEqual(31);
        expect(dates[0]! >= "2027-03-10").toBe(true);
        expect(dates.at(-1)! <= "2028-03-09").toBe(true);
      }),
    );
  });
});

describe("upcomingClosures and datesBetween", () => {
  it("keeps today and later, in date order", () => {
    const closures = [{ date: "2027-03-12", note: "" }, { date: "2027-03-09", note: "" }, { date: "2027-03-10", note: "a" }];
    expect(upcomingClosures(closures, "2027-03-10").map((c) => c.date)).toEqual(["2027-03-10", "2027-03-12"]);
  });

  it("lists dates across a month end and is empty for a reversed range", () => {
    expect(datesBetween("2027-02-27", "2027-03-01")).toEqual(["2027-02-27", "2027-02-28", "2027-03-01"]);
    expect(datesBetween("2027-03-02", "2027-03-01")).toEqual([]);
  });
});

describe("closureDateLabel", () => {
  it("names the date itself, whatever the process zone", () => {
    expect(closureDateLabel("2030-01-08")).toBe("Tuesday, January 8, 2030");
    expect(closureDateLabel("2027-03-14")).toBe("Sunday, March 14, 2027");
  });
});
