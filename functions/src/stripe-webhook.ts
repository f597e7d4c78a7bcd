// Stripe's webhook endpoint: a thin wrapper over handleStripeEvent in
// lib/server/payments. The signature is checked on the raw bytes
// (req.rawBody); 400 for a bad or missing signature (nothing written), 200 for
// a handled or duplicate event, 500 for anything thrown so Stripe delivers
// again (each event id is recorded create-only with its effect, so a
// redelivery has no double effect).
import { onRequest } from "firebase-functions/v2/https";
import { handleStripeEvent } from "@/lib/server/payments/webhook";
import { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from "./secrets";

/** The events the endpoint is created with in Stripe (docs/deploy.md). */
export const STRIPE_WEBHOOK_EVENTS = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"] as const;

export const stripeWebhook = onRequest(
  { secrets: [STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET], invoker: "public", concurrency: 40, maxInstances: 5, cors: false },
  async (req, res) => {
    if (req.method !== "POST") {
      res.status(405).set("Allow", "POST").send("Method Not Allowed");
      return;
    }
    // The verbs build their Stripe client from the environment.
    process.env.STRIPE_SECRET_KEY ??= STRIPE_SECRET_KEY.value();
    const answer = await handleStripeEvent(req.rawBody, req.headers["stripe-signature"], STRIPE_WEBHOOK_SECRET.value());
    res.status(answer.status).json(answer.body);
  },
);
