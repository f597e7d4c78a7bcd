/**
 * Pure helpers behind the patient's booking calendar: which local dates a
 * month shows, which range to ask the slots API for, and how the free slots
 * group by day and part of day. Dates are the clinic's local dates
 * ("YYYY-MM-DD"), months are "YYYY-MM"; nothing here reads the process zone,
 * so the server render and the browser agree.
 */
// From the slot engine's own modules, not its index: the index also carries
// the schedule's zod schema, which the browser's calendar has no use for.
import { DAY_MS, dayNumberToLocalDate, localDateToDayNumber } from "./slots/local-time";
import { ZoneTimeline } from "./slots/zone-offsets";
import { WEEKDAYS, type DoctorSchedule, type LocalDate } from "./slots/types";
import { formatDate, formatTime, localDateKey, utcOffsetMinutes } from "./time-format";

/** A calendar month, "YYYY-MM". */
export type MonthKey = string;

/** A free slot as the slots API sends it: ISO UTC instants. */
export type IsoSlot = { start: string; end: string };

/** An inclusive local-date range, as the slots API takes it. */
export type DateRange = { from: LocalDate; to: LocalDate };

/** The slots API answers at most this many days per request (lib/server/booking/free-slot-reader.ts). */
export const MAX_FETCH_DAYS = 62;

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

