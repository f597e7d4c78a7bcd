import "server-only";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { db } from "../firebase";
import { runAfterCommit, type AfterCommit } from "../payments/stripe-effects";
import { isLapsed } from "./appointment-locks";
import { applyChange, expireChange, loadForChange } from "./change-appointment";
import { appointments, type AppointmentDoc } from "./model";
import { AppError } from "@/lib/domain/errors";

/**
 * Expires one appointment whose hold has lapsed and releases its time, in one
 * transaction (the appointment-change runner), then makes the Stripe calls
 * its money asks for (a paid, moved visit is refunded; an unpaid approval's
 * PaymentIntent is cancelled). Returns false when there was nothing to do: it
 * is no longer waiting (pending, approved, rescheduled), or its hold has not
 * lapsed (renewed by approval, say). A pending request holding no time (its
 * patient turned down a proposal) lapses the same way, by the clinic's rule.
 */
export async function expireIfLapsed(appointmentId: string, now: Date, clinicId?: string): Promise<boolean> {
  const ref = appointments().doc(appointmentId);
  const effects = await db().runTransaction(async (tx): Promise<AfterCommit[] | null> => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists) return null;
    const appointment = snapshot.data() as AppointmentDoc;
    // A lock names its clinic; never expire another clinic's request through it.
    if (clinicId !== undefined && appointment.clinicId !== clinicId) return null;
    if (!isLapsed(appointment, now)) return null;
    const loaded = await loadForChange(tx, { id: appointmentId, now, notFound: () => new AppError("not_found", "No such appointment."), tolerateMissingLocks: true });
    return (await applyChange(tx, loaded, expireChange(), now)).effects;
  });
  if (effects === null) return false;
  await runAfterCommit(effects);
  return true;
}

/**
 * A new claim collided with these existing locks. Any whose hold has lapsed
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
