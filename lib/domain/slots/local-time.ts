// Wall-clock arithmetic that needs no time zone: dates as day numbers and
// times of day as minutes. Plain arithmetic (and, outside years 0–9999, UTC
// Date methods), so the process time zone (TZ) can never leak in.

import type { LocalDate, Weekday } from "./types";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/**
 * "YYYY-MM-DD" -> days since 1970-01-01, or null when the text is not a real
 * calendar date (e.g. 2027-02-30) or its year is below 100 (which Date.UTC
 * would read as 19xx).
 *
 * Plain arithmetic, no Date object: a booking page renders hundreds of
 * these, and on the server Next.js wraps the Date constructor.
 */
export function parseLocalDate(date: string): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian,
// eras of 400 years starting on 1 March).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Like parseLocalDate but for trusted input: throws on malformed dates. */
export function localDateToDayNumber(date: LocalDate): number {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`Not a local date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}

/** Days since 1970-01-01 -> "YYYY-MM-DD". */
export function dayNumberToLocalDate(dayNumber: number): LocalDate {
  const z = Math.floor(dayNumber) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // Outside 0000–9999 (or not a number) the ISO form has signed years, or none: let Date say it.
  if (!(year >= 0 && year <= 9999)) return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
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
