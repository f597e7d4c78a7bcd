// What the availability editor's "week at a glance" shows: only the rows that
// would be saved as they are. A row with a problem (end before start, an
// overlap, a bad time) is left out of the bars and the total until it is
// fixed, and overlapping rows are never counted twice, so the card never
// says "38 h a week" or "Tuesday: 9:00 AM – 8:00 AM" for hours nobody can book.

import { WEEKDAYS, type Weekday } from "./slots";
import type { FormErrors, ScheduleForm } from "./availability-form";

const MINUTES_PER_DAY = 24 * 60;

export type MinuteRange = { readonly start: number; readonly end: number };

export interface DaySummary {
  /** Valid rows, merged where they overlap or touch, in order. Minutes from local midnight; end ≤ 1440. */
  readonly ranges: readonly MinuteRange[];
  /** Rows left out because they have a problem. */
  readonly skipped: number;
}

export interface WeekSummary {
  readonly days: Readonly<Record<Weekday, DaySummary>>;
  readonly totalMinutes: number;
  readonly skipped: number;
}

function minutes(time: string, role: "start" | "end"): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const mins = Number(match[2]);
  if (hours > 23 || mins > 59) return role === "end" && time === "24:00" ? MINUTES_PER_DAY : null;
  const value = hours * 60 + mins;
  // A time input can't hold 24:00: as an end, 00:00 means midnight at the end of the day.
  return role === "end" && value === 0 ? MINUTES_PER_DAY : value;
}

function hasError(errors: FormErrors, prefix: string): boolean {
  return Object.keys(errors).some((path) => path === prefix || path.startsWith(`${prefix}.`));
}

function merge(ranges: MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: MinuteRange[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else out.push(range);
  }
  return out;
}

/** The week's bookable hours from the form, leaving out rows the validator flagged (`errors`) or that can't be read. */
export function summarizeWeek(weeklyHours: ScheduleForm["weeklyHours"], errors: FormErrors = {}): WeekSummary {
  let totalMinutes = 0;
  let skipped = 0;
  const days = {} as Record<Weekday, DaySummary>;
  for (const day of WEEKDAYS) {
    const valid: MinuteRange[] = [];
    let daySkipped = 0;
    weeklyHours[day].forEach((row, index) => {
      const start = minutes(row.start, "start");
      const end = minutes(row.end, "end");
      if (start === null || end === null || end <= start || hasError(errors, `weeklyHours.${day}.${index}`)) daySkipped += 1;
      else valid.push({ start, end });
    });
    const ranges = merge(valid);
    totalMinutes += ranges.reduce((sum, r) => sum + (r.end - r.start), 0);
    skipped += daySkipped;
    days[day] = { ranges, skipped: daySkipped };
  }
  return { days, totalMinutes, skipped };
}

/** "HH:mm" for a minute of the day (1440 → "24:00"), to reuse the editor's wording helpers. */
export function rangeTimes(range: MinuteRange): { start: string; end: string } {
  const text = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { start: text(range.start), end: text(range.end) };
}

/** The card's title: "Your week" only for the doctor themself; an admin sees whose week it is. */
export function weekTitle(subject: { own: true } | { own: false; doctorName: string }): string {
  return subject.own ? "Your week" : `${subject.doctorName}'s week`;
}
