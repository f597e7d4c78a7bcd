import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import type Stripe from "stripe";
import { isAppointmentId } from "@/lib/domain/validation";
import { loadClinicDoctor } from "@/lib/server/booking/bookable-doctor";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { locksFor, type LockSpec } from "@/lib/server/booking/slot-locks";
import { readVisit, scheduleVisit } from "@/lib/server/visits/visit-docs";
import { createLocks, readOwnLocks, setLockExpiry } from "../appointments/appointment-locks";
import { applyChange, type Change } from "../appointments/change-appointment";
import { appointmentIcs, icsFilename } from "../appointments/ics";
import { appointments, historyId, type AppointmentDoc, type AppointmentPayment, type HistoryEntry, type RefundReason } from "../appointments/model";
import { confirmedEmail } from "@/lib/server/mail/review-emails";
import { checkBookable, claimSlot, readTakenLocks, type Taken } from "../appointments/slot-claim";
import { newStatusLink } from "../appointments/tokens";
import { paymentFailedEmail } from "@/lib/server/mail/payment-emails";
import { markRefundDue, paymentFromIntent } from "./refund";
import { extraCharges, recordExtraCharge, type AfterCommit } from "./stripe-effects";
import { appNow } from "../clock";

/**
 * What the webhook does with each event, each in ONE transaction that also
 * creates stripeEvents/{event.id}: the effect and the record of having had it
 * commit together, so a redelivery finds the record and does nothing more,
 * and a failure leaves neither (Stripe redelivers on our 500).
 */

export const stripeEvents = () => db().collection("stripeEvents");

export type Outcome =
  | "duplicate"
  | "ignored"
  | "confirmed"
  | "reinstated"
  | "refund_due"
  | "already_recorded"
  | "failure_emailed"
  | "refund_recorded";

export interface Recorded {
  outcome: Outcome;
  appointmentId: string | null;
  /** The Stripe calls the commit made due (the webhook makes them, and answers 500 if Stripe fails). */
  effects: AfterCommit[];
}

// ttlAt: a TTL policy deletes the record 90 days after it was received. Stripe
// retries an event for 3 days and keeps it resendable for 30, so a redelivery
// always finds its record.
const EVENT_TTL_MS = 90 * 24 * 3600_000;

function eventRecord(event: Stripe.Event, appointmentId: string | null, outcome: Outcome) {
  const receivedAt = appNow();
  return {
    type: event.type,
    created: Timestamp.fromMillis(event.created * 1000),
    receivedAt: Timestamp.fromDate(receivedAt),
    appointmentId,
    outcome,
    ttlAt: Timestamp.fromMillis(receivedAt.getTime() + EVENT_TTL_MS),
  };
}

interface Loaded {
  seen: boolean;
  snapshot: DocumentSnapshot | null;
  a: AppointmentDoc | null;
}

/** First reads of every handler: the event record and the appointment the metadata names. */
async function load(tx: Transaction, event: Stripe.Event, appointmentId: string | undefined, clinicId: string | undefined): Promise<Loaded> {
  const [seen, snapshot] = await Promise.all([
    tx.get(stripeEvents().doc(event.id)),
    isAppointmentId(appointmentId) ? tx.get(appointments().doc(appointmentId)) : Promise.resolve(null),
  ]);
  const a = (snapshot?.data() as AppointmentDoc | undefined) ?? null;
  // Metadata naming another clinic than the appointment's is not ours to act on.
  return { seen: seen.exists, snapshot, a: a && a.clinicId === clinicId ? a : null };
}

function record(tx: Transaction, event: Stripe.Event, appointmentId: string | null, outcome: Outcome): Outcome {
  tx.create(stripeEvents().doc(event.id), eventRecord(event, appointmentId, outcome));
  return outcome;
}

/** The PaymentIntents this appointment made (preparePayment); the webhook acts on no other. */
export const isOwnIntent = (a: AppointmentDoc, intentId: string) => a.paymentIntentId === intentId || (a.paymentIntentIds ?? []).includes(intentId);

/**
 * Whether a payment for this expired appointment may bring it back: it
 * expired because the patient let the payment hold lapse (not the clinic,
 * not a proposal), the visit is ahead, the doctor is still active and the
 * time is still one of their bookable slots. Read before the commit; the
 * commit's create-only locks decide whether the time is still free.
 */
