import "server-only";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { isActiveStatus } from "@/lib/domain/appointments/status";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { expiredEmail } from "./emails";
import { appointments, type AppointmentDoc } from "./model";
import { applyTransition, deleteLocks, readOwnLocks } from "./transition";

/**
 * Expires one appointment whose hold has lapsed and releases its time, in one
 * transaction. Returns false when there was nothing to do: it is no longer
 * active, or its hold has not lapsed (renewed by approval, say).
 */
export async function expireIfLapsed(appointmentId: string, now: Date, clinicId?: string): Promise<boolean> {
  const ref = appointments().doc(appointmentId);
  return db().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists) return false;
    const appointment = snapshot.data() as AppointmentDoc;
    // A lock names its clinic; never expire another clinic's request through it.
    if (clinicId !== undefined && appointment.clinicId !== clinicId) return false;
    const lapsed = appointment.expiresAt !== null && appointment.expiresAt.toMillis() <= now.getTime();
    if (!isActiveStatus(appointment.status) || appointment.status === "confirmed" || !lapsed) return false;
    const locks = await readOwnLocks(tx, appointmentId, appointment.lockIds);
    applyTransition(tx, ref, appointment, { action: "expire", actor: "system", now, fields: { expiresAt: null, lockIds: [] } });
    deleteLocks(tx, locks);
    queueMail(tx, expiredEmail(appointment), { appointmentId });
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
