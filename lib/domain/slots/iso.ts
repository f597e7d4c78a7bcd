// Conversions at the edges of the engine: the wire and Firestore speak
// ISO-8601 UTC strings and Dates, the engine speaks epoch milliseconds.

import type { Slot, UtcMs } from "./types";

/** Epoch ms -> "2027-03-01T14:00:00.000Z". Throws RangeError on non-finite input. */
export function toIsoUtc(instant: UtcMs): string {
  return new Date(instant).toISOString();
}

export function slotToIso(slot: Slot): { start: string; end: string } {
  return { start: toIsoUtc(slot.start), end: toIsoUtc(slot.end) };
}

/**
 * ISO-8601 with an explicit offset or "Z" -> epoch ms, or null. Strings
 * without an offset are refused: Date.parse would read them in the process
 * time zone, which is exactly the bug this module exists to avoid.
 */
export function parseIsoInstant(text: string): UtcMs | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}