async function mayReinstate(id: string | null, now: Date): Promise<Reinstatable> {
  if (!isAppointmentId(id)) return { version: null, ok: false };
  const ref = appointments().doc(id);
  const a = (await ref.get()).data() as AppointmentDoc | undefined;
  if (!a) return { version: null, ok: false };
  const no = { version: a.version, ok: false };
  if (a.status !== "expired" || a.start.toMillis() <= now.getTime()) return no;
  const lapse = (await ref.collection("history").doc(historyId(a.version)).get()).data() as HistoryEntry | undefined;
  if (lapse?.action !== "expire" || lapse.from !== "approved") return no;
  const doctor = await loadClinicDoctor(a.clinicId, a.doctorId).catch(() => null);
  if (!doctor) return no;
  const owner = { clinicId: a.clinicId, doctorId: a.doctorId, schedule: doctor.schedule };
  return { version: a.version, ok: (await checkBookable(owner, a.start.toMillis(), now, { excludeAppointmentId: id })) === "bookable" };
}

/** mayReinstate's answer, for the appointment's version it read. */
interface Reinstatable {
  version: number | null;
  ok: boolean;
}

/** The appointment changed since mayReinstate read it (it expired meanwhile): read again. */
class Stale extends Error {}

/** Why money is going back that arrived after the appointment stopped waiting for it. */
function lateReason(a: AppointmentDoc): RefundReason {
  if (a.status === "declined" || a.cancelledBy === "clinic") return "clinic_cancelled";
  if (a.status === "cancelled") return "patient_cancelled";
  if (a.status === "expired") return "time_taken";
  return "time_changed";
}

/**
 * payment_intent.succeeded, in one transaction with the event's record.
 * Only the appointment's own PaymentIntent can confirm it; any other charge,
 * or a second one, is recorded and refunded on its own (extraCharges) and
 * never replaces the appointment's payment. Approved with its live intent:
 * confirmed (the runner's "pay"). Expired by the patient's own lapse with the
 * time still bookable: reinstated, if create-only locks for the time land.
 * Anything else (cancelled or declined by the clinic, cancelled by the
 * patient, a time taken, a time changed, no time held): refunded.
 */
export async function recordPayment(event: Stripe.Event, now = appNow()): Promise<Recorded> {
  const intent = event.data.object as Stripe.PaymentIntent;
  const id = intent.metadata?.appointmentId ?? null;
  const appUrl = serverEnv().APP_URL;
  let reinstatable = await mayReinstate(id, now);
  const attempt = (reinstate: boolean) =>
    db().runTransaction(async (tx): Promise<Recorded | Taken> => {
      const { seen, snapshot, a } = await load(tx, event, id ?? undefined, intent.metadata?.clinicId);
      if (seen) return { outcome: "duplicate", appointmentId: id, effects: [] };
      if (!a || !snapshot || !id) return { outcome: record(tx, event, id, "ignored"), appointmentId: id, effects: [] };
      const extra = await tx.get(extraCharges().doc(intent.id));
      const [locks, visit] = await Promise.all([readOwnLocks(tx, id, a.lockIds), readVisit(tx, id)]);
      const done = (outcome: Outcome, effects: AfterCommit[] = []): Recorded => ({ outcome: record(tx, event, id, outcome), appointmentId: id, effects });
      const payment = paymentFromIntent(intent, now);
      if (a.payment?.intentId === intent.id || extra.exists) return done("already_recorded");
      // Not the appointment's own intent, or it is paid already: this charge is refunded on its own.
      if (!isOwnIntent(a, intent.id) || a.payment) {
        return done("refund_due", [recordExtraCharge(tx, id, a, payment, a.payment ? "duplicate" : "not_this_appointment")]);
      }
      const terminal = a.status === "expired" || a.status === "cancelled" || a.status === "declined";
      const refund = (reason: RefundReason, flagged: AppointmentPayment["flagged"] = null) => {
        // A waiting appointment keeps its payment field free for the payment it still asks for.
        if (!terminal) return done("refund_due", [recordExtraCharge(tx, id, a, { ...payment, flagged }, reason)]);
        markRefundDue(tx, id, a, { ...payment, flagged }, reason, { now });
        return done("refund_due", [{ kind: "refund", appointmentId: id }]);
      };
      if (intent.amount !== a.feeCents || intent.currency.toLowerCase() !== a.currency.toLowerCase()) return refund("amount_mismatch", "amount_mismatch");
      const link = newStatusLink(appUrl, id);
      const loaded = { ref: snapshot.ref, a, locks, visit };
      if (a.status === "expired" && reinstatable.version !== a.version) throw new Stale();
      if (a.status === "approved" && a.paymentIntentId === intent.id && locks.length === a.lockIds.length) {
        await applyChange(tx, loaded, payChange(id, payment, link, now), now);
        return done("confirmed");
      }
      if (a.status === "expired" && reinstate && reinstatable.ok) {
        const claim = locksFor(a.clinicId, a.doctorId, { start: a.start.toMillis(), end: a.end.toMillis() }, a.bufferMinutes);
        const taken = await readTakenLocks(tx, claim);
        if (taken.length > 0) return { taken };
        await applyChange(tx, loaded, payChange(id, payment, link, now, claim), now);
        return done("reinstated");
      }
      return refund(lateReason(a));
    });
  for (let round = 1; ; round++) {
    try {
      return await claimSlot(intent.metadata?.clinicId ?? "", now, () => attempt(true), () => new TimeTaken());
    } catch (error) {
      // It expired while we looked: decide again on what it is now (an expiry is final, so once is enough).
      if (error instanceof Stale && round < 3) {
        reinstatable = await mayReinstate(id, now);
        continue;
      }
      // The time is taken after all: refund instead.
      if (!(error instanceof TimeTaken)) throw error;
      return (await attempt(false)) as Recorded;
    }
  }
}

