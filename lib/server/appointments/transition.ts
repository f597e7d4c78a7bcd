import "server-only";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Transaction, type UpdateData } from "firebase-admin/firestore";
import { transition, type AppointmentAction, type Actor } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { db } from "../firebase";
import { PATIENT, SYSTEM, historyId, holdsTime, isPaid, type ActedBy, type AppointmentDoc, type HistoryEntry } from "./model";

/**
 * Writes one state-machine transition inside a transaction: the new status,
 * the next version, and a history entry created (never overwritten) under
 * that version. Two racing transitions cannot both land: the transaction
 * read the appointment, and the history id is create-only.
 * Firestore wants every read before the first write, so read first.
 */
/**
 * The status `action` would lead to, or the AppError the verb answers with.
 * Verbs call it before their first write, when the target decides what else
 * to write (a fee due or not); applyTransition checks again.
 */
export function checkTransition(appointment: AppointmentDoc, action: AppointmentAction, actor: Actor): AppointmentStatus {
  const result = transition(
    { status: appointment.status, feeCents: appointment.feeCents, paid: isPaid(appointment), timeHeld: holdsTime(appointment) },
    action,
    actor,
  );
  if (!result.ok) throw new AppError(result.code === "forbidden_actor" ? "forbidden" : "conflict", result.message);
  return result.to;
}

export function applyTransition(
  tx: Transaction,
  ref: DocumentReference,
  appointment: AppointmentDoc,
  change: {
    action: AppointmentAction;
    actor: Actor;
    now: Date;
    /** Required for staff; the patient and the system default to PATIENT / SYSTEM. */
    by?: ActedBy;
    note?: string;
    fields?: UpdateData<AppointmentDoc>;
  },
): AppointmentStatus {
  const to = checkTransition(appointment, change.action, change.actor);
  const event = { action: change.action, from: appointment.status, to, actor: change.actor };
  const by = change.by ?? (change.actor === "patient" ? PATIENT : change.actor === "staff" ? null : SYSTEM);
  // A staff change without a named member would make history lie about who did it.
  if (!by) throw new Error("applyTransition: a staff transition needs `by`");
  const at = Timestamp.fromDate(change.now);
  const seq = appointment.version + 1;
  tx.update(ref, { ...change.fields, status: to, version: seq, updatedAt: at });
  const entry: HistoryEntry = { ...event, ...by, at, ...(change.note ? { note: change.note } : {}) };
  tx.create(ref.collection("history").doc(historyId(seq)), entry);
  return to;
}

/** Reads the appointment's lock documents; call before any write in the transaction. */
export async function readOwnLocks(tx: Transaction, appointmentId: string, lockIds: string[]): Promise<DocumentSnapshot[]> {
  if (lockIds.length === 0) return [];
  const snapshots = await tx.getAll(...lockIds.map((id) => db().collection("slotLocks").doc(id)));
  // A lock is only ever deleted by its own appointment, but check anyway:
  // never release time that another booking holds.
  return snapshots.filter((s) => s.exists && s.get("appointmentId") === appointmentId);
}

export function deleteLocks(tx: Transaction, locks: DocumentSnapshot[]): void {
  for (const lock of locks) tx.delete(lock.ref);
}
