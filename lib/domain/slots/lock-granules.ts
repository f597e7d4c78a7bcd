// Slot locks: the server writes one create-only document per 5-minute UTC
// granule of [start, end + buffer). Two bookings collide exactly when they
// share a granule, whatever their lengths or grids, so Firestore's
// ALREADY_EXISTS is the double-booking check.
//
// Slot boundaries always fall on granules: wall times and durations are
// multiples of 5 minutes (schema) and every zone offset in use is a multiple
// of 5 minutes (verified for all IANA zones over 2025–2030 in
// lock-granules.test.ts), so the covering below never rounds in practice.

import { MINUTE_MS } from "./local-time";
import type { UtcInterval, UtcMs } from "./types";

export const GRANULE_MINUTES = 5;
export const GRANULE_MS = GRANULE_MINUTES * MINUTE_MS;

/**
 * Starts of the granules covering [slot.start, slot.end + buffer), in order.
 * A misaligned edge is rounded outwards so the locks always cover the visit.
 */
export function lockGranuleStarts(slot: UtcInterval, bufferMinutes: number): UtcMs[] {
  const end = slot.end + bufferMinutes * MINUTE_MS;
  const granules: UtcMs[] = [];
  for (let g = Math.floor(slot.start / GRANULE_MS) * GRANULE_MS; g < end; g += GRANULE_MS) granules.push(g);
  return granules;
}

/** The lock document's time key, "yyyyMMddHHmm" in UTC (see docs/data-model.md). */
export function granuleKey(granuleStart: UtcMs): string {
  const iso = new Date(granuleStart).toISOString(); // 2027-03-01T14:05:00.000Z
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16);
}

/**
 * Granule starts (any order, duplicates allowed) -> sorted, merged busy
 * intervals, e.g. the locks read back from Firestore as the engine's busy input.
 */
export function granulesToBusyIntervals(granuleStarts: Iterable<UtcMs>): UtcInterval[] {
  const starts = [...new Set(granuleStarts)].sort((a, b) => a - b);
  const busy: { start: UtcMs; end: UtcMs }[] = [];
  for (const g of starts) {
    const last = busy[busy.length - 1];
    if (last && g <= last.end) last.end = Math.max(last.end, g + GRANULE_MS);
    else busy.push({ start: g, end: g + GRANULE_MS });
  }
  return busy;
}
