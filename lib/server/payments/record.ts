import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import type Stripe from "stripe";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { lockTtl, locksFor, type SlotLockDoc } from "../slot-locks";
import { readVisit, scheduleVisit } from "../visits";
import { appointmentIcs, icsFilename } from "../appointments/ics";
import { SYSTEM, appointments, historyId, type AppointmentDoc, type AppointmentPayment, type HistoryEntry } from "../appointments/model";
import { confirmedEmail } from "../appointments/review-emails";
import { setLockExpiry } from "../appointments/review-steps";
import { newStatusLink } from "../appointments/tokens";
import { applyTransition, readOwnLocks } from "../appointments/transition";
import { paymentFailedEmail } from "./emails";
import { markRefundDue, paymentFromIntent } from "./refund";
import { appNow } from "../clock";

/**
 * What the webhook does with each event, each in ONE transaction that also
 * creates stripeEvents/{event.id}: the effect and the record of having had it
 * commit together, so a redelivery finds the record and does nothing more,
 * and a failure leaves neither (Stripe redelivers on our 500).
 */

export const stripeEvents = () => db().collection("stripeEvents");

/** Thrown when the event must be delivered again later (the approval has not committed yet). */
export class RetryLater extends Error {}

export type Outcome =
  | "duplicate"
  | "ignored"
  | "confirmed"
  | "reinstated"
  | "refund_due"
  | "already_recorded"
  | "failure_emailed"
  | "refund_recorded";

const ALREADY_EXISTS = 6;

function eventRecord(event: Stripe.Event, appointmentId: string | null, outcome: Outcome) {
  return { type: event.type, created: Timestamp.fromMillis(event.created * 1000), receivedAt: Timestamp.fromDate(appNow()), appointmentId, outcome };
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
    appointmentId && /^[A-Za-z0-9]{1,40}$/.test(appointmentId) ? tx.get(appointments().doc(appointmentId)) : Promise.resolve(null),
  ]);
  const a = (snapshot?.data() as AppointmentDoc | undefined) ?? null;
  // Metadata naming another clinic than the appointment's is not ours to act on.
  return { seen: seen.exists, snapshot, a: a && a.clinicId === clinicId ? a : null };
}

function record(tx: Transaction, event: Stripe.Event, appointmentId: string | null, outcome: Outcome): Outcome {
  tx.create(stripeEvents().doc(event.id), eventRecord(event, appointmentId, outcome));
  return outcome;
}

/**
 * payment_intent.succeeded. Approved (hold live or lapsed but still ours):
 * confirmed, payment recorded, locks permanent, visit, history, email with
 * .ics. Expired, declined or cancelled: reinstated if create-only locks for
 * the same time succeed, else refunded. Wrong amount/currency: refunded and
 * flagged. Pending/rescheduled (the approval or acceptance has not
 * committed): RetryLater, so Stripe delivers again.
 */
