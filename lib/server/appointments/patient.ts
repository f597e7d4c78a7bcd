import "server-only";
import { FieldValue, type Transaction } from "firebase-admin/firestore";
import { patientNextStep } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { PatientAppointmentView } from "@/lib/domain/appointments/views";
import { AppError } from "@/lib/domain/errors";
import type { PatientMoney } from "@/lib/domain/payment-view";
import { isAppointmentId } from "@/lib/domain/validation";
import { serverEnv } from "../env";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { readRequestRecipients } from "@/lib/server/team/request-notifications";
import { cancelVisit, scheduleVisit } from "@/lib/server/visits/visit-docs";
import { cancelledEmail } from "@/lib/server/mail/request-emails";
import { appointmentIcs, icsFilename } from "./ics";
import { appointments, holdsTime, type AppointmentDoc } from "./model";
import {
  approvedPleasePayEmail,
  confirmedEmail,
  patientAnsweredClinicEmail,
  proposalRejectedCancelledEmail,
  proposalRejectedEmail,
} from "@/lib/server/mail/review-emails";
import { deleteLocks, setLockExpiry } from "./appointment-locks";
import { changeAppointment } from "./change-appointment";
import { cancelConfirmedVisit } from "./visit-cancel";
import { policyOf, policyRefundCents } from "./cancellation";
import { policyWords, refundWords } from "@/lib/domain/cancellation-policy";
import { appointmentTokenMatches, newStatusLink } from "./tokens";
import { appNow } from "../clock";
import { emailCorrectionRefusal } from "@/lib/domain/email-correction";
import { correctableOf } from "./email-correction";

function patientMoneyOf(a: AppointmentDoc): PatientMoney {
  const intentMade = Boolean(a.paymentIntentId) || (a.paymentIntentIds?.length ?? 0) > 0;
  const p = a.payment;
  if (!p) return { state: "none", amountCents: a.feeCents, currency: a.currency, refundedAt: null, intentMade };
  return {
    state: p.status,
    amountCents: p.amountCents,
    currency: p.currency,
    refundedAt: p.refundedAt ? p.refundedAt.toMillis() : null,
    intentMade,
    // A cancel under the clinic's policy records what it kept.
    ...(p.keptCents !== undefined ? { refundCents: p.amountCents - p.keptCents } : {}),
  };
}

/** A confirmed visit still ahead: the refund the policy gives if it is cancelled now. */
function visitCancelOf(a: AppointmentDoc, now: Date): PatientAppointmentView["visitCancel"] {
  // While a move waits the visit still stands, and can still be called off (releasing both times).
  if ((a.status !== "confirmed" && a.status !== "move_requested") || now.getTime() >= a.start.toMillis()) return null;
  const paidCents = a.payment?.status === "paid" ? a.payment.amountCents : 0;
  const refundCents = policyRefundCents(a, now);
  return { refundCents, paidCents, refundWords: refundWords(paidCents, refundCents, a.payment?.currency ?? a.currency) };
}

// One answer for "no such appointment" and "wrong token": a guessed id
// must not learn that the appointment exists.
const notFound = () => new AppError("not_found", "We couldn't find that request. Please use the link from your email.");

