// Wall-clock arithmetic that needs no time zone: dates as day numbers and
// times of day as minutes. Only Date.UTC and getUTC* are used, so the process
// time zone (TZ) can never leak in.

import type { LocalDate, Weekday } from "./types";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/**
 * "YYYY-MM-DD" -> days since 1970-01-01, or null when the text is not a real
 * calendar date (e.g. 2027-02-30).
 */
export function parseLocalDate(date: string): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC silently rolls 02-30 over to 03-02; reject instead.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return ms / DAY_MS;
}

/** Like parseLocalDate but for trusted input: throws on malformed dates. */
export function localDateToDayNumber(date: LocalDate): number {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`Not a local date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}

/** Days since 1970-01-01 -> "YYYY-MM-DD". */
export function dayNumberToLocalDate(dayNumber: number): LocalDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

// 1970-01-01 was a Thursday; index 0 of this table is day number 0.
const WEEKDAY_OF_DAY_NUMBER: readonly Weekday[] = ["thu", "fri", "sat", "sun", "mon", "tue", "wed"];

export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return WEEKDAY_OF_DAY_NUMBER[((dayNumber % 7) + 7) % 7]!;
}

/**
 * "HH:mm" -> minutes after local midnight. "24:00" is allowed only when
 * `allowEndOfDay` (interval ends). Returns null when malformed or out of range.
 */
export function parseTimeOfDay(time: string, allowEndOfDay: boolean): number | null {
  const match = TIME_OF_DAY.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Minutes after midnight -> "HH:mm" (1440 -> "24:00"). */
export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
