// TEST-ONLY. A slow, literal transcription of the rules in docs/slots.md,
// built on the wall-clock oracle instead of the engine's ZoneTimeline, so the
// property tests can compare the two implementations output for output.

import type { LocalInterval, Slot, SlotQuery, UtcMs } from "../types";
import { addDays, instantsShowing, transitionsBetween, wallClock } from "./wall-clock-oracle";

const MINUTE = 60_000;
const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

export function intervalsOn(query: SlotQuery, date: string): { a: number; b: number }[] {
  const override = query.schedule.dateOverrides?.[date];
  let raw: readonly LocalInterval[];
  if (override) raw = "closed" in override ? [] : override.intervals;
  else {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    raw = query.schedule.weeklyHours[WEEKDAY_KEYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!] ?? [];
  }
  return raw.map((i) => ({ a: minutes(i.start), b: minutes(i.end) })).sort((x, y) => x.a - y.a);
}

/**
 * Rule 4, read literally: true when some instant of [from, to) shows a wall
 * time inside a working interval that comes after interval `index` of `date`
 * (later the same date, or on any later date). Sampled every 5 minutes: wall
 * times, lengths and every offset are multiples of 5 minutes, so whether the
 * doctor works is constant on each 5-minute block.
 */
export function meetsLaterWork(query: SlotQuery, date: string, index: number, from: UtcMs, to: UtcMs): boolean {
  const zone = query.schedule.timeZone;
  for (let utc = from; utc < to; utc += 5 * MINUTE) {
    const w = wallClock(zone, utc);
    if (w.date < date) continue;
    const k = intervalsOn(query, w.date).findIndex(({ a, b }) => w.msOfDay >= a * MINUTE && w.msOfDay < b * MINUTE);
    if (k >= 0 && (w.date > date || k > index)) return true;
  }
  return false;
}

export function fitsInHours(zone: string, start: UtcMs, end: UtcMs, date: string, a: number, b: number): boolean {
  const checkpoints = [start, end - 1];
  for (const t of transitionsBetween(zone, start, end)) checkpoints.push(t - 1, t);
  return checkpoints.every((utc) => {
    const w = wallClock(zone, utc);
    return w.date === date && w.msOfDay >= a * MINUTE && w.msOfDay < b * MINUTE;
  });
}

export function referenceFreeSlots(query: SlotQuery): Slot[] {
  const { schedule, now, busy } = query;
  const zone = schedule.timeZone;
  const dur = schedule.slotMinutes * MINUTE;
  const buf = schedule.bufferMinutes * MINUTE;
  const step = schedule.slotMinutes + schedule.bufferMinutes;
  const today = wallClock(zone, now).date;
  const first = query.from > today ? query.from : today;
  const horizonEnd = addDays(today, schedule.horizonDays - 1);
  const last = query.to < horizonEnd ? query.to : horizonEnd;
  const out: Slot[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const intervals = intervalsOn(query, date);
    intervals.forEach(({ a, b }, i) => {
      let previousEnd = -Infinity;
      for (let m = a; m + schedule.slotMinutes <= b; m += step) {
        const shown = instantsShowing(zone, date, m);
        if (shown.length === 0) continue;
        const start = shown[0]!;
        const end = start + dur;
        if (!fitsInHours(zone, start, end, date, a, b)) continue;
        if (start < previousEnd + buf) continue;
        previousEnd = end;
        if (meetsLaterWork(query, date, i, end, end + buf)) continue;
        if (start < now + schedule.minNoticeHours * 60 * MINUTE) continue;
        if (busy.some((x) => x.start < end + buf && start < x.end)) continue;
        out.push({ start, end });
      }
    });
  }
  return out;
}
