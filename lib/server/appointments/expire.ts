import "server-only";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { db } from "../firebase";
import { readVisit } from "../visits";
import { appointments, type AppointmentDoc } from "./model";
import { expireInTx, isLapsed } from "./review-steps";
import { readOwnLocks } from "./transition";

/**
 * Expires one appointment whose hold has lapsed and releases its time, in one
 * transaction. Returns false when there was nothing to do: it is no longer
 * waiting (pending, approved, rescheduled), or its hold has not lapsed
 * (renewed by approval, say). A pending request holding no time (its patient
 * turned down a proposal) lapses 24 h after that answer, the same way.
 */
export async function expireIfLapsed(appointmentId: string, now: Date, clinicId?: string): Promise<boolean> {
  const ref = appointments().doc(appointmentId);
  return db().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists) return false;
    const appointment = snapshot.data() as AppointmentDoc;
    // A lock names its clinic; never expire another clinic's request through it.
    if (clinicId !== undefined && appointment.clinicId !== clinicId) return false;
    if (!isLapsed(appointment, now)) return false;
    const [locks, visit] = await Promise.all([readOwnLocks(tx, appointmentId, appointment.lockIds), readVisit(tx, appointmentId)]);
    expireInTx(tx, { ref, a: appointment, locks, visit }, now);
    return true;
  });
}

/**
 * A new request collided with these existing locks. Any whose hold has lapsed
 * belongs to an appointment nobody completed: expire it now rather than wait
 * for the scheduled job. True when at least one was released. Only the given
 * clinic's locks and appointments are touched.
 */
export async function releaseLapsedHolds(clinicId: string, conflicting: DocumentSnapshot[], now: Date): Promise<boolean> {
  const owners = new Set<string>();
  for (const lock of conflicting) {
    if (!lock.exists || lock.get("clinicId") !== clinicId) continue;
    const expiresAt = lock.get("expiresAt") as { toMillis(): number } | null | undefined;
    if (expiresAt && expiresAt.toMillis() <= now.getTime()) owners.add(String(lock.get("appointmentId")));
  }
  let released = false;
  for (const id of owners) released = (await expireIfLapsed(id, now, clinicId)) || released;
  return released;
}
