import "server-only";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { granuleKey, granulesToBusyIntervals, lockGranuleStarts, type UtcInterval, type UtcMs } from "@/lib/domain/slots";
import { db } from "./firebase";

// A hold is one create-only document per 5-minute UTC granule of the doctor's
// calendar, covering [start, end + buffer). Two holds collide exactly when
// they share a granule, so Firestore's ALREADY_EXISTS is the double-booking
// check, whatever the slot lengths or grids involved.

export interface SlotLockDoc {
  clinicId: string;
  doctorId: string;
  appointmentId: string;
  start: Timestamp;
  /** When the hold lapses unless renewed; null once the visit is confirmed. */
  expiresAt: Timestamp | null;
}

export const slotLocks = () => db().collection("slotLocks");

export function lockRef(doctorId: string, granuleStart: UtcMs): DocumentReference {
  return slotLocks().doc(`${doctorId}_${granuleKey(granuleStart)}`);
}

export interface LockSpec {
  ref: DocumentReference;
  start: UtcMs;
}

/** The lock documents that hold [slot.start, slot.end + buffer) for a doctor. */
export function locksFor(doctorId: string, slot: UtcInterval, bufferMinutes: number): LockSpec[] {
  return lockGranuleStarts(slot, bufferMinutes).map((start) => ({ ref: lockRef(doctorId, start), start }));
}

export const isLive = (lock: Pick<SlotLockDoc, "expiresAt">, now: Date) =>
  lock.expiresAt === null || lock.expiresAt.toMillis() > now.getTime();

/**
 * The doctor's busy time in [from, to): live holds and confirmed visits, with
 * their buffers, merged. Lapsed holds count as free; the next request that
 * needs their granules releases them (see releaseLapsedHolds).
 */
export async function loadBusy(doctorId: string, from: UtcMs, to: UtcMs, now: Date): Promise<UtcInterval[]> {
  const snapshot = await slotLocks()
    .where("doctorId", "==", doctorId)
    .where("start", ">=", Timestamp.fromMillis(from))
    .where("start", "<", Timestamp.fromMillis(to))
    .get();
  const starts: UtcMs[] = [];
  for (const doc of snapshot.docs) {
    const lock = doc.data() as SlotLockDoc;
    if (isLive(lock, now)) starts.push(lock.start.toMillis());
  }
  return granulesToBusyIntervals(starts);
}