function parseMonth(month: MonthKey): { year: number; month: number } {
  const match = MONTH_KEY.exec(month);
  const value = match ? { year: Number(match[1]), month: Number(match[2]) } : null;
  if (!value || value.month < 1 || value.month > 12) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return value;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2025-12-02" → "2025-12". */
export function monthOf(date: LocalDate): MonthKey {
  localDateToDayNumber(date); // validates
  return date.slice(0, 7);
}

/** "2025-12" + 1 → "2026-01"; negative steps go back. */
export function addMonths(month: MonthKey, step: number): MonthKey {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + step;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** First and last local date of a month. */
export function monthBounds(month: MonthKey): DateRange {
  const { year, month: m } = parseMonth(month);
  const from = `${pad(year, 4)}-${pad(m)}-01`;
  const next = addMonths(month, 1);
  const to = dayNumberToLocalDate(localDateToDayNumber(`${next}-01`) - 1);
  return { from, to };
}

/**
 * The dates a patient can book: today (clinic zone) through the doctor's
 * horizon, the same window the slot engine uses.
 */
export function bookableWindow(today: LocalDate, horizonDays: number): DateRange {
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new RangeError(`horizonDays must be a positive integer, got ${horizonDays}`);
  return { from: today, to: dayNumberToLocalDate(localDateToDayNumber(today) + horizonDays - 1) };
}

/**
 * The last month the calendar pages to: the one holding the first day past
 * the horizon, so a patient always reaches the month where booking stops and
 * reads why. When the horizon ends on a month's last day that is the next
 * month, none of it open yet.
 */
export function lastCalendarMonth(window: DateRange): MonthKey {
  return monthOf(dayNumberToLocalDate(localDateToDayNumber(window.to) + 1));
}

/** A month wholly past the bookable window: none of its days can be booked yet. */
export function opensLater(month: MonthKey, window: DateRange): boolean {
  return monthBounds(month).from > window.to;
}

/**
 * Whether the doctor has any working hours on a date a patient could book
 * (today through the horizon): weekly hours on a day not closed by an
 * override, or an override that opens hours. A doctor without any is listed
 * as "Not taking online bookings" rather than leading to an empty calendar.
 * Says nothing about free times: a fully booked doctor still takes bookings.
 */
export function hasHoursInWindow(schedule: Pick<DoctorSchedule, "weeklyHours" | "dateOverrides" | "horizonDays">, today: LocalDate): boolean {
  const first = localDateToDayNumber(today);
  for (let day = first; day < first + schedule.horizonDays; day++) {
    const override = schedule.dateOverrides?.[dayNumberToLocalDate(day)];
    if (override) {
      if (!("closed" in override) && override.intervals.length > 0) return true;
      continue;
    }
    // Day number 0 (1970-01-01) was a Thursday; WEEKDAYS starts on Monday.
    const weekday = WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
    if ((schedule.weeklyHours[weekday]?.length ?? 0) > 0) return true;
  }
  return false;
}

function clip(range: DateRange, window: DateRange): DateRange | null {
  const from = range.from > window.from ? range.from : window.from;
  const to = range.to < window.to ? range.to : window.to;
  return from <= to ? { from, to } : null;
}

/**
 * What to ask for when a month is shown: the month clipped to the bookable
 * window, or null when none of it is bookable (nothing to fetch).
 */
export function monthFetchRange(month: MonthKey, window: DateRange): DateRange | null {
  return clip(monthBounds(month), window);
}

/**
 * The first server-rendered view: the rest of this month and all of the
 * next, so a patient who opens the page late in the month still sees times
 * (and the next month opens without a round trip). Always within the API's
 * 62-day limit (two months are at most 31 + 31 days).
 */
export function initialFetchRange(window: DateRange): DateRange {
  const month = monthOf(window.from);
  const range = clip({ from: window.from, to: monthBounds(addMonths(month, 1)).to }, window);
  // window.from is always inside the range, so clip never returns null here.
  return range!;
}

/** The months a range touches, in order: { from: "2025-12-20", to: "2026-01-31" } → ["2025-12", "2026-01"]. */
export function monthsInRange(range: DateRange): MonthKey[] {
  const months: MonthKey[] = [];
  const last = monthOf(range.to);
  for (let month = monthOf(range.from); month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** Free slots keyed by their local date in the clinic's zone, each list in time order. */
export function groupSlotsByDate(slots: readonly IsoSlot[], timeZone: string): Map<LocalDate, IsoSlot[]> {
  const byDate = new Map<LocalDate, IsoSlot[]>();
  const sorted = slots.map((slot) => ({ slot, start: Date.parse(slot.start) })).sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return byDate;
  // The zone's offsets over the whole span, read once per day rather than once
  // per slot: two months of slots are hundreds of Intl calls on a slow phone.
  const timeline = new ZoneTimeline(timeZone, sorted[0]!.start, sorted.at(-1)!.start);
  let day = Number.NaN;
  let list: IsoSlot[] = [];
  for (const { slot, start } of sorted) {
    const slotDay = Math.floor((start + timeline.offsetAt(start)) / DAY_MS);
    if (slotDay !== day) {
      day = slotDay;
      list = [];
      byDate.set(dayNumberToLocalDate(day), list);
    }
    list.push(slot);
  }
  return byDate;
}

/** The earliest date in `month` that has a free slot, or null. */
export function firstDateWithSlots(byDate: ReadonlyMap<LocalDate, readonly IsoSlot[]>, month?: MonthKey): LocalDate | null {
  let first: LocalDate | null = null;
  for (const [date, slots] of byDate) {
    if (slots.length === 0 || (month !== undefined && !date.startsWith(`${month}-`))) continue;
    if (first === null || date < first) first = date;
  }
  return first;
}

export type PartOfDay = "morning" | "afternoon" | "evening";

export const PART_OF_DAY_LABEL: Readonly<Record<PartOfDay, string>> = {
  morning: "Morning",
  afternoon: "Afternoon",
  evening: "Evening",
};

/** Morning before 12:00, afternoon before 17:00, then evening; by the clinic's wall clock. */
export function partOfDay(instant: number, timeZone: string): PartOfDay {
  const DAY_MINUTES = 24 * 60;
  const utcMinutes = Math.floor(instant / 60_000);
  const local = (((utcMinutes + utcOffsetMinutes(instant, timeZone)) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  if (local < 12 * 60) return "morning";
  if (local < 17 * 60) return "afternoon";
  return "evening";
}

/** A day's slots split into morning/afternoon/evening, skipping empty parts. */
export function groupByPartOfDay(slots: readonly IsoSlot[], timeZone: string): { part: PartOfDay; slots: IsoSlot[] }[] {
  const parts: Record<PartOfDay, IsoSlot[]> = { morning: [], afternoon: [], evening: [] };
  for (const slot of slots) parts[partOfDay(Date.parse(slot.start), timeZone)].push(slot);
  return (Object.keys(parts) as PartOfDay[]).filter((part) => parts[part].length > 0).map((part) => ({ part, slots: parts[part] }));
}

/**
 * The patient's own time for a slot button, short enough to sit under the
 * clinic time: "6:00 AM your time", or "Wed 3:00 AM your time" when it falls
 * on another day there; null when the patient's zone has the clinic's offset
 * (or is not known yet).
 */
export function shortPatientTime(instant: number, clinicZone: string, patientZone: string | null): string | null {
  if (!patientZone || utcOffsetMinutes(instant, clinicZone) === utcOffsetMinutes(instant, patientZone)) return null;
  const time = formatTime(instant, patientZone);
  if (localDateKey(instant, clinicZone) === localDateKey(instant, patientZone)) return `${time} your time`;
  const weekday = formatDate(instant, patientZone).slice(0, 3);
  return `${weekday} ${time} your time`;
}

/** The city an IANA zone names, for "Your time (Los Angeles)": "America/Los_Angeles" → "Los Angeles"; "UTC" stays. */
export function zoneCityName(timeZone: string): string {
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/** "2025-12" → "December", for messages like "No free times in December". */
export function monthName(month: MonthKey): string {
  const { month: m } = parseMonth(month);
  return MONTH_NAMES[m - 1]!;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Two-letter initials for an avatar: "Dr. Amara Okafor" → "AO"; titles are skipped. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((word) => word && !/^(dr|prof|mr|mrs|ms|mx)\.?$/i.test(word));
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((word) => Array.from(word)[0]!.toUpperCase()).join("") || "?";
}
