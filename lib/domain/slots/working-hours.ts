// Which wall-clock intervals a doctor works on a given local date: the date's
// override if there is one, otherwise the weekly hours of its weekday.

import { dayNumberToLocalDate, parseTimeOfDay, weekdayOfDayNumber } from "./local-time";
import { WEEKDAYS, type DoctorSchedule, type LocalInterval, type Weekday } from "./types";

/** Minutes after local midnight; end may be 1440 ("24:00"). */
export interface MinuteInterval {
  readonly start: number;
  readonly end: number;
}

const CLOSED: readonly MinuteInterval[] = [];

/**
 * Parses and sorts one day's intervals. The engine relies on sorted,
 * non-overlapping intervals (its busy sweep only moves forward), so it
 * refuses bad input loudly instead of returning wrong slots; forms should
 * validate with doctorScheduleSchema first and show friendly errors.
 */
export function parseDayIntervals(intervals: readonly LocalInterval[], where: string): readonly MinuteInterval[] {
  if (intervals.length === 0) return CLOSED;
  const parsed = intervals.map((interval, i) => {
    const start = parseTimeOfDay(interval.start, false);
    const end = parseTimeOfDay(interval.end, true);
    if (start === null || end === null || end <= start) {
      throw new RangeError(`Invalid interval ${where}[${i}]: ${interval.start}-${interval.end}`);
    }
    return { start, end };
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]!.start < parsed[i - 1]!.end) throw new RangeError(`Overlapping intervals in ${where}`);
  }
  return parsed;
}

/** Looks up working intervals by day number; weekly hours are parsed once. */
export class WorkingHours {
  private readonly weekly: Readonly<Record<Weekday, readonly MinuteInterval[]>>;
  private readonly hasOverrides: boolean;

  constructor(private readonly schedule: DoctorSchedule) {
    const weekly = {} as Record<Weekday, readonly MinuteInterval[]>;
    for (const day of WEEKDAYS) {
      weekly[day] = parseDayIntervals(schedule.weeklyHours[day] ?? [], `weeklyHours.${day}`);
    }
    this.weekly = weekly;
    this.hasOverrides = schedule.dateOverrides !== undefined && Object.keys(schedule.dateOverrides).length > 0;
  }

  on(dayNumber: number): readonly MinuteInterval[] {
    if (this.hasOverrides) {
      const date = dayNumberToLocalDate(dayNumber);
      const override = this.schedule.dateOverrides?.[date];
      if (override) {
        if ("closed" in override) return CLOSED;
        return parseDayIntervals(override.intervals, `dateOverrides.${date}.intervals`);
      }
    }
    return this.weekly[weekdayOfDayNumber(dayNumber)];
  }
}
