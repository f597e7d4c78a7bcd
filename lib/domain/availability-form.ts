// The availability editor's form state and its conversion to and from the
// stored schedule (the slot engine's DoctorSchedule without `timeZone`, which
// the clinic supplies). Pure: the editor, the server verb's tests and the
// page all use these, and validation is always the engine's one schema.

import {
  SCHEDULE_LIMITS,
  WEEKDAYS,
  dayNumberToLocalDate,
  localDayNumberAt,
  parseLocalDate,
  validateDoctorSchedule,
  type DoctorSchedule,
  type LocalDate,
  type LocalInterval,
  type Weekday,
} from "./slots";
import { DAY_MS } from "./slots/local-time";

/** What is stored on the doctor document: the engine's schedule minus the clinic's zone. */
export type StoredSchedule = Omit<DoctorSchedule, "timeZone">;

/** One row of times. `key` is only for React lists; it is never saved. */
export interface FormInterval {
  readonly key: string;
  /** "HH:mm" as an <input type="time"> gives it. */
  readonly start: string;
  /** "HH:mm"; "00:00" means midnight at the end of the day ("24:00" when saved). */
  readonly end: string;
}

export interface OverrideForm {
  readonly closed: boolean;
  readonly intervals: readonly FormInterval[];
  readonly note: string;
}

export interface ScheduleForm {
  readonly weeklyHours: Readonly<Record<Weekday, readonly FormInterval[]>>;
  readonly overrides: Readonly<Record<LocalDate, OverrideForm>>;
  // Number inputs hold text ("" while the field is empty).
  readonly slotMinutes: string;
  readonly bufferMinutes: string;
  readonly minNoticeHours: string;
  readonly horizonDays: string;
}

export type NumberField = "slotMinutes" | "bufferMinutes" | "minNoticeHours" | "horizonDays";

export const WEEKDAY_LABELS: Record<Weekday, { long: string; short: string }> = {
  mon: { long: "Monday", short: "Mon" },
  tue: { long: "Tuesday", short: "Tue" },
  wed: { long: "Wednesday", short: "Wed" },
  thu: { long: "Thursday", short: "Thu" },
  fri: { long: "Friday", short: "Fri" },
  sat: { long: "Saturday", short: "Sat" },
  sun: { long: "Sunday", short: "Sun" },
};

const MINUTES_PER_DAY = 24 * 60;

// ---------------------------------------------------------------- keys

let keySequence = 0;

/** A key for a row added in the browser. Rows read from a schedule get positional keys instead, so server and client render alike. */
export function newIntervalKey(): string {
  keySequence += 1;
  return `new-${keySequence}`;
}

// ---------------------------------------------------------------- stored -> form

const asString = (value: unknown, fallback = "") => (typeof value === "string" ? value : fallback);
const asNumberText = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? String(value) : "");

/** "24:00" is midnight at the end of the day; a time input shows it as 00:00 (12:00 AM). */
export const endForInput = (end: string) => (end === "24:00" ? "00:00" : end);

function intervalsToForm(value: unknown, keyPrefix: string): FormInterval[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw, index) => {
    const interval = (raw ?? {}) as Partial<LocalInterval>;
    return { key: `${keyPrefix}-${index}`, start: asString(interval.start), end: endForInput(asString(interval.end)) };
  });
}

/**
 * The form for a stored schedule. Lenient on purpose: a hand-edited or old
 * document still opens in the editor (and then shows what needs fixing)
 * rather than crashing the page.
 */
export function scheduleToForm(stored: unknown): ScheduleForm {
  const schedule = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const weekly = (schedule.weeklyHours && typeof schedule.weeklyHours === "object" ? schedule.weeklyHours : {}) as Record<string, unknown>;
  const rawOverrides = (schedule.dateOverrides && typeof schedule.dateOverrides === "object" ? schedule.dateOverrides : {}) as Record<
    string,
    unknown
  >;

  const weeklyHours = Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsToForm(weekly[day], day)])) as Record<Weekday, FormInterval[]>;
  const overrides: Record<LocalDate, OverrideForm> = {};
  for (const date of Object.keys(rawOverrides).sort()) {
    const raw = (rawOverrides[date] ?? {}) as Record<string, unknown>;
    const closed = raw.closed === true || !Array.isArray(raw.intervals) || raw.intervals.length === 0;
    overrides[date] = { closed, intervals: closed ? [] : intervalsToForm(raw.intervals, date), note: asString(raw.note) };
  }

  return {
    weeklyHours,
    overrides,
    slotMinutes: asNumberText(schedule.slotMinutes),
    bufferMinutes: asNumberText(schedule.bufferMinutes),
    minNoticeHours: asNumberText(schedule.minNoticeHours),
    horizonDays: asNumberText(schedule.horizonDays),
  };
}

// ---------------------------------------------------------------- form -> stored

