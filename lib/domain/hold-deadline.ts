/**
 * When a hold on a requested time lapses. Pure: the server passes the clinic's
 * rule, its doctors' schedules and the visit's start.
 *
 * - Wall clock (the default): `hours` after `from`.
 * - Opening hours only: `hours` of the clinic's opening time after `from`,
 *   where the clinic is open when any doctor works (weekly hours, with each
 *   doctor's date overrides: closed days count as closed). A request sent on
 *   Friday evening then lapses during the next working day, never at 2:04 AM.
 *   A clinic with no hours at all (or none within a year) falls back to the
 *   wall clock, so a hold always ends.
 * - Never after the visit itself starts: a hold cannot outlive its own time.
 */
import { resolveWallTime } from "./slots/zone-offsets";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slots/local-time";
import { WorkingHours, type MinuteInterval } from "./slots/working-hours";
import { localDayNumberAt } from "./slots/zone-offsets";
import type { DoctorSchedule, UtcMs } from "./slots/types";

export interface HoldRule {
  /** Length of the hold in hours (wall clock, or opening hours). */
  hours: number;
  /** Count only the clinic's opening hours. */
  openingHoursOnly: boolean;
}

export const DEFAULT_HOLD_RULE: HoldRule = { hours: 24, openingHoursOnly: false };
export const HOLD_HOURS_MIN = 1;
export const HOLD_HOURS_MAX = 72;

export interface HoldDeadlineInput {
  from: UtcMs;
  rule: HoldRule;
  /** The clinic's zone; opening hours are read in it. */
  timeZone: string;
  /** The clinic's doctors' schedules (only read with openingHoursOnly). */
  schedules?: readonly DoctorSchedule[];
  /** The visit's start: the hold ends then at the latest. */
  visitStart?: UtcMs;
}

// How far ahead to look for enough opening time before giving up on it.
const SEARCH_DAYS = 366;

export function holdDeadline(input: HoldDeadlineInput): UtcMs {
  const length = input.rule.hours * HOUR_MS;
  let deadline = input.from + length;
  if (input.rule.openingHoursOnly) {
    deadline = openingDeadline(input.from, length, input.timeZone, input.schedules ?? []) ?? deadline;
  }
  return input.visitStart === undefined ? deadline : Math.min(deadline, input.visitStart);
}

/** The instant at which `length` ms of opening time after `from` have passed, or null if there is not enough within a year. */
function openingDeadline(from: UtcMs, length: number, timeZone: string, schedules: readonly DoctorSchedule[]): UtcMs | null {
  if (schedules.length === 0) return null;
  const hours = schedules.map((s) => new WorkingHours(s));
  let remaining = length;
  const firstDay = localDayNumberAt(timeZone, from);
  for (let day = firstDay; day < firstDay + SEARCH_DAYS; day++) {
    for (const open of merge(hours.flatMap((h) => h.on(day)))) {
      const start = Math.max(from, toUtc(timeZone, day, open.start, "start"));
      const end = toUtc(timeZone, day, open.end, "end");
      if (end <= start) continue;
      if (end - start >= remaining) return start + remaining;
      remaining -= end - start;
    }
  }
  return null;
}

/** The union of several doctors' intervals of one day, sorted and merged. */
function merge(intervals: readonly MinuteInterval[]): MinuteInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: MinuteInterval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, next.end) };
    else out.push({ ...next });
  }
  return out;
}

/**
 * A local wall time as an instant. In a fall-back overlap an opening starts at
 * the first occurrence and ends at the second (the real length of the
 * interval); in a spring-forward gap both read as the moment the clock jumps.
 */
function toUtc(timeZone: string, day: number, minutes: number, edge: "start" | "end"): UtcMs {
  const resolved = resolveWallTime(timeZone, day * DAY_MS + minutes * MINUTE_MS);
  if (resolved.kind === "ambiguous") return edge === "start" ? resolved.utc : resolved.later;
  return resolved.utc;
}
