import "server-only";
import { Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { db } from "../firebase";
import { lockTtl, type LockSpec, type SlotLockDoc } from "@/lib/server/booking/slot-locks";
import { enqueueReleasedLocks } from "@/lib/server/waitlist/freed-time";
import type { AppointmentDoc } from "./model";

// An appointment's own slot-lock documents, inside its transactions.

/** Reads the appointment's lock documents; call before any write in the transaction. */
export async function readOwnLocks(tx: Transaction, appointmentId: string, lockIds: string[]): Promise<DocumentSnapshot[]> {
  if (lockIds.length === 0) return [];
  const snapshots = await tx.getAll(...lockIds.map((id) => db().collection("slotLocks").doc(id)));
  // A lock is only ever deleted by its own appointment, but check anyway:
  // never release time that another booking holds.
  return snapshots.filter((s) => s.exists && s.get("appointmentId") === appointmentId);
}

/** Releases the locks; the same commit wakes the waiting list for the time freed (lib/server/waitlist). */
export function deleteLocks(tx: Transaction, locks: DocumentSnapshot[]): void {
  for (const lock of locks) tx.delete(lock.ref);
  enqueueReleasedLocks(tx, locks);
}

/** Sets every lock's expiry to the appointment's (null = permanent, for a confirmed visit). */
export function setLockExpiry(tx: Transaction, locks: DocumentSnapshot[], expiresAt: Timestamp | null): void {
  for (const lock of locks) tx.update(lock.ref, { expiresAt });
}

/** Create-only: a lock that exists fails the whole commit with ALREADY_EXISTS, which means "taken". */
export function createLocks(tx: Transaction, locks: LockSpec[], owner: Pick<AppointmentDoc, "clinicId" | "doctorId">, appointmentId: string, expiresAt: Timestamp | null): void {
  for (const lock of locks) {
    const doc: SlotLockDoc = { clinicId: owner.clinicId, doctorId: owner.doctorId, appointmentId, start: Timestamp.fromMillis(lock.start), expiresAt, ttlAt: lockTtl(lock.start) };
    tx.create(lock.ref, doc);
  }
}

/** A hold that lapsed and was not yet expired by the job (a confirmed visit never lapses). */
export function isLapsed(a: Pick<AppointmentDoc, "status" | "expiresAt">, now: Date): boolean {
  // A move request lapses too (the visit itself stays): its deadline is the appointment's expiresAt.
  const waiting = a.status === "pending" || a.status === "approved" || a.status === "rescheduled" || a.status === "move_requested";
  return waiting && a.expiresAt !== null && a.expiresAt.toMillis() <= now.getTime();
}
