// Validation of a doctor's schedule for forms and for the server. Messages are
// written for the person filling in the form; paths point at the field.

import { z } from "zod";
import { fieldErrors, type FieldErrors } from "../validation";
import { MINUTES_PER_DAY, dayNumberToLocalDate, formatTimeOfDay, parseLocalDate, parseTimeOfDay } from "./local-time";
import { WEEKDAYS, type DateOverride, type DoctorSchedule, type Weekday } from "./types";
import { isKnownTimeZone, localDayNumberAt } from "./zone-offsets";

export const SCHEDULE_LIMITS = {
  slotMinutes: { min: 5, max: 240 },
  bufferMinutes: { min: 0, max: 120 },
  minNoticeHours: { min: 0, max: 720 },
  horizonDays: { min: 1, max: 365 },
  intervalsPerDay: 12,
  noteLength: 200,
  /**
   * Date overrides kept on a doctor (the document is re-parsed on every
   * booking-page load and must stay far below Firestore's 1 MiB). Saving drops
   * past dates and refuses dates beyond the horizon (at most 365 days), so a
   * saved schedule has at most 366; twice that leaves room for a stored list
   * whose dates have since passed.
   */
  dateOverrides: 730,
  /** Slot locks use 5-minute UTC granules, so every time and length is a multiple of this. */
  stepMinutes: 5,
} as const;

const STEP = SCHEDULE_LIMITS.stepMinutes;

const startTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:00.");
const endTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Use a time like 17:30, or 24:00 for midnight.");

export const localIntervalSchema = z
  .object({ start: startTimeSchema, end: endTimeSchema })
  .superRefine((interval, ctx) => {
    const start = parseTimeOfDay(interval.start, false);
    const end = parseTimeOfDay(interval.end, true);
    if (start !== null && start % STEP !== 0) {
      ctx.addIssue({ code: "custom", path: ["start"], message: `Use a multiple of ${STEP} minutes.` });
    }
    if (end !== null && end % STEP !== 0) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `Use a multiple of ${STEP} minutes.` });
    }
    if (start !== null && end !== null && end <= start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "End must be after start." });
    }
  });

/** One day's intervals: at most a dozen, none overlapping (touching is fine). */
export const dayIntervalsSchema = z
  .array(localIntervalSchema)
  .max(SCHEDULE_LIMITS.intervalsPerDay, `Use at most ${SCHEDULE_LIMITS.intervalsPerDay} intervals per day.`)
  .superRefine((intervals, ctx) => {
    const parsed = intervals
      .map((interval, index) => ({
        index,
        start: parseTimeOfDay(interval.start, false),
        end: parseTimeOfDay(interval.end, true),
      }))
      .filter((p): p is { index: number; start: number; end: number } => p.start !== null && p.end !== null)
      .filter((p) => p.end > p.start && p.end <= MINUTES_PER_DAY)
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < parsed.length; i++) {
      const previous = parsed[i - 1]!;
      const current = parsed[i]!;
      if (current.start < previous.end) {
        ctx.addIssue({
          code: "custom",
          path: [current.index, "start"],
          message: `Overlaps ${formatTimeOfDay(previous.start)}–${formatTimeOfDay(previous.end)}.`,
        });
      }
    }
  });

const weeklyHoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayIntervalsSchema.optional()])) as Record<
    Weekday,
    z.ZodOptional<typeof dayIntervalsSchema>
  >,
);

const noteSchema = z
  .string()
  .max(SCHEDULE_LIMITS.noteLength, `Keep the note under ${SCHEDULE_LIMITS.noteLength} characters.`)
  .optional();

/** `{ closed: true }` or `{ intervals: [...] }`, each with an optional note. */
export const dateOverrideSchema = z
  .object({ closed: z.literal(true).optional(), intervals: dayIntervalsSchema.optional(), note: noteSchema })
  .superRefine((override, ctx) => {
    if ((override.closed === undefined) === (override.intervals === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "Either close the day or give its hours, not both." });
    }
  })
  .transform((override): DateOverride => {
    const note = override.note === undefined ? {} : { note: override.note };
    return override.closed ? { closed: true, ...note } : { intervals: override.intervals ?? [], ...note };
  });

