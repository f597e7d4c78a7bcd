// Busy time as sorted, disjoint intervals plus a forward-only cursor, so the
// engine checks each candidate slot in amortised O(1) instead of scanning all
// busy intervals per slot (slots are generated in increasing order).

import type { UtcInterval, UtcMs } from "./types";

/** Sorted by start, overlapping or touching intervals merged, empty ones dropped. */
export function normalizeBusy(busy: readonly UtcInterval[]): UtcInterval[] {
  const sorted = busy.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  const merged: { start: UtcMs; end: UtcMs }[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last && b.start <= last.end) {
      if (b.end > last.end) last.end = b.end;
    } else {
      merged.push({ start: b.start, end: b.end });
    }
  }
  return merged;
}

/**
 * Answers "does [start, end) overlap busy time?" for queries whose `start`
 * never decreases. Half-open: busy time ending exactly at `start`, or starting
 * exactly at `end`, does not overlap.
 */
export class BusySweep {
  private index = 0;

  constructor(private readonly busy: readonly UtcInterval[]) {}

  overlaps(start: UtcMs, end: UtcMs): boolean {
    const busy = this.busy;
    // Busy intervals ending at or before `start` cannot touch this or any later query.
    while (this.index < busy.length && busy[this.index]!.end <= start) this.index++;
    const next = busy[this.index];
    return next !== undefined && next.start < end;
  }
}
