import "server-only";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import type Stripe from "stripe";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { appointments, type AppointmentDoc, type AppointmentPayment, type RefundReason } from "../appointments/model";
import { refundEmail } from "@/lib/server/mail/payment-emails";
import { stripeClient } from "./stripe";
import { appNow } from "../clock";

/**
 * Refunds are two steps, because Stripe is never called inside a transaction
 * body: (1) in the transaction that decides the money must go back, the
 * payment becomes "refund_pending" with its reason and the patient's email is
 * queued (markRefundDue); (2) after the commit, refundPayment asks Stripe
 * with an idempotency key per intent (a retry, from any path, makes no second
 * refund) and records the refund in a following transaction. If (2) fails,
 * the webhook answers 500 and the redelivery, or the next verb that meets
 * "refund_pending", runs (2) again.
 */
/** The payment as due for refund (step 1), for a transaction that writes the appointment itself. */
export const refundDue = (payment: AppointmentPayment, reason: RefundReason): AppointmentPayment => ({ ...payment, status: "refund_pending", refundReason: reason });

export function markRefundDue(
  tx: Transaction,
  appointmentId: string,
  a: AppointmentDoc,
  payment: AppointmentPayment,
  reason: RefundReason,
  opts: { now?: Date; note?: string | null; email?: boolean } = {},
): AppointmentPayment {
  const due = refundDue(payment, reason);
  tx.update(appointments().doc(appointmentId), { payment: due, updatedAt: Timestamp.fromDate(opts.now ?? appNow()) });
  // Callers whose own email already says the money goes back pass email: false.
  if (opts.email !== false) queueMail(tx, refundEmail(a, reason, payment.amountCents, payment.currency, opts.note), { appointmentId });
  return due;
}

/** The payment fields for money that just arrived, from the PaymentIntent. */
export function paymentFromIntent(intent: Stripe.PaymentIntent, now: Date): AppointmentPayment {
  const charge = intent.latest_charge;
  return {
    status: "paid",
    amountCents: intent.amount_received || intent.amount,
    currency: intent.currency,
    intentId: intent.id,
    chargeId: typeof charge === "string" ? charge : (charge?.id ?? null),
    paidAt: Timestamp.fromDate(now),
    refundReason: null,
    refundId: null,
    refundedCents: 0,
    refundedAt: null,
    flagged: null,
  };
}

/** Step (2): refunds a "refund_pending" payment at Stripe (in full, or its refundDueCents) and records it. No-op otherwise. */
export async function refundPayment(appointmentId: string, client?: Stripe): Promise<"refunded" | "nothing_due"> {
  const ref = appointments().doc(appointmentId);
  const a = (await ref.get()).data() as AppointmentDoc | undefined;
  const payment = a?.payment;
  if (!payment || payment.status !== "refund_pending") return "nothing_due";
  let refundId: string | null = null;
  let refunded = payment.refundDueCents ?? payment.amountCents;
  const stripe = client ?? stripeClient();
  try {
    // A part refund (the clinic's cancellation policy) names its amount; otherwise Stripe refunds all of it.
    const part = payment.refundDueCents !== undefined && payment.refundDueCents < payment.amountCents ? { amount: payment.refundDueCents } : {};
    const refund = await stripe.refunds.create(
      { payment_intent: payment.intentId, ...part, metadata: { appointmentId, reason: payment.refundReason ?? "" } },
      // One refund per payment, whoever asks and however often.
      { idempotencyKey: `refund-${payment.intentId}` },
    );
    refundId = refund.id;
    refunded = refund.amount;
  } catch (error) {
    // Refunded already (in the Stripe dashboard, say): record it and stop.
    if ((error as { code?: string }).code !== "charge_already_refunded") throw error;
  }
  await db().runTransaction(async (tx) => {
    const fresh = (await tx.get(ref)).data() as AppointmentDoc | undefined;
    if (fresh?.payment?.status !== "refund_pending" || fresh.payment.intentId !== payment.intentId) return;
    tx.update(ref, {
      payment: { ...fresh.payment, status: "refunded", refundId: refundId ?? fresh.payment.refundId, refundedCents: refunded, refundedAt: Timestamp.fromDate(appNow()) },
      updatedAt: Timestamp.fromDate(appNow()),
    });
  });
  return "refunded";
}

/**
 * Step (2) for refunds whose first attempt failed after the commit (Stripe
 * unreachable during a clinic cancel or a rejected proposal): the scheduled
 * `retryRefunds` function runs this. Each refund is idempotent at Stripe.
 */
export async function retryPendingRefunds(limit = 50, client?: Stripe): Promise<{ refunded: number; failed: number }> {
  // query-shape: appointments.refundPending
  const due = await appointments().where("payment.status", "==", "refund_pending").limit(limit).get();
  let refunded = 0;
  let failed = 0;
  for (const doc of due.docs) {
    try {
      if ((await refundPayment(doc.id, client)) === "refunded") refunded++;
    } catch (error) {
      failed++;
      console.error("refund retry failed", doc.id, error);
    }
  }
  return { refunded, failed };
}
