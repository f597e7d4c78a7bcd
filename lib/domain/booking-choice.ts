/**
 * The patient's chosen day and time on a doctor's page, kept in the URL
 * (`?date=2026-12-04&time=10:20`, the clinic's wall clock) so reload, Back
 * and Forward keep it. The query is the patient's own input: anything
 * malformed or outside the bookable window is dropped, never trusted, and a
 * time counts only when it is one of that day's free times.
 */
import { initialFetchRange, monthFetchRange, monthOf, type DateRange, type IsoSlot } from "./booking-calendar";
import { DAY_MS, MINUTE_MS, formatTimeOfDay, parseLocalDate } from "./slots/local-time";
import { zoneOffsetAt } from "./slots/zone-offsets";
import type { LocalDate } from "./slots";

export type BookingChoice = { date: LocalDate; time: string | null };

type QueryValue = string | string[] | null | undefined;

// Checked without zod: the booking page reads the choice in the browser too.
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const first = (value: QueryValue) => (Array.isArray(value) ? value[0] : (value ?? undefined));

/** The choice in a query, or null; a bad time drops only the time. */
export function parseBookingChoice(query: { date?: QueryValue; time?: QueryValue }, window: DateRange): BookingChoice | null {
  const date = first(query.date);
  // "YYYY-MM-DD" naming a day that exists (no Feb 30), as localDateSchema (local-date.ts) accepts.
  if (typeof date !== "string" || parseLocalDate(date) === null) return null;
  if (date < window.from || date > window.to) return null;
  const time = first(query.time);
  return { date, time: typeof time === "string" && TIME.test(time) ? time : null };
}

/** "?date=…&time=…" for a choice, "" for none. */
export function bookingChoiceQuery(choice: BookingChoice | null): string {
  if (!choice) return "";
  const query = new URLSearchParams({ date: choice.date, ...(choice.time ? { time: choice.time } : {}) });
  return `?${query}`;
}

/** A slot's start on the clinic's wall clock, "HH:MM". */
export function slotWallTime(start: string, timeZone: string): string {
  const utc = Date.parse(start);
  const wall = utc + zoneOffsetAt(timeZone, utc);
  const minutes = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return formatTimeOfDay(minutes);
}

/** The free slot of `slots` (one day's) that starts at `time` on the wall clock; the earlier one where a DST change repeats it. */
export function slotAtWallTime(slots: readonly IsoSlot[], time: string | null, timeZone: string): IsoSlot | null {
  if (!time) return null;
  return slots.find((slot) => slotWallTime(slot.start, timeZone) === time) ?? null;
}

/** What the first render loads: the usual first months, or the chosen date's month when it lies beyond them. */
export function firstFetchRange(window: DateRange, choice: BookingChoice | null): DateRange {
  const usual = initialFetchRange(window);
  if (!choice || choice.date <= usual.to) return usual;
  return monthFetchRange(monthOf(choice.date), window) ?? usual;
}