export async function recordPayment(event: Stripe.Event, now = appNow()): Promise<{ outcome: Outcome; appointmentId: string | null }> {
  const intent = event.data.object as Stripe.PaymentIntent;
  const id = intent.metadata?.appointmentId ?? null;
  const appUrl = serverEnv().APP_URL;
  const attempt = (reinstate: boolean) =>
    db().runTransaction(async (tx): Promise<Outcome> => {
      const { seen, snapshot, a } = await load(tx, event, id ?? undefined, intent.metadata?.clinicId);
      if (seen) return "duplicate";
      if (!a || !snapshot || !id) return record(tx, event, id, "ignored");
      const [locks, visit] = await Promise.all([readOwnLocks(tx, id, a.lockIds), readVisit(tx, id)]);
      const payment = paymentFromIntent(intent, now);
      if (a.payment?.intentId === intent.id) return record(tx, event, id, "already_recorded");
      if (a.payment) {
        markRefundDue(tx, id, a, payment, "duplicate", { now });
        return record(tx, event, id, "refund_due");
      }
      if (intent.amount !== a.feeCents || intent.currency.toLowerCase() !== a.currency.toLowerCase()) {
        markRefundDue(tx, id, a, { ...payment, flagged: "amount_mismatch" }, "amount_mismatch", { now });
        return record(tx, event, id, "refund_due");
      }
      if (a.status === "pending" || a.status === "rescheduled") throw new RetryLater(`appointment ${id} is ${a.status}; the approval has not committed`);
      if (a.status === "confirmed") {
        markRefundDue(tx, id, a, payment, "duplicate", { now });
        return record(tx, event, id, "refund_due");
      }
      const link = newStatusLink(appUrl, id);
      if (a.status === "approved" && locks.length === a.lockIds.length) {
        setLockExpiry(tx, locks, null);
        applyTransition(tx, snapshot.ref, a, {
          action: "pay",
          actor: "payment",
          now,
          fields: { expiresAt: null, payment, paymentIntentId: intent.id, linkTokenHashes: FieldValue.arrayUnion(link.hash) },
        });
        confirm(tx, id, a, visit, link.url, now);
        return record(tx, event, id, "confirmed");
      }
      // Late: the request ended (or its time was released) before the money arrived.
      if (reinstate && a.start.toMillis() > now.getTime()) {
        reinstateInTx(tx, id, snapshot, a, payment, link, now);
        confirm(tx, id, a, visit, link.url, now);
        return record(tx, event, id, "reinstated");
      }
      markRefundDue(tx, id, a, payment, "time_taken", { now });
      return record(tx, event, id, "refund_due");
    });
  try {
    return { outcome: await attempt(true), appointmentId: id };
  } catch (error) {
    // A create-only lock met another booking: the time is taken. Refund instead.
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
    return { outcome: await attempt(false), appointmentId: id };
  }
}

function confirm(tx: Transaction, id: string, a: AppointmentDoc, visit: DocumentSnapshot, statusUrl: string, now: Date) {
  const after: AppointmentDoc = { ...a, status: "confirmed", version: a.version + 1, expiresAt: null };
  scheduleVisit(tx, id, after, visit, now);
  queueMail(tx, confirmedEmail(after, statusUrl, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
}

/**
 * Expired, declined and cancelled are terminal for every person and every
 * state-machine action; only money that was already on its way can bring
 * the appointment back, and only if its time is still free: the locks are
 * created create-only (ALREADY_EXISTS fails the whole commit).
 */
function reinstateInTx(
  tx: Transaction,
  id: string,
  snapshot: DocumentSnapshot,
  a: AppointmentDoc,
  payment: AppointmentPayment,
  link: { hash: string },
  now: Date,
) {
  const locks = locksFor(a.clinicId, a.doctorId, { start: a.start.toMillis(), end: a.end.toMillis() }, a.bufferMinutes);
  for (const lock of locks) {
    const doc: SlotLockDoc = { clinicId: a.clinicId, doctorId: a.doctorId, appointmentId: id, start: Timestamp.fromMillis(lock.start), expiresAt: null, ttlAt: lockTtl(lock.start) };
    tx.create(lock.ref, doc);
  }
  const at = Timestamp.fromDate(now);
  const seq = a.version + 1;
  tx.update(snapshot.ref, {
    status: "confirmed",
    version: seq,
    updatedAt: at,
    expiresAt: null,
    lockIds: locks.map((l) => l.ref.id),
    timeHeld: true,
    proposal: null,
    payment,
    paymentIntentId: payment.intentId,
    linkTokenHashes: FieldValue.arrayUnion(link.hash),
  });
  const entry: HistoryEntry = {
    action: "pay",
    from: a.status,
    to: "confirmed",
    actor: "payment",
    ...SYSTEM,
    at,
    note: `The payment arrived after the request was ${a.status}; the time was still free, so the visit is confirmed.`,
  };
  tx.create(snapshot.ref.collection("history").doc(historyId(seq)), entry);
}

/** payment_intent.payment_failed: no status change; unless it is paid already, the patient gets a link to try again. */
export async function recordFailure(event: Stripe.Event): Promise<{ outcome: Outcome; appointmentId: string | null }> {
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
  return { outcome, appointmentId: id };
}

/** charge.refunded (ours, or one made in the Stripe dashboard): recorded on the appointment. */
export async function recordRefund(event: Stripe.Event): Promise<{ outcome: Outcome; appointmentId: string | null }> {
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
  return { outcome, appointmentId: id };
}
