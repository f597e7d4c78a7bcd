import "server-only";
import { patientNextStep, type PatientNextStep } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { cancelledEmail } from "./emails";
import { appointments, holdsTime, type AppointmentDoc } from "./model";
import { tokenMatches } from "./tokens";
import { applyTransition, deleteLocks, readOwnLocks } from "./transition";

/** What the patient's private status page shows. */
export interface PatientAppointmentView {
  id: string;
  status: AppointmentStatus;
  next: PatientNextStep;
  start: string;
  end: string;
  timezone: string;
  expiresAt: string | null;
  clinic: { name: string; slug: string; phone: string; email: string; address: string };
  doctorName: string;
  feeCents: number;
  currency: string;
  patientName: string;
  reason: string;
  /** Set while status is rescheduled: start/end above are the proposed time, these the time it replaces. */
  proposal: { previousStart: string; previousEnd: string; message: string | null } | null;
  /** False after the patient turned down a proposed time (pending, no time held). */
  timeHeld: boolean;
  /** The clinic's reason, when declined. */
  declineReason: string | null;
  /** Status confirmed: the "Add to calendar" .ics is available (getPatientIcs). */
  confirmedIcsAvailable: boolean;
}

// One answer for "no such appointment" and "wrong token": a guessed id
// must not learn that the appointment exists.
const notFound = () => new AppError("not_found", "We couldn't find that request. Please use the link from your email.");
const ID = /^[A-Za-z0-9]{1,40}$/;

export async function getPatientAppointment(id: string, token: string | null | undefined): Promise<PatientAppointmentView> {
  if (!ID.test(id)) throw notFound();
  const snapshot = await appointments().doc(id).get();
  const a = snapshot.data() as AppointmentDoc | undefined;
  if (!a || !tokenMatches(token, a.tokenHash)) throw notFound();
  return {
    id,
    status: a.status,
    next: patientNextStep(a.status, a.feeCents),
    start: a.start.toDate().toISOString(),
    end: a.end.toDate().toISOString(),
    timezone: a.timezone,
    expiresAt: a.expiresAt ? a.expiresAt.toDate().toISOString() : null,
    clinic: { name: a.clinicName, slug: a.clinicSlug, ...a.clinicContact },
    doctorName: a.doctorName,
    feeCents: a.feeCents,
    currency: a.currency,
    patientName: a.patient.name,
    reason: a.reason,
    proposal:
      a.status === "rescheduled" && a.proposal
        ? {
            previousStart: a.proposal.previousStart.toDate().toISOString(),
            previousEnd: a.proposal.previousEnd.toDate().toISOString(),
            message: a.proposal.message,
          }
        : null,
    timeHeld: holdsTime(a),
    declineReason: a.status === "declined" ? (a.declineReason ?? null) : null,
    confirmedIcsAvailable: a.status === "confirmed",
  };
}

/**
 * The patient cancels a pending, approved or rescheduled request. The status
 * change, the release of its locks, the history entry and the email are one
 * transaction, so the time is free again the moment this returns.
 */
export async function cancelAppointmentByPatient(id: string, token: string | null | undefined, now = new Date()): Promise<AppointmentStatus> {
  if (!ID.test(id)) throw notFound();
  const ref = appointments().doc(id);
  return db().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const appointment = snapshot.data() as AppointmentDoc | undefined;
    if (!appointment || !tokenMatches(token, appointment.tokenHash)) throw notFound();
    const locks = await readOwnLocks(tx, id, appointment.lockIds);
    const status = applyTransition(tx, ref, appointment, {
      action: "cancel",
      actor: "patient",
      now,
      fields: { expiresAt: null, lockIds: [] },
    });
    deleteLocks(tx, locks);
    queueMail(tx, cancelledEmail(appointment), { appointmentId: id });
    return status;
  });
}
