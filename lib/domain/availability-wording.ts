// How the availability editor says things: times, intervals, overrides,
// hours, and where a validation error points. Pure, like the form state in
// availability-form.ts.

import { formatLocalDate, parseTime, WEEKDAY_LABELS, type FormErrors, type NumberField, type OverrideForm } from "./availability-form";
import type { DateOverride, LocalDate, Weekday } from "./slots";
import { MINUTES_PER_DAY } from "./slots/local-time";

/** "9:00 AM", "1:30 PM"; "midnight" for the end of the day. Wall-clock text, no zone. */
export function formatWallTime(time: string, role: "start" | "end" = "start"): string {
  const minutes = parseTime(time);
  if (minutes === null) return time;
  if (role === "end" && (minutes === 0 || minutes === MINUTES_PER_DAY)) return "midnight";
  const hours24 = Math.floor(minutes / 60) % 24;
  const suffix = hours24 < 12 ? "AM" : "PM";
  const hours12 = hours24 % 12 === 0 ? 12 : hours24 % 12;
  return `${hours12}:${String(minutes % 60).padStart(2, "0")} ${suffix}`;
}

/** "9:00 AM – 12:00 PM, 1:00 PM – 5:00 PM", or "Closed". */
export function describeIntervals(intervals: readonly { start: string; end: string }[]): string {
  if (intervals.length === 0) return "Closed";
  return [...intervals]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((i) => `${formatWallTime(i.start)} – ${formatWallTime(i.end, "end")}`)
    .join(", ");
}

/** What a date override does, in words: "Closed" or its hours. */
export function describeOverride(override: OverrideForm | DateOverride): string {
  if ("closed" in override && override.closed) return "Closed";
  const intervals = "intervals" in override ? override.intervals : [];
  return intervals.length === 0 ? "Closed" : `Open ${describeIntervals(intervals)}`;
}

/** "38 h", "37 h 30 min", "0 h". */
export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Row errors of one day's intervals, by row index: the start/end messages under `prefix` ("weeklyHours.mon"). */
export function rowErrors(errors: FormErrors, prefix: string, index: number): { start?: string; end?: string; row?: string } {
  const start = errors[`${prefix}.${index}.start`];
  const end = errors[`${prefix}.${index}.end`];
  const row = errors[`${prefix}.${index}`];
  return { ...(start ? { start } : {}), ...(end ? { end } : {}), ...(row ? { row } : {}) };
}

/** Errors that belong to a path or anything under it. */
export function errorsUnder(errors: FormErrors, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}

const NUMBER_FIELD_LABELS: Record<NumberField, string> = {
  slotMinutes: "Slot length",
  bufferMinutes: "Buffer",
  minNoticeHours: "Minimum notice",
  horizonDays: "Booking horizon",
};

/**
 * Where an error is, in words, for the form's summary: "Monday, hours 2",
 * "Tue, Jan 7, hours 1", "Slot length". Empty for the form as a whole.
 */
export function describeErrorPath(path: string, today?: LocalDate): string {
  const parts = path.split(".");
  const [head, second, third, fourth] = parts;
  if (head === "weeklyHours" && second && second in WEEKDAY_LABELS) {
    const day = WEEKDAY_LABELS[second as Weekday].long;
    return third === undefined ? day : `${day}, hours ${Number(third) + 1}`;
  }
  if (head === "dateOverrides" && second) {
    const date = formatLocalDate(second, today);
    if (third === "intervals") return fourth === undefined ? date : `${date}, hours ${Number(fourth) + 1}`;
    if (third === "note") return `${date}, note`;
    return date;
  }
  if (head && head in NUMBER_FIELD_LABELS) return NUMBER_FIELD_LABELS[head as NumberField];
  return "";
}

/**
 * An engine message as the page shows it: its wall times in the same 12-hour
 * form as the inputs ("Overlaps 09:00–12:00." → "Overlaps 9:00 AM–12:00 PM.").
 * The words are the schema's own.
 */
export function displayMessage(message: string): string {
  return message.replace(/\b([01]\d|2[0-4]):[0-5]\d\b/g, (time) => (time === "24:00" ? "midnight" : formatWallTime(time)));
}
