// Time-zone offsets without a library, fast enough for the slot engine.
//
// Why not date-fns-tz per slot: every conversion formats through Intl, and
// naive code also builds a new Intl.DateTimeFormat per call (~100 µs each).
// Here a formatter is built once per zone, and a ZoneTimeline reads the offset
// once per day of the range (~1 µs each), finds the exact transition instants
// by bisection, and then answers every other question by array lookup.
//
// Offsets are "wall clock minus UTC" in milliseconds (New York in winter:
// -5 h). A "wall" value is a local date-time encoded as if it were UTC epoch
// ms (Date.UTC(y, m, d, h, min)), so wall = utc + offset.

import { DAY_MS } from "./local-time";
import type { UtcMs } from "./types";

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-US + gregory + latn + h23 pins the output to "M/D/YYYY, HH:mm:ss"
    // whatever the host's default locale; h23 avoids the "24:00" midnight quirk.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const FORMATTED = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** True when Intl knows the zone (IANA names and their aliases, "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset at an instant, read straight from Intl (one format call). */
export function zoneOffsetAt(timeZone: string, utc: UtcMs): number {
  const text = wallClockFormatter(timeZone).format(utc);
  const m = FORMATTED.exec(text);
  if (!m) throw new Error(`Unexpected Intl output for ${timeZone}: ${text}`);
  const wall = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  // Intl drops milliseconds, so compare with the instant truncated to the second.
  return wall - Math.floor(utc / 1000) * 1000;
}

/** How a wall-clock time maps to instants on a given day. */
export type WallTimeResolution =
  /** Exactly one instant shows this wall time. */
  | { readonly kind: "unique"; readonly utc: UtcMs }
  /** Shown twice (fall-back overlap); `utc` is the earlier instant. */
  | { readonly kind: "ambiguous"; readonly utc: UtcMs; readonly later: UtcMs }
  /**
   * Never shown (spring-forward gap); `utc` is the first instant whose wall
   * clock is past it, i.e. the transition itself.
   */
  | { readonly kind: "nonexistent"; readonly utc: UtcMs };

/**
 * The offsets of one zone over a bounded span of time, as constant-offset
 * segments. Segment k covers [transitions[k-1], transitions[k]) with
 * offsets[k]; the first and last segments are open-ended.
 *
 * Assumption (documented in docs/slots.md): the zone never changes offset and
 * changes back within one day. Transitions are sampled daily, so such a pair
 * would be missed. No zone does this in the tz database for the years we
 * serve; distinct offsets within one day are still found (bisection repeats).
 */
export class ZoneTimeline {
  readonly transitions: UtcMs[] = [];
  readonly offsets: number[] = [];

  /** Covers at least [from, to]. */
  constructor(
    readonly timeZone: string,
    readonly from: UtcMs,
    readonly to: UtcMs,
  ) {
    // Whole seconds: Intl has second resolution and transitions fall on them.
    let previous = Math.floor(from / 1000) * 1000;
    let previousOffset = zoneOffsetAt(timeZone, previous);
    this.offsets.push(previousOffset);
    while (previous < to) {
      const next = Math.min(previous + DAY_MS, Math.ceil(to / 1000) * 1000);
      const nextOffset = zoneOffsetAt(timeZone, next);
      let lo = previous;
      let loOffset = previousOffset;
      while (loOffset !== nextOffset) {
        // Find the first second in (lo, next] whose offset differs from lo's.
        let hi = next;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (zoneOffsetAt(timeZone, mid) === loOffset) lo = mid;
          else hi = mid;
        }
        lo = hi;
        loOffset = hi === next ? nextOffset : zoneOffsetAt(timeZone, hi);
        this.transitions.push(hi);
        this.offsets.push(loOffset);
      }
      previous = next;
      previousOffset = nextOffset;
    }
  }

  /** Index of the segment containing `utc`. */
  segmentIndex(utc: UtcMs): number {
    const t = this.transitions;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid]! <= utc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  offsetAt(utc: UtcMs): number {
    // Outside the sampled span the segments' open ends could be wrong: ask Intl.
    if (utc < this.from || utc > this.to) return zoneOffsetAt(this.timeZone, utc);
    return this.offsets[this.segmentIndex(utc)]!;
  }

  /**
   * The constant offset over [fromUtc, toUtc], or null if it changes there.
   * The engine's fast path: on such a day wall = utc + offset, one to one.
   */
  constantOffset(fromUtc: UtcMs, toUtc: UtcMs): number | null {
    this.assertCovered(fromUtc, toUtc);
    const k = this.segmentIndex(fromUtc);
    return k === this.segmentIndex(toUtc) ? this.offsets[k]! : null;
  }

  /** All instants showing `wall`, in the exact terms of WallTimeResolution. */
  resolve(wall: number): WallTimeResolution {
    // Offsets are within ±1 day, so every candidate instant lies in wall ± 1 day.
    this.assertCovered(wall - DAY_MS, wall + DAY_MS);
    const first = this.segmentIndex(wall - DAY_MS);
    const last = this.segmentIndex(wall + DAY_MS);
    let earliest = Number.NaN;
    let latest = Number.NaN;
    for (let k = first; k <= last; k++) {
      const utc = wall - this.offsets[k]!;
      const segmentStart = k === 0 ? -Infinity : this.transitions[k - 1]!;
      const segmentEnd = k === this.transitions.length ? Infinity : this.transitions[k]!;
      if (utc >= segmentStart && utc < segmentEnd) {
        if (Number.isNaN(earliest)) earliest = utc;
        latest = utc;
      }
    }
    if (!Number.isNaN(earliest)) {
      return earliest === latest ? { kind: "unique", utc: earliest } : { kind: "ambiguous", utc: earliest, later: latest };
    }
    // In a gap: the wall clock jumps over `wall` when a segment starts past it.
    for (let k = first + 1; k <= last; k++) {
      const start = this.transitions[k - 1]!;
      if (start + this.offsets[k]! > wall) return { kind: "nonexistent", utc: start };
    }
    throw new Error(`Inconsistent offsets for ${this.timeZone} near ${new Date(wall).toISOString()}`);
  }

  /** Transition instants t with from < t < to, in order. */
  transitionsWithin(from: UtcMs, to: UtcMs): UtcMs[] {
    const out: UtcMs[] = [];
    for (let k = this.segmentIndex(from); k < this.transitions.length && this.transitions[k]! < to; k++) {
      if (this.transitions[k]! > from) out.push(this.transitions[k]!);
    }
    return out;
  }

  private assertCovered(fromUtc: UtcMs, toUtc: UtcMs): void {
    if (fromUtc < this.from || toUtc > this.to) {
      throw new RangeError(`ZoneTimeline(${this.timeZone}) does not cover the requested span`);
    }
  }
}

/**
 * One-off conversion of a local date-time (wall ms) to instants; builds a
 * small timeline, so prefer a shared ZoneTimeline in loops.
 */
export function resolveWallTime(timeZone: string, wall: number): WallTimeResolution {
  return new ZoneTimeline(timeZone, wall - 2 * DAY_MS, wall + 2 * DAY_MS).resolve(wall);
}

/** The local date (as a day number) that the zone's wall clock shows at `utc`. */
export function localDayNumberAt(timeZone: string, utc: UtcMs): number {
  return Math.floor((utc + zoneOffsetAt(timeZone, utc)) / DAY_MS);
}
