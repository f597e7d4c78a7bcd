import "server-only";
import { FieldValue, type Transaction } from "firebase-admin/firestore";
import { patientNextStep, type PatientNextStep } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { readRequestRecipients } from "../notifications";
import { markRefundDue, refundAfterCommit } from "../payments/refund";
import { cancelVisit, scheduleVisit } from "../visits";
import { cancelledEmail } from "./emails";
import { appointmentIcs, icsFilename } from "./ics";
import { renewalDeadline } from "./hold";
import { HOLD_MS, appointments, holdsTime, type AppointmentDoc } from "./model";
import {
  approvedPleasePayEmail,
  confirmedEmail,
  patientAnsweredClinicEmail,
  proposalRejectedCancelledEmail,
  proposalRejectedEmail,
} from "./review-emails";
import { ID, expireInTx, expiredFrom, hold, isExpired, isLapsed, loadForChange, setLockExpiry } from "./review-steps";
import { appointmentTokenMatches, newStatusLink } from "./tokens";
import { applyTransition, checkTransition, deleteLocks } from "./transition";
import { appNow } from "../clock";

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
  /** Cancelled by the clinic (cancelByClinic): its reason, and whether the payment goes back. */
  clinicCancel: { reason: string; refunded: boolean } | null;
  /** Status confirmed: the "Add to calendar" .ics is available (getPatientIcs). */
  confirmedIcsAvailable: boolean;
}

// One answer for "no such appointment" and "wrong token": a guessed id
// must not learn that the appointment exists.
const notFound = () => new AppError("not_found", "We couldn't find that request. Please use the link from your email.");

export async function getPatientAppointment(id: string, token: string | null | undefined): Promise<PatientAppointmentView> {
  if (!ID.test(id)) throw notFound();
  const snapshot = await appointments().doc(id).get();
  const a = snapshot.data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a)) throw notFound();
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
    clinicCancel:
      a.status === "cancelled" && a.cancelledBy === "clinic"
        ? { reason: a.cancelReason ?? "", refunded: a.payment?.status === "refund_pending" || a.payment?.status === "refunded" }
        : null,
    confirmedIcsAvailable: a.status === "confirmed",
  };
}

/** Only the patient's link opens their appointment; anything else is "not found". */
const byToken = (token: string | null | undefined) => (a: AppointmentDoc) => {
  if (!appointmentTokenMatches(token, a)) throw notFound();
};

/**
 * The patient cancels a pending, approved or rescheduled request. The status
 * change, the release of its locks, the history entry and the email are one
 * transaction, so the time is free again the moment this returns.
 */
export async function cancelAppointmentByPatient(id: string, token: string | null | undefined, now = appNow()): Promise<AppointmentStatus> {
  if (!ID.test(id)) throw notFound();
  return db().runTransaction(async (tx) => {
    const { ref, a, locks, visit } = await loadForChange(tx, id, byToken(token), notFound);
    const status = applyTransition(tx, ref, a, {
      action: "cancel",
      actor: "patient",
      now,
      fields: { expiresAt: null, lockIds: [], proposal: null },
    });
    deleteLocks(tx, locks);
    // A confirmed visit that was being moved leaves the schedule.
    cancelVisit(tx, visit, now);
    queueMail(tx, cancelledEmail(a), { appointmentId: id });
    return status;
  });
}

const proposalExpired = () => new AppError("conflict", "The proposed time expired before you answered. Please book again.");

function notifyClinic(tx: Transaction, a: AppointmentDoc, id: string, recipients: string[], answer: "accepted" | "declined") {
  const url = `${serverEnv().APP_URL}/dashboard/requests/${id}`;
  for (const to of recipients) queueMail(tx, patientAnsweredClinicEmail(a, to, url, answer), { appointmentId: id });
}

/**
 * The patient accepts the proposed time: approved (the hold renewed by the
 * clinic's hold rule for payment, capped at the visit's start) when a fee is due and unpaid, else confirmed with its visit
 * scheduled (created, or moved if the appointment was confirmed before) and
 * an .ics invite. The clinic's reviewers are told.
 */
