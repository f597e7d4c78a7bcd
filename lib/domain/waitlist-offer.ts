/**
 * When the booking page offers the waiting list, and the form's day choices.
 * Zod-free: the patient's bundle reads it (the server checks the join with
 * waitlist.ts's schema).
 */
import { dayNumberToLocalDate, localDateToDayNumber } from "./slots/local-time";
import { WEEKDAYS, type LocalDate, type Weekday } from "./slots/types";
import type { WeekStart } from "./week-start";

/** The form's day choices, in the week's order, with short and full names. */
export const WAITLIST_DAY_CHOICES: readonly { value: Weekday; short: string; name: string }[] = [
  { value: "mon", short: "Mon", name: "Monday" },
  { value: "tue", short: "Tue", name: "Tuesday" },
  { value: "wed", short: "Wed", name: "Wednesday" },
  { value: "thu", short: "Thu", name: "Thursday" },
  { value: "fri", short: "Fri", name: "Friday" },
  { value: "sat", short: "Sat", name: "Saturday" },
  { value: "sun", short: "Sun", name: "Sunday" },
];

// 1970-01-01 (day number 0) was a Thursday (4, counting Sunday as 0).
const dayOfWeek = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7;

/** The calendar week (as the clinic's country starts it) that `date` falls in. */
export function weekAround(date: LocalDate, weekStartsOn: WeekStart): { from: LocalDate; to: LocalDate } {
  const day = localDateToDayNumber(date);
  const first = day - ((dayOfWeek(day) - weekStartsOn + 7) % 7);
  return { from: dayNumberToLocalDate(first), to: dayNumberToLocalDate(first + 6) };
}

/**
 * Offer "Tell me if a time opens" when the week the patient is looking at
 * (the chosen day's, or this week before they choose) has no free time left
 * from today on.
 */
export function weekIsFull(freeCount: (date: LocalDate) => number, date: LocalDate, today: LocalDate, weekStartsOn: WeekStart): boolean {
  const { from, to } = weekAround(date, weekStartsOn);
  for (let day = Math.max(localDateToDayNumber(from), localDateToDayNumber(today)); day <= localDateToDayNumber(to); day++) {
    if (freeCount(dayNumberToLocalDate(day)) > 0) return false;
  }
  return true;
}

export const isWeekday = (value: string): value is Weekday => (WEEKDAYS as readonly string[]).includes(value);