export async function getPatientAppointment(id: string, token: string | null | undefined): Promise<PatientAppointmentView> {
  if (!isAppointmentId(id)) throw notFound();
  const snapshot = await appointments().doc(id).get();
  const a = snapshot.data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a)) throw notFound();
  return {
    id,
    ...(a.erasedAt ? { erased: true as const } : {}),
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
    patientEmail: a.patient.email,
    version: a.version,
    emailCorrectable: emailCorrectionRefusal(correctableOf(a), appNow().getTime()) === null,
    reason: a.reason,
    proposal:
      a.status === "rescheduled" && a.proposal
        ? {
            previousStart: a.proposal.previousStart.toDate().toISOString(),
            previousEnd: a.proposal.previousEnd.toDate().toISOString(),
            message: a.proposal.message,
            // Sent back with the answer: one given to an earlier proposal is refused.
            at: a.proposal.at.toMillis(),
          }
        : null,
    timeHeld: holdsTime(a),
    withdrawnProposal:
      a.status === "pending" && a.withdrawnProposal
        ? { start: a.withdrawnProposal.start.toDate().toISOString(), originalTimeLost: a.withdrawnProposal.originalTimeLost ?? null }
        : null,
    declineReason: a.status === "declined" ? (a.declineReason ?? null) : null,
    clinicCancel:
      a.status === "cancelled" && a.cancelledBy === "clinic"
        ? { reason: a.cancelReason ?? "", refunded: a.payment?.status === "refund_pending" || a.payment?.status === "refunded" }
        : null,
    wasConfirmed: a.confirmedAt !== undefined,
    confirmedIcsAvailable: a.status === "confirmed",
    money: patientMoneyOf(a),
    policyWords: policyWords(policyOf(a), a.feeCents, a.currency),
    visitCancel: visitCancelOf(a, appNow()),
    moveRequest:
      a.status === "move_requested" && a.move
        ? { start: a.move.start.toDate().toISOString(), expiresAt: a.expiresAt ? a.expiresAt.toDate().toISOString() : null }
        : null,
    lastMove:
      a.status === "confirmed" && a.lastMove
        ? { start: a.lastMove.start.toDate().toISOString(), outcome: a.lastMove.outcome, reason: a.lastMove.reason ?? null }
        : null,
  };
}

/** Only the patient's link opens their appointment; anything else is "not found". */
const byToken = (token: string | null | undefined) => (a: AppointmentDoc) => {
  if (!appointmentTokenMatches(token, a)) throw notFound();
};

const proposalExpired = () => new AppError("conflict", "The proposed time expired before you answered. Please book again.");
/**
 * An answer names the proposal it answers (its `at`). Staff may have proposed
 * a different time since the page loaded: then accepting would take a time
 * the patient never saw, so it is refused, nothing written.
 */
export const STALE_PROPOSAL = "The clinic proposed a different time after this page was loaded, so your answer wasn't recorded. Please look at the new time.";
function refuseStaleAnswer(a: AppointmentDoc, proposalAt: number | undefined): void {
  if (proposalAt !== undefined && a.proposal && a.proposal.at.toMillis() !== proposalAt) throw new AppError("conflict", STALE_PROPOSAL);
}

const patientTarget = (id: string, token: string | null | undefined, now: Date) => ({ id, now, notFound, authorize: byToken(token) });

/**
 * The patient cancels a pending, approved or rescheduled request, or a
 * confirmed visit (visit-cancel.ts: refused once it started; the clinic's
 * policy decides the refund). The status change, the release of its locks,
 * the history entry and the emails are one transaction, so the time is free
 * again the moment this returns. A paid, moved visit is refunded, an
 * approval's PaymentIntent cancelled (the runner). `quotedRefundCents`: the
 * refund the visit's page showed, required to cancel a confirmed visit; a
 * smaller one now is refused, nothing written.
 */
