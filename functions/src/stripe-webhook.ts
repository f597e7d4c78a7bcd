// The Stripe webhook endpoint. Its handling (signature check, then the payment
// verbs) is another issue's work; this stub exists so the deployed function,
// its URL and its secrets are in place from the first deploy. Until then it
// answers 501, and Stripe retries the event for up to three days, so no event
// is lost while it lands.
import { onRequest } from "firebase-functions/v2/https";
import { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from "./secrets";

/** The events the endpoint is created with in Stripe (docs/deploy.md). */
export const STRIPE_WEBHOOK_EVENTS = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"] as const;

export const stripeWebhook = onRequest(
  { secrets: [STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET], invoker: "public", concurrency: 40, maxInstances: 5 },
  (_request, response) => {
    response.status(501).json({ error: "not_implemented" });
  },
);
