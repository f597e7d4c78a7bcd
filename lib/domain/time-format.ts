/**
 * How times are shown to people (the design brief's time rules):
 *
 * - Always name the clinic's time zone: "9:00 AM EST, New York time".
 * - When the patient's browser is in a different zone, also show their local
 *   time: "6:00 AM your time (Los Angeles)".
 * - Dates read "Tue, Dec 2"; the year appears only when it differs from the
 *   reference year (the current year in the clinic's zone).
 * - Never show an ISO string to a person.
 *
 * Every function takes the zone explicitly and never reads the process zone,
 * so server rendering, the browser and tests all produce the same text.
 */

import { dayNumberToLocalDate } from "./slots/local-time";
import { isKnownTimeZone, localDayNumberAt, zoneOffsetAt } from "./slots/zone-offsets";

/** A point in time: a Date or epoch milliseconds. */
export type Instant = Date | number;

function epochMs(instant: Instant): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Cannot format an invalid date");
  return ms;
}

// Building an Intl.DateTimeFormat costs far more than using one (slot lists
// format hundreds of times per render), so keep one per (preset, zone).
const PRESETS = {
  time: { hour: "numeric", minute: "2-digit" },
  date: { weekday: "short", month: "short", day: "numeric" },
  dateWithYear: { weekday: "short", month: "short", day: "numeric", year: "numeric" },
  zoneName: { timeZoneName: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

type Preset = keyof typeof PRESETS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(preset: Preset, timeZone: string): Intl.DateTimeFormat {
  const key = `${preset}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", { ...PRESETS[preset], timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

// Newer ICU versions put U+202F (narrow no-break space) before "AM"/"PM" and
// older ones a plain space; Node and browsers can disagree, which breaks
// hydration and string comparisons. Normalise to a plain space.
function normaliseSpaces(text: string): string {
  return text.replace(/[\u202f\u2009\u00a0]/g, " ");
}

function format(preset: Preset, instant: Instant, timeZone: string): string {
  return normaliseSpaces(formatter(preset, timeZone).format(epochMs(instant)));
}

// Offsets and local dates come from the slot engine's zone reader, so the
// pages and the engine can never disagree about which day a slot is on.

/** True when `timeZone` is an IANA zone this runtime knows, e.g. for validating clinic settings. */
export const isValidTimeZone = isKnownTimeZone;

/** Minutes east of UTC in `timeZone` at `instant` (New York in winter: -300). */
export function utcOffsetMinutes(instant: Instant, timeZone: string): number {
  return Math.round(zoneOffsetAt(timeZone, epochMs(instant)) / 60_000);
}

/** "9:00 AM" */
export function formatTime(instant: Instant, timeZone: string): string {
  return format("time", instant, timeZone);
}

export type DateFormatOptions = {
  /** Reference point for "is this the current year"; defaults to the real now. */
  now?: Instant;
};

/** "Tue, Dec 2", or "Sat, Jan 2, 2027" when the year differs from the reference year. */
export function formatDate(instant: Instant, timeZone: string, options: DateFormatOptions = {}): string {
  const now = options.now ?? Date.now();
  const sameYear = localDateKey(instant, timeZone).slice(0, 4) === localDateKey(now, timeZone).slice(0, 4);
  return format(sameYear ? "date" : "dateWithYear", instant, timeZone);
}

/** "YYYY-MM-DD" of the calendar day `instant` falls on in `timeZone`; for grouping and keys, not display. */
export function localDateKey(instant: Instant, timeZone: string): string {
  return dayNumberToLocalDate(localDayNumberAt(timeZone, epochMs(instant)));
}

/** Short zone name at `instant`: "EST", "EDT", or "GMT+5:30" where en-US has no abbreviation. */
function zoneAbbreviation(instant: Instant, timeZone: string): string {
  const part = formatter("zoneName", timeZone)
    .formatToParts(epochMs(instant))
    .find((p) => p.type === "timeZoneName");
  return part ? normaliseSpaces(part.value) : timeZone;
}

/**
 * City named by an IANA id ("America/Argentina/Buenos_Aires" → "Buenos Aires"),
 * or null for ids that aren't places ("UTC", "Etc/GMT+5", "EST5EDT").
 */
function zoneCity(timeZone: string): string | null {
  if (!timeZone.includes("/") || timeZone.startsWith("Etc/")) return null;
  const lastSegment = timeZone.slice(timeZone.lastIndexOf("/") + 1);
  return lastSegment.replaceAll("_", " ");
}

/**
 * "EST, New York time". The abbreviation alone is ambiguous ("CST" is three
 * different zones) and "GMT+1" alone isn't recognisable, so the city is added.
 * Zones that aren't places get just the abbreviation: "UTC".
 */
export function zoneLabel(timeZone: string, instant: Instant): string {
  const abbreviation = zoneAbbreviation(instant, timeZone);
  const city = zoneCity(timeZone);
  return city ? `${abbreviation}, ${city} time` : abbreviation;
}

/** "Tue, Dec 2, 9:00 AM EST, New York time" */
export function formatSlotInZone(instant: Instant, timeZone: string, options: DateFormatOptions = {}): string {
  return `${formatDate(instant, timeZone, options)}, ${formatTime(instant, timeZone)} ${zoneLabel(timeZone, instant)}`;
}

/**
 * The patient's own clock for a clinic time, or null when their zone has the
 * same offset at that instant (then the clinic time already is their time).
 * The date is added when it falls on a different day than at the clinic,
 * e.g. "Wed, Dec 3, 3:00 PM your time (Auckland)", so nobody turns up a day off.
 */
export function formatPatientLocal(
  instant: Instant,
  clinicTimeZone: string,
  patientTimeZone: string,
  options: DateFormatOptions = {},
): string | null {
  if (utcOffsetMinutes(instant, clinicTimeZone) === utcOffsetMinutes(instant, patientTimeZone)) return null;
  const where = zoneCity(patientTimeZone) ?? zoneAbbreviation(instant, patientTimeZone);
  const time = `${formatTime(instant, patientTimeZone)} your time (${where})`;
  const sameDay = localDateKey(instant, clinicTimeZone) === localDateKey(instant, patientTimeZone);
  return sameDay ? time : `${formatDate(instant, patientTimeZone, options)}, ${time}`;
}

const MINUTE_MS = 60_000;

/**
 * "5 h 20 min", "5 h", "45 min", "less than 1 min". Whole minutes, rounded
 * down; hours are not rolled into days because holds last at most a couple of
 * days and "30 h" reads fine.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Duration must be a non-negative number, got ${ms}`);
  const totalMinutes = Math.floor(ms / MINUTE_MS);
  if (totalMinutes === 0) return ms === 0 ? "0 min" : "less than 1 min";
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * "Expires in 5 h 20 min" or "Expired". Rounds the remaining time up to the
 * minute so an active hold never claims "0 min" left.
 */
export function formatTimeLeft(expiresAt: Instant, now: Instant): string {
  const remaining = epochMs(expiresAt) - epochMs(now);
  if (remaining <= 0) return "Expired";
  return `Expires in ${formatDuration(Math.ceil(remaining / MINUTE_MS) * MINUTE_MS)}`;
}
