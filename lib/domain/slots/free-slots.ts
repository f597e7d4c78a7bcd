// The slot engine: free slots of one doctor over a range of local dates.
// Pure: the same input always gives the same output; no I/O, no clock reads,
// no dependence on the process time zone. The rules are explained in
// docs/slots.md; the comments here say where each one is enforced.

import { BusySweep, normalizeBusy } from "./busy-time";
import { DAY_MS, HOUR_MS, MINUTE_MS, dayNumberToLocalDate, localDateToDayNumber } from "./local-time";
import type { AvailabilityInput, DoctorSchedule, Slot, SlotQuery, UtcMs } from "./types";
import { WorkingHours, type MinuteInterval } from "./working-hours";
import { ZoneTimeline, localDayNumberAt } from "./zone-offsets";

/**
 * Free slots [start, end) in increasing order, end = start + slotMinutes.
 *
 * For each local date in [from, to] ∩ [today, today + horizonDays - 1] and
 * each working interval a–b of that date, candidates start on the wall-clock
 * grid a, a + step, a + 2·step, … with step = slotMinutes + bufferMinutes. A
 * candidate is offered when:
 *  1. its start time exists on that date (spring-forward gap: skipped); a
 *     wall time shown twice (fall-back) means its first occurrence;
 *  2. every instant of [start, end) shows a wall time of that date within
 *     a–b (the slot fits the working hours; the buffer need not);
 *  3. it starts no earlier than the previous candidate of the same interval
 *     ends plus the buffer (only bites right after a spring-forward gap);
 *  4. its buffer [end, end + buffer) does not reach into a later working
 *     interval (same date or a later one); hours that no instant shows (in a
 *     spring-forward gap, on a skipped date) are no working time;
 *  5. start >= now + minNoticeHours;
 *  6. [start, end + buffer) overlaps no busy interval.
 * Rules 1–4 depend only on the schedule, so the grid never shifts when busy
 * time or `now` changes.
 */
export function computeFreeSlots(query: SlotQuery): Slot[] {
  const { schedule, now } = query;
  assertEngineNumbers(schedule, now);
  const zone = schedule.timeZone;

  // Horizon and "today" are local dates in the clinic zone. Dates before today
  // can only hold slots before `now`, so they are skipped outright.
  const today = localDayNumberAt(zone, now);
  const firstDay = Math.max(localDateToDayNumber(query.from), today);
  const lastDay = Math.min(localDateToDayNumber(query.to), today + schedule.horizonDays - 1);
  if (firstDay > lastDay) return [];

  const slotMs = schedule.slotMinutes * MINUTE_MS;
  const bufferMs = schedule.bufferMinutes * MINUTE_MS;
  const stepMinutes = schedule.slotMinutes + schedule.bufferMinutes;
  const earliestStart = now + schedule.minNoticeHours * HOUR_MS;

  // One timeline for the whole range: wall times of day D resolve within
  // D ± 1 day, and rule 4 looks up to two dates ahead.
  const timeline = new ZoneTimeline(zone, (firstDay - 1) * DAY_MS, (lastDay + 4) * DAY_MS);
  const hours = new WorkingHours(schedule);
  const sweep = new BusySweep(normalizeBusy(query.busy));
  const slots: Slot[] = [];

  let nextDayIntervals = hours.on(firstDay);
  let dayAfterIntervals = hours.on(firstDay + 1);
  for (let day = firstDay; day <= lastDay; day++) {
    const intervals = nextDayIntervals;
    nextDayIntervals = dayAfterIntervals;
    dayAfterIntervals = hours.on(day + 2);
    if (intervals.length === 0) continue;

    const midnight = day * DAY_MS; // wall ms of this date's 00:00
    // Fast path: no transition anywhere near this date, so wall = utc + offset
    // one to one and rules 1–3 hold by construction of the grid.
    const offset = timeline.constantOffset(midnight - DAY_MS, midnight + 2 * DAY_MS);

    for (let i = 0; i < intervals.length; i++) {
      const interval = intervals[i]!;
      // Rule 4 bound: the first instant the doctor works in a later interval.
      const bufferLimit =
        firstOpening(timeline, midnight, intervals, i + 1) ??
        firstOpening(timeline, midnight + DAY_MS, nextDayIntervals, 0) ??
        firstOpening(timeline, midnight + 2 * DAY_MS, dayAfterIntervals, 0) ??
        Infinity;
      const wallFrom = midnight + interval.start * MINUTE_MS;
      const wallTo = midnight + interval.end * MINUTE_MS;
      let previousEnd = -Infinity;

      for (let minute = interval.start; minute + schedule.slotMinutes <= interval.end; minute += stepMinutes) {
        const wall = midnight + minute * MINUTE_MS;
        let start: UtcMs;
        if (offset !== null) {
          start = wall - offset;
        } else {
          const resolved = timeline.resolve(wall);
          if (resolved.kind === "nonexistent") continue; // rule 1
          start = resolved.utc; // earlier occurrence when ambiguous
          if (!wallStaysWithin(timeline, start, start + slotMs, wallFrom, wallTo)) continue; // rule 2
        }
        const end = start + slotMs;
        if (start < previousEnd + bufferMs) continue; // rule 3
        previousEnd = end;
        if (end + bufferMs > bufferLimit) continue; // rule 4
        if (start < earliestStart) continue; // rule 5
        if (sweep.overlaps(start, end + bufferMs)) continue; // rule 6
        slots.push({ start, end });
      }
    }
  }
  return slots;
}

