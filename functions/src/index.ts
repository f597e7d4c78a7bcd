// Cloud Functions: thin wrappers around the app's own verbs in lib/server.
import { logger } from "firebase-functions";
import { defineSecret } from "firebase-functions/params";
import { onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireStale } from "@/lib/server/expiry";
import { retryPendingRefunds } from "@/lib/server/payments/refund";
import { handleStripeEvent } from "@/lib/server/payments/webhook";

export const expireStaleRequests = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", retryCount: 0 },
  async (event) => {
    // Paged with a 45 s budget inside the default 60 s timeout; whatever is
    // left (result.more) is the head of the same query for the next run.
    const result = await expireStale(new Date(event.scheduleTime));
    if (result.more || result.failed > 0) logger.warn("expireStale left work for the next run", result);
    else logger.info("expireStale", result);
  },
);

const stripeSecretKey = defineSecret("STRIPE_SECRET_KEY");
const stripeWebhookSecret = defineSecret("STRIPE_WEBHOOK_SECRET");

/**
 * Stripe's webhook endpoint. The signature is checked on the raw bytes
 * (req.rawBody); everything else is handleStripeEvent: 400 for a bad
 * signature (nothing written), 200 for a handled or duplicate event, 500 for
 * anything thrown so Stripe delivers again.
 */
export const stripeWebhook = onRequest({ secrets: [stripeSecretKey, stripeWebhookSecret], cors: false }, async (req, res) => {
  if (req.method !== "POST") {
    res.status(405).set("Allow", "POST").send("Method Not Allowed");
    return;
  }
  // The verbs build their Stripe client from the environment.
  process.env.STRIPE_SECRET_KEY ??= stripeSecretKey.value();
  const answer = await handleStripeEvent(req.rawBody, req.headers["stripe-signature"], stripeWebhookSecret.value());
  res.status(answer.status).json(answer.body);
});

/** Refunds a verb could not make at Stripe right after its commit (Stripe unreachable) are retried here. */
export const retryRefunds = onSchedule(
  { schedule: "every 15 minutes", timeZone: "UTC", retryCount: 0, secrets: [stripeSecretKey] },
  async () => {
    process.env.STRIPE_SECRET_KEY ??= stripeSecretKey.value();
    const result = await retryPendingRefunds();
    if (result.failed > 0) logger.warn("retryRefunds left refunds due", result);
    else if (result.refunded > 0) logger.info("retryRefunds", result);
  },
);
