import "server-only";
import Stripe from "stripe";
import { recordFailure, recordPayment, recordRefund, type Outcome, type Recorded } from "./record";
import { runEffect, type AfterCommit } from "./stripe-effects";

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
 * Stripe delivers again and the redelivery has no double effect. The Stripe
 * calls the event made due (a refund) are made after the commit; on a
 * duplicate they are made again if still due (idempotent at Stripe).
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
    const result: Recorded =
      event.type === "payment_intent.succeeded"
        ? await recordPayment(event, opts.now)
        : event.type === "payment_intent.payment_failed"
          ? await recordFailure(event)
          : event.type === "charge.refunded"
            ? await recordRefund(event)
            : { outcome: "ignored" as const, appointmentId: null, effects: [] };
    const effects: AfterCommit[] = [...result.effects];
    if (result.outcome === "duplicate" && result.appointmentId) {
      // A redelivery after Stripe failed us: whatever this event made due and is still due.
      effects.push({ kind: "refund", appointmentId: result.appointmentId });
      const object = event.data.object as { id?: string };
      if (event.type === "payment_intent.succeeded" && object.id) effects.push({ kind: "refund_extra", intentId: object.id });
    }
    for (const effect of effects) await runEffect(effect, opts.stripe);
    return { status: 200, body: { received: true, outcome: result.outcome } };
  } catch (error) {
    console.error("stripeWebhook failed; Stripe will redeliver", event.id, error);
    return { status: 500, body: { error: "Try again later." } };
  }
}
