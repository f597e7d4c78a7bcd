/**
 * Clinic-wide closures: dates (in the clinic's zone) when the whole clinic is
 * closed, whatever each doctor's hours say. Pure: the server stores one
 * document per closed date (lib/server/clinics/closures.ts) and feeds them
 * here; the slot engine sees them as closed date overrides of every doctor.
 */
import { z } from "zod";
import { LINE_BREAKING } from "./account-fields";
import { dayNumberToLocalDate, localDateToDayNumber, localDayNumberAt, parseLocalDate, type DoctorSchedule, type LocalDate } from "./slots";

export interface ClinicClosure {
  date: LocalDate;
  /** Shown to patients on the booking pages; may be empty. */
  note: string;
}

export const CLOSURE_LIMITS = {
  /** Characters of the public note. */
  note: 200,
  /** Dates closed in one step (a move, a holiday week). */
  daysPerStep: 31,
  /** How far ahead a closure may be set, in days after today. */
  daysAhead: 365,
} as const;

/**
 * The schedule with every closed date closed, replacing whatever the doctor
 * set for that date. The slot engine then offers nothing on it (a closed
 * override has no working interval), including on a DST change date, and a
 * booking's re-check (`isBookableStart`) refuses it with the same rule.
 */
export function withClinicClosures(schedule: DoctorSchedule, closures: readonly ClinicClosure[]): DoctorSchedule {
  if (closures.length === 0) return schedule;
  const dateOverrides = { ...schedule.dateOverrides };
  for (const closure of closures) dateOverrides[closure.date] = closure.note ? { closed: true, note: closure.note } : { closed: true };
  return { ...schedule, dateOverrides };
}

/** The local date the clinic's clock shows at an instant. */
export function clinicDateAt(timeZone: string, instant: number): LocalDate {
  return dayNumberToLocalDate(localDayNumberAt(timeZone, instant));
}

/** The closure of `date`, if the clinic is closed then. */
export function closureOn(closures: readonly ClinicClosure[], date: LocalDate): ClinicClosure | undefined {
  return closures.find((closure) => closure.date === date);
}

/** Closures from `today` on (the past ones are of no use to anyone), in date order. */
export function upcomingClosures(closures: readonly ClinicClosure[], today: LocalDate): ClinicClosure[] {
  return closures.filter((closure) => closure.date >= today).sort((a, b) => a.date.localeCompare(b.date));
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const first = localDateToDayNumber(from);
  const last = localDateToDayNumber(to);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => dayNumberToLocalDate(first + i));
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (value: string) => DATE_PATTERN.test(value) && parseLocalDate(value) !== null;

export const CLOSURE_MESSAGES = {
  fromMissing: "Pick the first day the clinic is closed.",
  dateInvalid: "Use a date like 2027-03-01.",
  fromPast: "Pick today or a later day.",
  tooFar: `Pick a day within the next ${CLOSURE_LIMITS.daysAhead} days.`,
  toBeforeFrom: "The last day can't be before the first.",
  tooLong: `Close at most ${CLOSURE_LIMITS.daysPerStep} days at a time.`,
  noteTooLong: `Keep the note to ${CLOSURE_LIMITS.note} characters.`,
  noteOneLine: "Keep the note on one line.",
} as const;

/**
 * The "close the clinic" form as of `today` (the clinic's date): a first day,
 * an optional last day (empty = the first day only) and an optional public
 * note. Output: the dates to close and the trimmed note.
 */
export function closeDatesSchema(today: LocalDate) {
  const last = dayNumberToLocalDate(localDateToDayNumber(today) + CLOSURE_LIMITS.daysAhead);
  const M = CLOSURE_MESSAGES;
  return z
    .object({
      from: z.string({ error: M.fromMissing }).trim().min(1, { error: M.fromMissing, abort: true }).refine(realDate, { error: M.dateInvalid }),
      to: z
        .string()
        .trim()
        .optional()
        .refine((value) => !value || realDate(value), { error: M.dateInvalid }),
      note: z
        .string()
        .trim()
        .max(CLOSURE_LIMITS.note, { error: M.noteTooLong })
        .refine((value) => !LINE_BREAKING.test(value), { error: M.noteOneLine })
        .optional(),
    })
    .superRefine((input, ctx) => {
      if (!realDate(input.from)) return;
      if (input.from < today) ctx.addIssue({ code: "custom", path: ["from"], message: M.fromPast });
      else if (input.from > last) ctx.addIssue({ code: "custom", path: ["from"], message: M.tooFar });
      if (!input.to || !realDate(input.to)) return;
      if (input.to < input.from) ctx.addIssue({ code: "custom", path: ["to"], message: M.toBeforeFrom });
      else if (input.to > last) ctx.addIssue({ code: "custom", path: ["to"], message: M.tooFar });
      else if (localDateToDayNumber(input.to) - localDateToDayNumber(input.from) >= CLOSURE_LIMITS.daysPerStep) {
        ctx.addIssue({ code: "custom", path: ["to"], message: M.tooLong });
      }
    })
    .transform((input) => ({ dates: datesBetween(input.from, input.to || input.from), note: input.note ?? "" }));
}

export type CloseDatesInput = z.infer<ReturnType<typeof closeDatesSchema>>;

/** A date to reopen: any real date (reopening a past one is harmless). */
export const reopenDateSchema = z.object({ date: z.string().trim().refine(realDate, { error: CLOSURE_MESSAGES.dateInvalid }) });

const LONG_DATE = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "Tuesday, January 8, 2030": a local date as words (read at UTC midnight, so no zone can move it to another day). */
export function closureDateLabel(date: LocalDate): string {
  return LONG_DATE.format(localDateToDayNumber(date) * 86_400_000);
}