/**
 * Whether `start` is, right now, exactly the start of one of the free slots.
 * The server re-checks a booking request with it before taking locks. It
 * computes only the local date of `start`, which gives the same answer as the
 * full range because the rules only look ahead of a date, never back, and the
 * engine looks ahead whatever the range's end.
 */
export function isBookableStart(input: AvailabilityInput, start: UtcMs): boolean {
  if (!Number.isFinite(start)) return false;
  const date = dayNumberToLocalDate(localDayNumberAt(input.schedule.timeZone, start));
  const slots = computeFreeSlots({ ...input, from: date, to: date });
  // Slots are sorted: binary search.
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const candidate = slots[mid]!.start;
    if (candidate === start) return true;
    if (candidate < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The first instant at which the wall clock shows a time inside one of
 * `intervals[from…]` of the date starting at wall ms `midnight`, or null.
 * Hours that no instant shows (wholly inside a spring-forward gap, or on a
 * date the zone skips, like Apia's 2011-12-30) are no working time and are
 * passed over: nobody works then, so a buffer may run through them.
 * Looking two dates ahead is enough: a zone skips at most one date, and
 * buffers are far shorter than a day (the schema allows 120 minutes).
 */
function firstOpening(timeline: ZoneTimeline, midnight: number, intervals: readonly MinuteInterval[], from: number): UtcMs | null {
  for (let k = from; k < intervals.length; k++) {
    const resolved = timeline.resolve(midnight + intervals[k]!.start * MINUTE_MS);
    if (resolved.kind !== "nonexistent") return resolved.utc;
    // In a gap: the clock jumps from before the start to the time shown at
    // resolved.utc (the transition); the hours open then if that is before their end.
    const shown = resolved.utc + timeline.offsetAt(resolved.utc);
    if (shown < midnight + intervals[k]!.end * MINUTE_MS) return resolved.utc;
  }
  return null;
}

/**
 * True when every instant of [start, end) shows a wall time in [wallFrom,
 * wallTo). Only used near transitions: the wall clock is continuous between
 * transitions, so checking each piece's two ends suffices.
 */
function wallStaysWithin(timeline: ZoneTimeline, start: UtcMs, end: UtcMs, wallFrom: number, wallTo: number): boolean {
  let pieceStart = start;
  for (const pieceEnd of [...timeline.transitionsWithin(start, end), end]) {
    const offset = timeline.offsetAt(pieceStart);
    if (pieceStart + offset < wallFrom || pieceEnd + offset > wallTo) return false;
    pieceStart = pieceEnd;
  }
  return true;
}

// The schema enforces the business limits; the engine only refuses values it
// cannot compute with (a zero step would loop forever).
function assertEngineNumbers(schedule: DoctorSchedule, now: UtcMs): void {
  const ok =
    Number.isInteger(schedule.slotMinutes) &&
    schedule.slotMinutes > 0 &&
    Number.isInteger(schedule.bufferMinutes) &&
    schedule.bufferMinutes >= 0 &&
    Number.isFinite(schedule.minNoticeHours) &&
    schedule.minNoticeHours >= 0 &&
    Number.isInteger(schedule.horizonDays) &&
    Number.isFinite(now);
  if (!ok) throw new RangeError("Invalid schedule numbers; validate with doctorScheduleSchema first");
}