export async function cancelAppointmentByPatient(
  id: string,
  token: string | null | undefined,
  now = appNow(),
  opts: { quotedRefundCents?: number } = {},
): Promise<AppointmentStatus> {
  if (!isAppointmentId(id)) throw notFound();
  const { status } = await changeAppointment(patientTarget(id, token, now), {
    action: "cancel",
    actor: "patient",
    apply: async (tx, loaded) => {
      // A visit with a move waiting is still the confirmed visit: cancelling it releases both times.
      if (loaded.a.status === "confirmed" || loaded.a.status === "move_requested") return { ...(await cancelConfirmedVisit(tx, loaded, now, opts.quotedRefundCents)), result: null };
      const { a, locks, visit } = loaded;
      return {
        fields: { lockIds: [], proposal: null },
        after: (w) => {
          deleteLocks(w, locks);
          // A confirmed visit that was being moved leaves the schedule.
          cancelVisit(w, visit, now);
          queueMail(w, cancelledEmail(a), { appointmentId: id });
        },
        result: null,
      };
    },
  });
  return status;
}

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
export async function acceptProposal(id: string, token: string | null | undefined, now = appNow(), proposalAt?: number): Promise<AppointmentStatus> {
  if (!isAppointmentId(id)) throw notFound();
  const appUrl = serverEnv().APP_URL;
  const { status } = await changeAppointment({ ...patientTarget(id, token, now), lapsed: proposalExpired }, {
    action: "accept",
    actor: "patient",
    apply: async (tx, { a, locks, visit }, to, expiresAt) => {
      refuseStaleAnswer(a, proposalAt);
      const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
      const link = newStatusLink(appUrl, id);
      return {
        fields: { proposal: null, timeHeld: true, linkTokenHashes: FieldValue.arrayUnion(link.hash) },
        before: (w) => setLockExpiry(w, locks, expiresAt),
        after: (w, after) => {
          if (to === "confirmed") {
            scheduleVisit(w, id, after, visit, now);
            queueMail(w, confirmedEmail(after, link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
          } else {
            queueMail(w, approvedPleasePayEmail(after, link.url), { appointmentId: id });
          }
          notifyClinic(w, after, id, recipients, "accepted");
        },
        result: null,
      };
    },
  });
  return status;
}

/**
 * The patient turns the proposed time down. Unpaid: the proposal's locks are
 * released and the request goes back to pending holding no time (start/end
 * back to the time the proposal replaced), lapsing by the clinic's hold rule
 * unless staff propose another time or decline; the patient can still cancel.
 * Paid: cancelled, and refunded (the runner; this email says so). The
 * clinic's reviewers are told.
 */
export async function rejectProposal(id: string, token: string | null | undefined, now = appNow(), proposalAt?: number): Promise<AppointmentStatus> {
  if (!isAppointmentId(id)) throw notFound();
  const appUrl = serverEnv().APP_URL;
  const { status } = await changeAppointment({ ...patientTarget(id, token, now), lapsed: proposalExpired }, {
    action: "reject",
    actor: "patient",
    refundEmail: false,
    // Staff now have the clinic's hold to propose another time or decline, never past the time asked for.
    holdUntil: (a) => a.proposal?.previousStart ?? a.start,
    apply: async (tx, { a, locks, visit }, to) => {
      refuseStaleAnswer(a, proposalAt);
      const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
      const released = { lockIds: [], proposal: null };
      // The emails name the deadline the runner just set (the clinic's hold rule), from the document as committed.
      const done = (w: Transaction, after: AppointmentDoc) => {
        deleteLocks(w, locks);
        cancelVisit(w, visit, now);
        notifyClinic(w, after, id, recipients, "declined");
      };
      if (to === "cancelled") {
        return { fields: released, after: (w, after) => (done(w, after), queueMail(w, proposalRejectedCancelledEmail(a), { appointmentId: id })), result: null };
      }
      const previous = a.proposal ? { start: a.proposal.previousStart, end: a.proposal.previousEnd } : { start: a.start, end: a.end };
      const link = newStatusLink(appUrl, id);
      return {
        fields: { ...released, ...previous, timeHeld: false, turnedDown: { start: a.start, end: a.end }, linkTokenHashes: FieldValue.arrayUnion(link.hash) },
        after: (w, after) => (done(w, after), queueMail(w, proposalRejectedEmail(after, link.url), { appointmentId: id })),
        result: null,
      };
    },
  });
  return status;
}

/** The confirmed appointment's calendar file, for the status page's "Add to calendar". */
export async function getPatientIcs(id: string, token: string | null | undefined): Promise<{ filename: string; ics: string }> {
  if (!isAppointmentId(id)) throw notFound();
  const a = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a) || a.status !== "confirmed") throw notFound();
  return { filename: icsFilename(a), ics: appointmentIcs(id, a) };
}