export async function acceptProposal(id: string, token: string | null | undefined, now = appNow()): Promise<AppointmentStatus> {
  if (!ID.test(id)) throw notFound();
  const appUrl = serverEnv().APP_URL;
  const result = await db().runTransaction(async (tx) => {
    const loaded = await loadForChange(tx, id, byToken(token), notFound);
    const { ref, a, locks, visit } = loaded;
    const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
    if (isLapsed(a, now)) {
      expireInTx(tx, loaded, now);
      return expiredFrom(a);
    }
    const to = checkTransition(a, "accept", "patient");
    // The clinic's hold rule is read here, before the first write.
    const expiresAt = to === "confirmed" ? null : await renewalDeadline(tx, a.clinicId, a.timezone, now, a.start);
    const link = newStatusLink(appUrl, id);
    setLockExpiry(tx, locks, expiresAt);
    applyTransition(tx, ref, a, {
      action: "accept",
      actor: "patient",
      now,
      fields: { expiresAt, proposal: null, timeHeld: true, linkTokenHashes: FieldValue.arrayUnion(link.hash) },
    });
    const after: AppointmentDoc = { ...a, status: to, version: a.version + 1, expiresAt, proposal: null };
    if (to === "confirmed") {
      scheduleVisit(tx, id, after, visit, now);
      queueMail(tx, confirmedEmail(after, link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
    } else {
      queueMail(tx, approvedPleasePayEmail(after, link.url), { appointmentId: id });
    }
    notifyClinic(tx, after, id, recipients, "accepted");
    return to;
  });
  if (isExpired(result)) throw proposalExpired();
  return result;
}

/**
 * A paid appointment whose patient turned down a proposed time is cancelled,
 * and its payment refunded: marked "refund_pending" in the rejecting
 * transaction, then refunded at Stripe after the commit (lib/server/payments/refund.ts).
 */
export function refundOnRejectedProposal(tx: Transaction, appointmentId: string, appointment: AppointmentDoc, now = appNow()): void {
  if (!appointment.payment || appointment.payment.status !== "paid") return;
  // proposalRejectedCancelledEmail already tells the patient the money goes back.
  markRefundDue(tx, appointmentId, appointment, appointment.payment, "proposal_rejected", { now, email: false });
}

/**
 * The patient turns the proposed time down. Unpaid: the proposal's locks are
 * released and the request goes back to pending holding no time (start/end
 * back to the time the proposal replaced), expiring 24 h later unless staff
 * propose another time or decline; the patient can still cancel. Paid:
 * cancelled, and refunded by the payments hook. The clinic's reviewers are told.
 */
export async function rejectProposal(id: string, token: string | null | undefined, now = appNow()): Promise<AppointmentStatus> {
  if (!ID.test(id)) throw notFound();
  const appUrl = serverEnv().APP_URL;
  const result = await db().runTransaction(async (tx) => {
    const loaded = await loadForChange(tx, id, byToken(token), notFound);
    const { ref, a, locks, visit } = loaded;
    const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
    if (isLapsed(a, now)) {
      expireInTx(tx, loaded, now);
      return expiredFrom(a);
    }
    const to = checkTransition(a, "reject", "patient");
    deleteLocks(tx, locks);
    cancelVisit(tx, visit, now);
    if (to === "cancelled") {
      applyTransition(tx, ref, a, { action: "reject", actor: "patient", now, fields: { expiresAt: null, lockIds: [], proposal: null } });
      refundOnRejectedProposal(tx, id, a, now);
      queueMail(tx, proposalRejectedCancelledEmail(a), { appointmentId: id });
    } else {
      const link = newStatusLink(appUrl, id);
      const previous = a.proposal ? { start: a.proposal.previousStart, end: a.proposal.previousEnd } : {};
      applyTransition(tx, ref, a, {
        action: "reject",
        actor: "patient",
        now,
        fields: {
          ...previous,
          expiresAt: hold(now, HOLD_MS),
          lockIds: [],
          timeHeld: false,
          proposal: null,
          linkTokenHashes: FieldValue.arrayUnion(link.hash),
        },
      });
      queueMail(tx, proposalRejectedEmail(a, link.url), { appointmentId: id });
    }
    notifyClinic(tx, a, id, recipients, "declined");
    return to;
  });
  if (isExpired(result)) throw proposalExpired();
  // After the commit, never inside it: the Stripe refund (idempotent per intent).
  if (result === "cancelled") await refundAfterCommit(id);
  return result;
}

/** The confirmed appointment's calendar file, for the status page's "Add to calendar". */
export async function getPatientIcs(id: string, token: string | null | undefined): Promise<{ filename: string; ics: string }> {
  if (!ID.test(id)) throw notFound();
  const a = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a) || a.status !== "confirmed") throw notFound();
  return { filename: icsFilename(a), ics: appointmentIcs(id, a) };
}
