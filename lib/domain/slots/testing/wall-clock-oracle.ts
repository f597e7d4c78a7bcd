// TEST-ONLY. An independent, deliberately slow reading of wall clocks, used
// by the tests to check the engine without trusting the engine's own
// conversions (zone-offsets.ts). It uses different Intl calls (formatToParts
// with milliseconds, and "longOffset" zone names) and brute-force searches.

import type { UtcMs } from "../types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      fractionalSecondDigits: 3,
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

// Memoised by (zone, instant) purely to keep the property tests quick: the
// same grid instants come up in run after run.
const wallCache = new Map<string, { date: string; msOfDay: number; hhmm: string }>();
const offsetCache = new Map<string, number>();

/** The wall clock at an instant: local date and milliseconds since local midnight. */
export function wallClock(zone: string, utc: UtcMs): { date: string; msOfDay: number; hhmm: string } {
  const key = `${zone}|${utc}`;
  let cached = wallCache.get(key);
  if (!cached) wallCache.set(key, (cached = readWallClock(zone, utc)));
  return cached;
}

function readWallClock(zone: string, utc: UtcMs): { date: string; msOfDay: number; hhmm: string } {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(zone).formatToParts(utc)) parts[p.type] = p.value;
  const msOfDay =
    Number(parts.hour) * HOUR + Number(parts.minute) * MINUTE + Number(parts.second) * 1000 + Number(parts.fractionalSecond);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, msOfDay, hhmm: `${parts.hour}:${parts.minute}` };
}

/** Offset in minutes from the "GMT+05:30" zone name. */
export function offsetMinutes(zone: string, utc: UtcMs): number {
  const key = `${zone}|${utc}`;
  let cached = offsetCache.get(key);
  if (cached === undefined) offsetCache.set(key, (cached = readOffsetMinutes(zone, utc)));
  return cached;
}

function readOffsetMinutes(zone: string, utc: UtcMs): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, f);
  }
  const name = f.formatToParts(utc).find((p) => p.type === "timeZoneName")!.value; // "GMT-05:00" or "GMT"
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected zone name ${name}`);
  if (!m[1]) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Offset transitions in [fromUtc, toUtc): scanned every 6 hours, then bisected to the minute. */
export function transitionsBetween(zone: string, fromUtc: UtcMs, toUtc: UtcMs): UtcMs[] {
  const found: UtcMs[] = [];
  const step = 6 * HOUR;
  let previous = offsetMinutes(zone, fromUtc);
  for (let t = fromUtc + step; t < toUtc + step; t += step) {
    const current = offsetMinutes(zone, t);
    if (current !== previous) {
      let lo = t - step;
      let hi = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetMinutes(zone, mid) === previous) lo = mid;
        else hi = mid;
      }
      if (hi >= fromUtc && hi < toUtc) found.push(hi);
      previous = current;
    }
  }
  return found;
}

/** Civil "YYYY-MM-DD" plus n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10);
}

/** Every instant (on a minute) whose wall clock shows `date` at `minuteOfDay`, by trying each nearby offset. */
export function instantsShowing(zone: string, date: string, minuteOfDay: number): UtcMs[] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE;
  const offsets = new Set<number>();
  // Candidate instants lie within wall ± 14 h; transitions are months apart,
  // so the offsets a day either side are all the offsets that can apply.
  for (const probe of [-24, 24]) offsets.add(offsetMinutes(zone, wall + probe * HOUR));
  const out: UtcMs[] = [];
  for (const o of offsets) {
    const utc = wall - o * MINUTE;
    const shown = wallClock(zone, utc);
    const expectedDate = new Date(wall).toISOString().slice(0, 10);
    if (shown.date === expectedDate && shown.msOfDay === ((minuteOfDay * MINUTE) % DAY)) out.push(utc);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
