import "server-only";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import type Stripe from "stripe";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import type { AppointmentDoc, AppointmentPayment, RefundReason } from "../appointments/model";
import { appNow } from "../clock";
import { refundEmail } from "@/lib/server/mail/payment-emails";
import { refundPayment, retryPendingRefunds } from "./refund";
import { stripeClient } from "./stripe";

/**
 * The Stripe calls a committed change asks for, never made inside a
 * transaction: each is recorded as due in the commit that decides it, made
 * after the commit with an idempotency key (a retry, from any path, does it
 * once), and recorded as done in a following transaction. Whatever fails is
 * retried by the scheduled retryRefunds until it is recorded.
 *
 * - refund: the appointment's own payment ("refund_pending" on it; refund.ts);
 * - refund_extra: a charge that is not the appointment's payment (a second
 *   PaymentIntent, one the appointment never made), in extraCharges/{intentId};
 * - cancel_intent: the PaymentIntent of an appointment that left "approved"
 *   unpaid, in intentCancels/{intentId}.
 */
export type AfterCommit =
  | { kind: "refund"; appointmentId: string }
  | { kind: "refund_extra"; intentId: string }
  | { kind: "cancel_intent"; intentId: string };

export const extraCharges = () => db().collection("extraCharges");
export const intentCancels = () => db().collection("intentCancels");

/** extraCharges/{intentId}: money that reached the webhook but is not the appointment's payment; always refunded. */
export interface ExtraChargeDoc extends AppointmentPayment {
  appointmentId: string;
  clinicId: string;
}

/** intentCancels/{intentId}: a PaymentIntent to cancel at Stripe; "done" once Stripe answered. */
export interface IntentCancelDoc {
  appointmentId: string;
  status: "pending" | "done";
  createdAt: Timestamp;
  doneAt: Timestamp | null;
}

/** In the commit: the intent is to be cancelled (written whole, so recording it twice changes nothing). */
export function queueIntentCancel(tx: Transaction, intentId: string, appointmentId: string, now: Date): AfterCommit {
  const doc: IntentCancelDoc = { appointmentId, status: "pending", createdAt: Timestamp.fromDate(now), doneAt: null };
  tx.set(intentCancels().doc(intentId), doc);
  return { kind: "cancel_intent", intentId };
}

/**
 * In the commit: a charge that is not the appointment's payment, recorded on
 * its own and due for refund; the patient is told. The caller read
 * extraCharges/{intentId} first and found nothing.
 */
export function recordExtraCharge(tx: Transaction, appointmentId: string, a: AppointmentDoc, payment: AppointmentPayment, reason: RefundReason): AfterCommit {
  const doc: ExtraChargeDoc = { ...payment, status: "refund_pending", refundReason: reason, appointmentId, clinicId: a.clinicId };
  tx.create(extraCharges().doc(payment.intentId), doc);
  queueMail(tx, refundEmail(a, reason, payment.amountCents, payment.currency), { appointmentId });
  return { kind: "refund_extra", intentId: payment.intentId };
}

/** Cancels the intent at Stripe and records it. An intent that already succeeded or was cancelled counts as done. */
export async function cancelIntent(intentId: string, client?: Stripe): Promise<"cancelled" | "nothing_due"> {
  const ref = intentCancels().doc(intentId);
  if ((await ref.get()).get("status") !== "pending") return "nothing_due";
  try {
    await (client ?? stripeClient()).paymentIntents.cancel(intentId, {}, { idempotencyKey: `cancel-${intentId}` });
  } catch (error) {
    // Succeeded already: its payment reaches the webhook, which refunds it. Cancelled already: nothing to do.
    if ((error as { code?: string }).code !== "payment_intent_unexpected_state") throw error;
  }
  await ref.update({ status: "done", doneAt: Timestamp.fromDate(appNow()) });
  return "cancelled";
}

/** Refunds an extra charge in full at Stripe (one refund per intent) and records it. */
export async function refundExtraCharge(intentId: string, client?: Stripe): Promise<"refunded" | "nothing_due"> {
  const ref = extraCharges().doc(intentId);
  const charge = (await ref.get()).data() as ExtraChargeDoc | undefined;
  if (!charge || charge.status !== "refund_pending") return "nothing_due";
  let refundId: string | null = null;
  let refunded = charge.amountCents;
  try {
    const refund = await (client ?? stripeClient()).refunds.create(
      { payment_intent: intentId, metadata: { appointmentId: charge.appointmentId, reason: charge.refundReason ?? "" } },
      { idempotencyKey: `refund-${intentId}` },
    );
    refundId = refund.id;
    refunded = refund.amount;
  } catch (error) {
    if ((error as { code?: string }).code !== "charge_already_refunded") throw error;
  }
  const at = Timestamp.fromDate(appNow());
  await ref.update({ status: "refunded", refundId, refundedCents: refunded, refundedAt: at });
  return "refunded";
}

/** Runs one effect; throws when Stripe did not answer (the caller decides whether that is a 500 or a retry later). */
export async function runEffect(effect: AfterCommit, client?: Stripe): Promise<void> {
  if (effect.kind === "refund") await refundPayment(effect.appointmentId, client);
  else if (effect.kind === "refund_extra") await refundExtraCharge(effect.intentId, client);
  else await cancelIntent(effect.intentId, client);
}

/** After a verb's commit: every effect now if Stripe answers; if not, the scheduled retry does it (the change stands). */
export async function runAfterCommit(effects: AfterCommit[], client?: Stripe): Promise<void> {
  for (const effect of effects) {
    try {
      await runEffect(effect, client);
    } catch (error) {
      console.error("after-commit Stripe call failed; retryRefunds will try again", effect, error);
    }
  }
}

/** The scheduled retry of intent cancels Stripe did not answer right after their commit. */
export async function retryPendingIntentCancels(limit = 50, client?: Stripe): Promise<{ cancelled: number; failed: number }> {
  // query-shape: intentCancels.pending
  const due = await intentCancels().where("status", "==", "pending").limit(limit).get();
  let cancelled = 0;
  let failed = 0;
  for (const doc of due.docs) {
    try {
      if ((await cancelIntent(doc.id, client)) === "cancelled") cancelled++;
    } catch (error) {
      failed++;
      console.error("intent cancel retry failed", doc.id, error);
    }
  }
  return { cancelled, failed };
}

/** The scheduled retry of extra charges' refunds. */
export async function retryPendingExtraRefunds(limit = 50, client?: Stripe): Promise<{ refunded: number; failed: number }> {
  // query-shape: extraCharges.refundPending
  const due = await extraCharges().where("status", "==", "refund_pending").limit(limit).get();
  let refunded = 0;
  let failed = 0;
  for (const doc of due.docs) {
    try {
      if ((await refundExtraCharge(doc.id, client)) === "refunded") refunded++;
    } catch (error) {
      failed++;
      console.error("extra charge refund retry failed", doc.id, error);
    }
  }
  return { refunded, failed };
}

/** Everything after-commit that is still due (the scheduled retryRefunds). */
export async function retryAfterCommitEffects(limit = 50, client?: Stripe): Promise<{ refunded: number; cancelled: number; failed: number }> {
  const payments = await retryPendingRefunds(limit, client);
  const extras = await retryPendingExtraRefunds(limit, client);
  const cancels = await retryPendingIntentCancels(limit, client);
  return { refunded: payments.refunded + extras.refunded, cancelled: cancels.cancelled, failed: payments.failed + extras.failed + cancels.failed };
}