/** "" stays missing (the schema then says what range to use); anything else is read as a number. */
function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** Form rows → stored intervals (a time input can't hold 24:00, so 00:00 as an end means midnight). */
export function intervalsFromForm(intervals: readonly FormInterval[]): LocalInterval[] {
  return intervals.map(({ start, end }) => ({ start, end: end === "00:00" ? "24:00" : end }));
}

/**
 * What the editor submits: the stored shape, in the form's order (so error
 * paths like "weeklyHours.mon.1.end" point at the row on screen). Not yet
 * validated; the engine's schema does that on both sides.
 */
export function formToScheduleInput(form: ScheduleForm) {
  const dateOverrides: Record<LocalDate, { closed: true; note?: string } | { intervals: LocalInterval[]; note?: string }> = {};
  for (const [date, override] of Object.entries(form.overrides)) {
    const note = override.note.trim() === "" ? {} : { note: override.note.trim() };
    dateOverrides[date] = override.closed ? { closed: true, ...note } : { intervals: intervalsFromForm(override.intervals), ...note };
  }
  return {
    weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsFromForm(form.weeklyHours[day])])) as Record<Weekday, LocalInterval[]>,
    dateOverrides,
    slotMinutes: numberFromText(form.slotMinutes),
    bufferMinutes: numberFromText(form.bufferMinutes),
    minNoticeHours: numberFromText(form.minNoticeHours),
    horizonDays: numberFromText(form.horizonDays),
  };
}

/** Problems keyed by field path ("weeklyHours.mon.1.end"), first message per field. */
export type FormErrors = Readonly<Record<string, string>>;

export type FormValidation =
  | { readonly ok: true; readonly schedule: DoctorSchedule; readonly errors: FormErrors }
  | { readonly ok: false; readonly errors: FormErrors };

/**
 * The engine's validation of the form, as the server will run it. With `now`,
 * as saving then would (past overrides dropped, none beyond the horizon).
 */
export function validateScheduleForm(form: ScheduleForm, timeZone: string, now?: Date): FormValidation {
  const result = validateDoctorSchedule({ ...formToScheduleInput(form), timeZone }, now);
  if (result.ok) return { ok: true, schedule: result.schedule, errors: {} };
  return { ok: false, errors: result.errors };
}

/** Equal for forms that would save the same schedule (row keys and note padding ignored). */
export function formFingerprint(form: ScheduleForm): string {
  const input = formToScheduleInput(form);
  return JSON.stringify({ ...input, dateOverrides: Object.fromEntries(Object.entries(input.dateOverrides).sort(([a], [b]) => a.localeCompare(b))) });
}

// ---------------------------------------------------------------- edits

export function parseTime(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

function timeText(minutes: number): string {
  const clamped = Math.max(0, Math.min(minutes, MINUTES_PER_DAY));
  if (clamped === MINUTES_PER_DAY) return "00:00";
  return `${String(Math.floor(clamped / 60)).padStart(2, "0")}:${String(clamped % 60).padStart(2, "0")}`;
}

/**
 * A sensible next row: 09:00–17:00 on an empty day, otherwise an hour after
 * the day's last row ends (as long as that still fits before midnight).
 */
export function suggestInterval(intervals: readonly FormInterval[]): FormInterval {
  const ends = intervals.map((i) => (i.end === "00:00" ? MINUTES_PER_DAY : parseTime(i.end))).filter((m): m is number => m !== null);
  if (ends.length === 0) return { key: newIntervalKey(), start: "09:00", end: "17:00" };
  const lastEnd = Math.max(...ends);
  const start = Math.min(lastEnd + 60, MINUTES_PER_DAY - 60);
  return { key: newIntervalKey(), start: timeText(start), end: timeText(Math.min(start + 60, MINUTES_PER_DAY)) };
}

export function canAddInterval(intervals: readonly FormInterval[]): boolean {
  return intervals.length < SCHEDULE_LIMITS.intervalsPerDay;
}

/** Monday's rows copied to Tuesday–Friday (weekends untouched), with fresh keys. */
export function copyDayToWeekdays(form: ScheduleForm, from: Weekday = "mon"): ScheduleForm {
  const source = form.weeklyHours[from];
  const weeklyHours = { ...form.weeklyHours };
  for (const day of ["mon", "tue", "wed", "thu", "fri"] as const) {
    if (day === from) continue;
    weeklyHours[day] = source.map((interval) => ({ ...interval, key: newIntervalKey() }));
  }
  return { ...form, weeklyHours };
}

// ---------------------------------------------------------------- dates

/** Today's date in the clinic's zone. */
export function clinicToday(timeZone: string, now: number): LocalDate {
  return dayNumberToLocalDate(localDayNumberAt(timeZone, now));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`Not a date: ${date}`);
  return dayNumberToLocalDate(day + days);
}

export function weekdayOf(date: LocalDate): Weekday {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`Not a date: ${date}`);
  // Day 0 (1970-01-01) was a Thursday.
  return (["thu", "fri", "sat", "sun", "mon", "tue", "wed"] as const)[((day % 7) + 7) % 7]!;
}

/** "Tue, Dec 2" for a date; the year is added when it is not `currentYear`'s. */
export function formatLocalDate(date: LocalDate, today?: LocalDate): string {
  const day = parseLocalDate(date);
  if (day === null) return date;
  const sameYear = today === undefined || today.slice(0, 4) === date.slice(0, 4);
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(day * DAY_MS + 12 * 3_600_000);
}

/** Overrides dated today or later, soonest first. Past ones have no effect and are not shown. */
export function upcomingOverrides(form: Pick<ScheduleForm, "overrides">, today: LocalDate): [LocalDate, OverrideForm][] {
  return Object.entries(form.overrides)
    .filter(([date]) => date >= today)
    .sort(([a], [b]) => a.localeCompare(b));
}
