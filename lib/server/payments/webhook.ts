import "server-only";
import Stripe from "stripe";
import { recordFailure, recordPayment, recordRefund, RetryLater, type Outcome } from "./record";
import { refundPayment } from "./refund";

export interface WebhookAnswer {
  status: 200 | 400 | 500;
  body: { received: true; outcome: Outcome } | { error: string };
}

// Signature checks need no API key; the SDK's verifier is a static helper.
const verifier = new Stripe("sk_test_none" /* never sent: signatures only */);

/**
 * The Stripe webhook (functions/src: stripeWebhook is a thin wrapper). The
 * signature is checked on the raw bytes; bad or missing → 400, nothing
 * written. Each event is handled in one transaction that records its id
 * create-only (a duplicate → 200, nothing more). Anything thrown → 500, so
 * Stripe delivers again and the redelivery has no double effect. A refund
 * the event made due is asked of Stripe after the commit; on a duplicate
 * it is asked again if still pending (idempotent at Stripe).
 */
export async function handleStripeEvent(
  rawBody: Buffer | string | undefined,
  signature: string | string[] | undefined,
  secret: string,
  opts: { stripe?: Stripe; now?: Date } = {},
): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    if (!rawBody || typeof signature !== "string" || !secret) throw new Error("missing body, signature or secret");
    event = verifier.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { error: "Invalid signature." } };
  }
  try {
    const result =
      event.type === "payment_intent.succeeded"
        ? await recordPayment(event, opts.now)
        : event.type === "payment_intent.payment_failed"
          ? await recordFailure(event)
          : event.type === "charge.refunded"
            ? await recordRefund(event)
            : { outcome: "ignored" as const, appointmentId: null };
    if (result.appointmentId && (result.outcome === "refund_due" || result.outcome === "duplicate")) {
      await refundPayment(result.appointmentId, opts.stripe);
    }
    return { status: 200, body: { received: true, outcome: result.outcome } };
  } catch (error) {
    if (!(error instanceof RetryLater)) console.error("stripeWebhook failed; Stripe will redeliver", event.id, error);
    return { status: 500, body: { error: "Try again later." } };
  }
}
