// `stripe-standin` (this package's bin): the local Stripe stand-in on its own.
// STRIPE_STANDIN_PORT (default 12111), STRIPE_WEBHOOK_URL (where events go),
// STRIPE_WEBHOOK_SECRET (signs them). See README "Payments offline".
import { startStripeStandin } from "./server";

const port = Number(process.env.STRIPE_STANDIN_PORT ?? 12111);
const standin = await startStripeStandin({
  port,
  webhookUrl: process.env.STRIPE_WEBHOOK_URL || undefined,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
});
console.log(`Stripe stand-in on ${standin.url}${process.env.STRIPE_WEBHOOK_URL ? `, webhooks to ${process.env.STRIPE_WEBHOOK_URL}` : ""}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void standin.close().then(() => process.exit(0)));