class TimeTaken extends Error {}

/**
 * The payment's transition: confirmed, the payment recorded, the locks
 * permanent (or, reinstating, created create-only), the visit scheduled and
 * the confirmation with its .ics sent.
 */
function payChange(id: string, payment: AppointmentPayment, link: { url: string; hash: string }, now: Date, claim?: LockSpec[]): Change<null> {
  return {
    action: "pay",
    actor: "payment",
    reinstatable: claim !== undefined,
    ...(claim ? { note: "The payment arrived after the request expired; the time was still free, so the visit is confirmed." } : {}),
    apply: (_tx, { a, locks, visit }) => ({
      fields: {
        payment,
        paymentIntentId: payment.intentId,
        linkTokenHashes: FieldValue.arrayUnion(link.hash),
        ...(claim ? { lockIds: claim.map((l) => l.ref.id), timeHeld: true, proposal: null } : {}),
      },
      before: (w) => (claim ? createLocks(w, claim, a, id, null) : setLockExpiry(w, locks, null)),
      after: (w, after) => {
        scheduleVisit(w, id, after, visit, now);
        queueMail(w, confirmedEmail(after, link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
      },
      result: null,
    }),
  };
}

/** payment_intent.payment_failed: no status change; unless it is paid already, the patient gets a link to try again. */
export async function recordFailure(event: Stripe.Event): Promise<Recorded> {
  const intent = event.data.object as Stripe.PaymentIntent;
  const id = intent.metadata?.appointmentId ?? null;
  const appUrl = serverEnv().APP_URL;
  const outcome = await db().runTransaction(async (tx): Promise<Outcome> => {
    const { seen, snapshot, a } = await load(tx, event, id ?? undefined, intent.metadata?.clinicId);
    if (seen) return "duplicate";
    // Out of order (a failure older than the success), or nothing left to pay for.
    if (!a || !snapshot || !id || a.payment || a.status !== "approved") return record(tx, event, id, "ignored");
    const link = newStatusLink(appUrl, id);
    tx.update(snapshot.ref, { linkTokenHashes: FieldValue.arrayUnion(link.hash) });
    queueMail(tx, paymentFailedEmail(a, link.url), { appointmentId: id });
    return record(tx, event, id, "failure_emailed");
  });
  return { outcome, appointmentId: id, effects: [] };
}

/** charge.refunded (ours, or one made in the Stripe dashboard): recorded on the appointment. */
export async function recordRefund(event: Stripe.Event): Promise<Recorded> {
  const charge = event.data.object as Stripe.Charge;
  const id = charge.metadata?.appointmentId ?? null;
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  const outcome = await db().runTransaction(async (tx): Promise<Outcome> => {
    const { seen, snapshot, a } = await load(tx, event, id ?? undefined, charge.metadata?.clinicId);
    if (seen) return "duplicate";
    if (!a || !snapshot || !a.payment || a.payment.intentId !== intentId) return record(tx, event, id, "ignored");
    const full = charge.amount_refunded >= charge.amount;
    const payment: AppointmentPayment = {
      ...a.payment,
      status: full ? "refunded" : a.payment.status,
      refundedCents: Math.max(a.payment.refundedCents, charge.amount_refunded),
      refundedAt: a.payment.refundedAt ?? Timestamp.fromDate(appNow()),
      refundReason: a.payment.refundReason ?? "stripe_dashboard",
    };
    tx.update(snapshot.ref, { payment, updatedAt: Timestamp.fromDate(appNow()) });
    return record(tx, event, id, "refund_recorded");
  });
  return { outcome, appointmentId: id, effects: [] };
}
