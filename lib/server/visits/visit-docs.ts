import "server-only";
import { Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import type { VisitStatus } from "@/lib/domain/visits";
import type { AppointmentDoc, PatientContact } from "@/lib/server/appointments/model";
import { db } from "@/lib/server/firebase";
import { appNow } from "@/lib/server/clock";

/**
 * visits/{appointmentId}: the visit in the doctor's schedule, made when an
 * appointment becomes confirmed. Its id is the appointment's, and it is
 * created with create(), so one appointment can never make two visits.
 */
export interface VisitDoc {
  clinicId: string;
  doctorId: string;
  doctorName: string;
  appointmentId: string;
  start: Timestamp;
  end: Timestamp;
  timezone: string;
  patient: PatientContact;
  reason: string;
  /**
   * "scheduled" while the appointment is confirmed; "cancelled" when a
   * confirmed appointment that was being moved ended without a time (the
   * patient turned the new time down, or the proposal lapsed). A later
   * confirmation schedules it again (see `scheduleVisit`). "completed" /
   * "no_show" once a member records the outcome (visits-admin.ts).
   */
  status: VisitStatus;
  notes: string;
  /** Bumped by every notes save (saveVisitNotes); missing = 0. */
  notesVersion?: number;
  notesUpdatedAt?: Timestamp;
  /** Display name of whoever saved the notes last. */
  notesUpdatedBy?: string;
  /**
   * The calendar feeds' SEQUENCE (lib/server/calendar-feeds): bumped by every
   * change a calendar must show (moved, cancelled, scheduled again), so a
   * subscribed calendar replaces its copy. Missing = 0. A verb that moves a
   * visit uses moveVisit / scheduleVisit / cancelVisit, which bump it.
   */
  sequence?: number;
  /** When and by whom the outcome was recorded. */
  outcomeAt?: Timestamp;
  outcomeBy?: string;
  /** When the patient's personal data (contact details, reason, notes) was erased; missing = not erased. */
  erasedAt?: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export const visits = () => db().collection("visits");

type VisitSource = Pick<AppointmentDoc, "clinicId" | "doctorId" | "doctorName" | "start" | "end" | "timezone" | "patient" | "reason">;

/**
 * Creates the visit in the transaction that makes the appointment confirmed.
 * Create-only: if a visit already exists the whole commit fails, which is
 * what we want from every path that confirms an appointment for the first
 * time. The payments issue calls this from its "paid" path too.
 */
export function createVisit(tx: Transaction, appointmentId: string, appointment: VisitSource, now = appNow()): void {
  const at = Timestamp.fromDate(now);
  const visit: VisitDoc = {
    clinicId: appointment.clinicId,
    doctorId: appointment.doctorId,
    doctorName: appointment.doctorName,
    appointmentId,
    start: appointment.start,
    end: appointment.end,
    timezone: appointment.timezone,
    patient: appointment.patient,
    reason: appointment.reason,
    status: "scheduled",
    notes: "",
    createdAt: at,
    updatedAt: at,
  };
  tx.create(visits().doc(appointmentId), visit);
}

/** Read the visit inside the transaction (before any write) when the path may meet an existing one. */
export function readVisit(tx: Transaction, appointmentId: string): Promise<DocumentSnapshot> {
  return tx.get(visits().doc(appointmentId));
}

/**
 * The appointment is (again) confirmed: create its visit, or, when one exists
 * from an earlier confirmation (the visit was moved), move it to the
 * appointment's time and mark it scheduled. `existing` comes from readVisit.
 */
export function scheduleVisit(
  tx: Transaction,
  appointmentId: string,
  appointment: VisitSource,
  existing: DocumentSnapshot | null,
  now = appNow(),
): void {
  if (!existing?.exists) return createVisit(tx, appointmentId, appointment, now);
  tx.update(existing.ref, {
    start: appointment.start,
    end: appointment.end,
    status: "scheduled",
    sequence: nextSequence(existing),
    updatedAt: Timestamp.fromDate(now),
  });
}

/**
 * A confirmed appointment is being moved: the visit follows the appointment
 * to the proposed time (its old time was released in the same commit).
 */
export function moveVisit(tx: Transaction, existing: DocumentSnapshot, time: { start: Timestamp; end: Timestamp }, now = appNow()): void {
  if (!existing.exists) return;
  tx.update(existing.ref, { start: time.start, end: time.end, sequence: nextSequence(existing), updatedAt: Timestamp.fromDate(now) });
}

/** The appointment ended without a time (rejected, cancelled or lapsed proposal): the visit is off the schedule. */
export function cancelVisit(tx: Transaction, existing: DocumentSnapshot | null, now = appNow()): void {
  if (!existing?.exists || existing.get("status") === "cancelled") return;
  tx.update(existing.ref, { status: "cancelled", sequence: nextSequence(existing), updatedAt: Timestamp.fromDate(now) });
}

/** The visit's calendar SEQUENCE after one more change (read in the same transaction, so it only grows). */
function nextSequence(existing: DocumentSnapshot): number {
  const current = existing.get("sequence");
  return (typeof current === "number" && Number.isFinite(current) ? current : 0) + 1;
}
