import "server-only";
import Stripe from "stripe";

/**
 * The Stripe client. STRIPE_API_HOST/PORT/PROTOCOL point the real SDK at the
 * local stand-in (tools/stripe-standin) offline; unset, it talks to Stripe.
 * Built per call from env, so tests can point it at their own stand-in.
 */
export function stripeClient(env: Record<string, string | undefined> = process.env): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("Invalid environment: STRIPE_SECRET_KEY is missing (see .env.example).");
  return new Stripe(key, { ...stripeHostConfig(env), maxNetworkRetries: 2 });
}

export function stripeHostConfig(env: Record<string, string | undefined>): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!env.STRIPE_API_HOST) return {};
  return {
    host: env.STRIPE_API_HOST,
    ...(env.STRIPE_API_PORT ? { port: Number(env.STRIPE_API_PORT) } : {}),
    protocol: env.STRIPE_API_PROTOCOL === "http" ? "http" : "https",
  };
}