// Keys are checked in a refinement rather than a key schema so the message
// reaches the form as written (zod wraps key-schema issues as "Invalid key").
const dateOverridesSchema = z.record(z.string(), dateOverrideSchema).superRefine((overrides, ctx) => {
  const count = Object.keys(overrides).length;
  if (count > SCHEDULE_LIMITS.dateOverrides) {
    ctx.addIssue({
      code: "custom",
      path: [],
      message: `Use at most ${SCHEDULE_LIMITS.dateOverrides} date overrides (this has ${count}).`,
    });
    return;
  }
  for (const key of Object.keys(overrides)) {
    if (parseLocalDate(key) === null) {
      ctx.addIssue({ code: "custom", path: [key], message: "Use a date like 2027-03-01." });
    }
  }
});

function boundedInt(label: string, unit: string, limits: { min: number; max: number }, multipleOf?: number) {
  const range = `${label} must be between ${limits.min} and ${limits.max} ${unit}.`;
  let schema = z.number({ error: range }).int(`${label} must be a whole number of ${unit}.`).min(limits.min, range).max(limits.max, range);
  if (multipleOf) schema = schema.multipleOf(multipleOf, `${label} must be a multiple of ${multipleOf} ${unit}.`);
  return schema;
}

export const doctorScheduleSchema = z.object({
  timeZone: z.string().refine(isKnownTimeZone, "Choose a time zone from the list."),
  weeklyHours: weeklyHoursSchema,
  dateOverrides: dateOverridesSchema.optional(),
  slotMinutes: boundedInt("Slot length", "minutes", SCHEDULE_LIMITS.slotMinutes, STEP),
  bufferMinutes: boundedInt("Buffer", "minutes", SCHEDULE_LIMITS.bufferMinutes, STEP),
  minNoticeHours: boundedInt("Minimum notice", "hours", SCHEDULE_LIMITS.minNoticeHours),
  horizonDays: boundedInt("Booking horizon", "days", SCHEDULE_LIMITS.horizonDays),
});

/**
 * The schedule as it may be saved at `now`: date overrides before today (in
 * the doctor's zone) are dropped, as they can never apply again, and one
 * further ahead than the booking horizon is refused, so a stored schedule
 * holds at most `horizonDays + 1` overrides. Reading a stored schedule uses
 * `doctorScheduleSchema`, which only caps the count.
 */
export function doctorScheduleSchemaAt(now: Date) {
  return doctorScheduleSchema
    .superRefine((schedule, ctx) => {
      if (!schedule.dateOverrides || !isKnownTimeZone(schedule.timeZone)) return;
      const last = localDayNumberAt(schedule.timeZone, now.getTime()) + schedule.horizonDays;
      for (const key of Object.keys(schedule.dateOverrides)) {
        const day = parseLocalDate(key);
        if (day !== null && day > last) {
          ctx.addIssue({
            code: "custom",
            path: ["dateOverrides", key],
            message: `This date is after your booking horizon (${schedule.horizonDays} days ahead, until ${dayNumberToLocalDate(last)}). Remove it or book further ahead.`,
          });
        }
      }
    })
    .transform((schedule) => {
      if (!schedule.dateOverrides) return schedule;
      const today = localDayNumberAt(schedule.timeZone, now.getTime());
      const dateOverrides = Object.fromEntries(Object.entries(schedule.dateOverrides).filter(([key]) => (parseLocalDate(key) ?? today) >= today));
      return { ...schedule, dateOverrides };
    });
}

/** What a form may submit (optional weekdays, raw overrides). */
export type DoctorScheduleInput = z.input<typeof doctorScheduleSchema>;

/** Errors are the app's one FieldErrors: the first message per field, keyed like "weeklyHours.mon.1.end". */
export type ScheduleValidation = { readonly ok: true; readonly schedule: DoctorSchedule } | { readonly ok: false; readonly errors: FieldErrors };

/** Validates a schedule; with `now`, as it would be saved then (see doctorScheduleSchemaAt). */
export function validateDoctorSchedule(input: unknown, now?: Date): ScheduleValidation {
  const result = (now ? doctorScheduleSchemaAt(now) : doctorScheduleSchema).safeParse(input);
  if (result.success) {
    // Assigning here is the compile-time proof that the schema's output is a DoctorSchedule.
    const schedule: DoctorSchedule = result.data;
    return { ok: true, schedule };
  }
  return { ok: false, errors: fieldErrors(result.error) };
}
