import "server-only";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { granuleKey, lockGranuleStarts, type UtcInterval, type UtcMs } from "@/lib/domain/slots";
import { db } from "@/lib/server/firebase";

// A hold is one create-only document per 5-minute UTC granule of the doctor's
// calendar, keyed by clinic AND doctor (doctor ids are only unique within a
// clinic: two clinics' "dr-lee" must never block each other), covering [start, end + buffer). Two holds collide exactly when
// they share a granule, so Firestore's ALREADY_EXISTS is the double-booking
// check, whatever the slot lengths or grids involved. Reading busy time is
// done from the appointments instead (busy-time.ts): one document per visit
// rather than one per 5 minutes.

export interface SlotLockDoc {
  clinicId: string;
  doctorId: string;
  appointmentId: string;
  start: Timestamp;
  /** When the hold lapses unless renewed; null once the visit is confirmed. */
  expiresAt: Timestamp | null;
  /**
   * For a Firestore TTL policy to garbage-collect locks of times long past
   * (confirmed visits keep theirs forever otherwise). Never read by the app:
   * correctness does not depend on when, or whether, TTL deletes them.
   * Missing on locks written before it existed.
   */
  ttlAt?: Timestamp;
}

/** Locks are kept this long after the time they cover, then TTL may delete them. */
export const LOCK_TTL_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
export const lockTtl = (granuleStart: UtcMs) => Timestamp.fromMillis(granuleStart + LOCK_TTL_AFTER_MS);

export const slotLocks = () => db().collection("slotLocks");

export function lockRef(clinicId: string, doctorId: string, granuleStart: UtcMs): DocumentReference {
  return slotLocks().doc(`${clinicId}_${doctorId}_${granuleKey(granuleStart)}`);
}

export interface LockSpec {
  ref: DocumentReference;
  start: UtcMs;
}

/** The lock documents that hold [slot.start, slot.end + buffer) for a clinic's doctor. */
export function locksFor(clinicId: string, doctorId: string, slot: UtcInterval, bufferMinutes: number): LockSpec[] {
  return lockGranuleStarts(slot, bufferMinutes).map((start) => ({ ref: lockRef(clinicId, doctorId, start), start }));
}
