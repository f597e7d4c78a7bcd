// The baseline for bench/slots.ts: what a straightforward implementation with
// date-fns-tz looks like. Every slot start and every interval edge goes
// through fromZonedTime (which formats through Intl each time), and busy time
// is scanned linearly per slot. Same rules as the engine on ordinary days
// (it ignores the engine's DST-edge rules, which the bench case never hits),
// so the bench can check that both produce the same slots.

import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import type { LocalInterval, Slot, SlotQuery } from "../lib/domain/slots";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const MINUTE = 60_000;

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function intervalsOn(query: SlotQuery, date: string): readonly LocalInterval[] {
  const override = query.schedule.dateOverrides?.[date];
  if (override) return "closed" in override ? [] : override.intervals;
  const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
  return query.schedule.weeklyHours[weekday] ?? [];
}

function toInstant(date: string, time: string, zone: string): number {
  if (time === "24:00") return fromZonedTime(`${nextDate(date)}T00:00:00`, zone).getTime();
  return fromZonedTime(`${date}T${time}:00`, zone).getTime();
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function naiveFreeSlots(query: SlotQuery): Slot[] {
  const { schedule, now, busy } = query;
  const zone = schedule.timeZone;
  const today = formatInTimeZone(now, zone, "yyyy-MM-dd");
  let lastDate = today;
  for (let i = 1; i < schedule.horizonDays; i++) lastDate = nextDate(lastDate);
  const slots: Slot[] = [];

  for (let date = query.from; date <= query.to; date = nextDate(date)) {
    if (date < today || date > lastDate) continue;
    const intervals = [...intervalsOn(query, date)].sort((a, b) => a.start.localeCompare(b.start));
    const tomorrow = intervalsOn(query, nextDate(date));
    intervals.forEach((interval, i) => {
      const following = intervals[i + 1];
      const nextStart = following
        ? toInstant(date, following.start, zone)
        : tomorrow[0]
          ? toInstant(nextDate(date), tomorrow[0].start, zone)
          : Infinity;
      const intervalEnd = toInstant(date, interval.end, zone);
      const [h, m] = interval.start.split(":").map(Number) as [number, number];
      for (let minute = h * 60 + m; ; minute += schedule.slotMinutes + schedule.bufferMinutes) {
        const start = toInstant(date, hhmm(minute), zone);
        const end = start + schedule.slotMinutes * MINUTE;
        const blockedUntil = end + schedule.bufferMinutes * MINUTE;
        if (end > intervalEnd) break;
        if (blockedUntil > nextStart) continue;
        if (start < now + schedule.minNoticeHours * 60 * MINUTE) continue;
        if (busy.some((b) => b.start < blockedUntil && start < b.end)) continue;
        slots.push({ start, end });
      }
    });
  }
  return slots;
}
