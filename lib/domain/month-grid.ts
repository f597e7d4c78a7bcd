/**
 * The booking calendar's month grid, as pure date maths: which day sits in
 * which row and column, where a key moves focus (the WAI-ARIA date-grid
 * keys), and what each day says. Dates are local "YYYY-MM-DD" strings and
 * day numbers (lib/domain/slots/local-time.ts), so the grid needs no date
 * library in the browser and renders the same on the server and the client
 * whatever their zones. Imports only leaf modules: no zod, no date-fns.
 */
import { addMonths, monthBounds, monthOf, type MonthKey } from "./booking-calendar";
import { dayNumberToLocalDate, localDateToDayNumber } from "./slots/local-time";
import type { LocalDate } from "./slots/types";
import type { WeekStart } from "./week-start";

const shift = (date: LocalDate, days: number): LocalDate => dayNumberToLocalDate(localDateToDayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday (day number 0, 1970-01-01, was a Thursday). */
export function weekdayOf(date: LocalDate): WeekStart {
  return ((((localDateToDayNumber(date) + 4) % 7) + 7) % 7) as WeekStart;
}

/** The column a date takes in a week that starts on `weekStartsOn` (0 … 6). */
export function columnOf(date: LocalDate, weekStartsOn: WeekStart): number {
  return (weekdayOf(date) - weekStartsOn + 7) % 7;
}

/**
 * A month's weeks, each seven cells from `weekStartsOn`: the month's dates,
 * and null where a cell belongs to the month before or after (shown empty).
 */
export function monthWeeks(month: MonthKey, weekStartsOn: WeekStart): (LocalDate | null)[][] {
  const { from, to } = monthBounds(month);
  const first = localDateToDayNumber(from);
  const last = localDateToDayNumber(to);
  const weeks: (LocalDate | null)[][] = [];
  for (let start = first - columnOf(from, weekStartsOn); start <= last; start += 7) {
    weeks.push(Array.from({ length: 7 }, (_, i) => (start + i < first || start + i > last ? null : dayNumberToLocalDate(start + i))));
  }
  return weeks;
}

/** The days of the week in column order, as 0 (Sunday) … 6. */
export function weekdayColumns(weekStartsOn: WeekStart): WeekStart[] {
  return Array.from({ length: 7 }, (_, i) => ((weekStartsOn + i) % 7) as WeekStart);
}

/** What a key asks for, in the WAI-ARIA APG date-grid pattern. */
export type GridMove = "previousDay" | "nextDay" | "previousWeek" | "nextWeek" | "weekStart" | "weekEnd" | "previousMonth" | "nextMonth";

export const KEY_MOVES: Readonly<Record<string, GridMove>> = {
  ArrowLeft: "previousDay",
  ArrowRight: "nextDay",
  ArrowUp: "previousWeek",
  ArrowDown: "nextWeek",
  Home: "weekStart",
  End: "weekEnd",
  PageUp: "previousMonth",
  PageDown: "nextMonth",
};

/** The same day of the month `step` months on, or the month's last day when it has fewer days (Jan 31 → Feb 28). */
export function sameDayInMonth(date: LocalDate, step: number): LocalDate {
  const target = addMonths(monthOf(date), step);
  const { to } = monthBounds(target);
  const day = date.slice(8);
  return `${target}-${day}` <= to ? `${target}-${day}` : to;
}

/**
 * Where a move lands before any day is skipped: a day or a week on, the
 * same day of the next month, or the first/last day of the date's week.
 */
export function movedDate(date: LocalDate, move: GridMove, weekStartsOn: WeekStart): LocalDate {
  switch (move) {
    case "previousDay":
      return shift(date, -1);
    case "nextDay":
      return shift(date, 1);
    case "previousWeek":
      return shift(date, -7);
    case "nextWeek":
      return shift(date, 7);
    case "weekStart":
      return shift(date, -columnOf(date, weekStartsOn));
    case "weekEnd":
      return shift(date, 6 - columnOf(date, weekStartsOn));
    case "previousMonth":
      return sameDayInMonth(date, -1);
    case "nextMonth":
      return sameDayInMonth(date, 1);
  }
}

/**
 * Where focus should go: `date`, or when that day cannot be chosen, the
 * first choosable day after it (`toward` 1), before it (-1), or nearest to it
 * (0, the earlier on a tie), within date's month.
 */
export type FocusIntent = { date: LocalDate; toward: -1 | 0 | 1 };

export type GridContext = {
  /** The month shown. */
  month: MonthKey;
  /** The months the calendar pages through. */
  firstMonth: MonthKey;
  lastMonth: MonthKey;
  weekStartsOn: WeekStart;
  /** Whether a patient can choose the date (it has free times). */
  choosable: (date: LocalDate) => boolean;
};

/**
 * Where a key moves focus from `from` (a day of the shown month). Days that
 * cannot be chosen are skipped one day at a time in the key's direction, so
 * no choosable day is ever jumped over by the day keys: → goes to the next
 * choosable day, ↓ to the first choosable day at least a week later. When
 * the search leaves the month, the result lies in the next (or previous)
 * month, to be resolved once that month's days are known (resolveFocus);
 * null when the calendar does not page there, or nothing in reach.
 * Home/End stay within the week's row; Page Up/Down go to the same day of
 * the adjacent month, or the nearest choosable one.
 */
export function keyTarget(from: LocalDate, move: GridMove, context: GridContext): FocusIntent | null {
  const { month, firstMonth, lastMonth, weekStartsOn, choosable } = context;
  const { from: monthStart, to: monthEnd } = monthBounds(month);
  const inMonth = (date: LocalDate) => date >= monthStart && date <= monthEnd;

  if (move === "previousMonth" || move === "nextMonth") {
    const target = movedDate(from, move, weekStartsOn);
    const targetMonth = monthOf(target);
    return targetMonth < firstMonth || targetMonth > lastMonth ? null : { date: target, toward: 0 };
  }

  if (move === "weekStart" || move === "weekEnd") {
    const edge = movedDate(from, move, weekStartsOn);
    const toward = move === "weekStart" ? 1 : -1;
    // The row's first (last) day of this month, walking back toward `from`.
    for (let date = inMonth(edge) ? edge : toward === 1 ? monthStart : monthEnd; toward === 1 ? date <= from : date >= from; date = shift(date, toward)) {
      if (choosable(date)) return { date, toward: 0 };
    }
    return null;
  }

  const toward = move === "nextDay" || move === "nextWeek" ? 1 : -1;
  let date = movedDate(from, move, weekStartsOn);
  while (inMonth(date)) {
    if (choosable(date)) return { date, toward: 0 };
    date = shift(date, toward);
  }
  const nextMonth = monthOf(date);
  return nextMonth < firstMonth || nextMonth > lastMonth ? null : { date, toward };
}

/** The choosable day an intent lands on in `month`, or null when there is none (or the intent is for another month). */
export function resolveFocus(month: MonthKey, intent: FocusIntent, choosable: (date: LocalDate) => boolean): LocalDate | null {
  if (monthOf(intent.date) !== month) return null;
  const { from, to } = monthBounds(month);
  const days = localDateToDayNumber(to) - localDateToDayNumber(from);
  for (let distance = 0; distance <= days; distance++) {
    const candidates =
      intent.toward === 0 ? [shift(intent.date, -distance), shift(intent.date, distance)] : [shift(intent.date, intent.toward * distance)];
    for (const date of candidates) if (date >= from && date <= to && choosable(date)) return date;
  }
  return null;
}

/**
 * The one day in the grid's tab order (roving tabindex): where the keyboard
 * last was in this month, else the selected day, else today, else the
 * month's first choosable day; null when none can be chosen.
 */
export function tabStopDay(
  month: MonthKey,
  { intent, selected, today, choosable }: { intent: FocusIntent | null; selected: LocalDate | null; today: LocalDate; choosable: (date: LocalDate) => boolean },
): LocalDate | null {
  const own = (date: LocalDate | null) => date !== null && monthOf(date) === month && choosable(date);
  const fromIntent = intent ? resolveFocus(month, intent, choosable) : null;
  if (fromIntent) return fromIntent;
  if (own(selected)) return selected;
  if (own(today)) return today;
  return resolveFocus(month, { date: monthBounds(month).from, toward: 1 }, choosable);
}

/** Why a day can or cannot be chosen, in the order the calendar checks. */
export type DayAvailability = { kind: "pastHorizon" } | { kind: "loading" } | { kind: "free"; count: number };

export function dayAvailability(date: LocalDate, { lastBookable, loading, count }: { lastBookable: LocalDate; loading: boolean; count: number }): DayAvailability {
  if (date > lastBookable) return { kind: "pastHorizon" };
  if (loading) return { kind: "loading" };
  return { kind: "free", count };
}

const LONG_DATE = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" });
const MONTH_YEAR = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", year: "numeric" });
const WEEKDAY = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long" });
// Noon UTC of the date: formatted in UTC, no zone can move it to another day.
const noonUtc = (date: LocalDate) => (localDateToDayNumber(date) + 0.5) * 86_400_000;

/** "Wednesday, December 9". */
export function longDate(date: LocalDate): string {
  return LONG_DATE.format(noonUtc(date));
}

/** "December 2026". */
export function monthHeading(month: MonthKey): string {
  return MONTH_YEAR.format(noonUtc(monthBounds(month).from));
}

/** A weekday's name (0 = Sunday): "Sunday". */
export function weekdayName(weekday: WeekStart): string {
  // 1970-01-04 (day number 3) was a Sunday.
  return WEEKDAY.format(noonUtc(dayNumberToLocalDate(3 + weekday)));
}

/** A day button's accessible name: "Today, Wednesday, December 9, 3 free times, selected". */
export function dayLabel(date: LocalDate, availability: DayAvailability, { today, selected }: { today: boolean; selected: boolean }): string {
  const reason =
    availability.kind === "pastHorizon"
      ? "booking not open yet"
      : availability.kind === "loading"
        ? "loading"
        : availability.count === 0
          ? "no free times"
          : availability.count === 1
            ? "1 free time"
            : `${availability.count} free times`;
  const parts = [today ? `Today, ${longDate(date)}` : longDate(date), reason];
  if (selected) parts.push("selected");
  return parts.join(", ");
}
