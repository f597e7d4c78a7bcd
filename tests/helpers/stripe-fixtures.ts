// The Stripe stand-in for payment integration tests: started once per file,
// the app's own client pointed at it, and helpers to pay, deliver events and
// read what the stand-in did.
import Stripe from "stripe";
import { afterAll, beforeAll, expect } from "vitest";
import { signPayload, startStripeStandin, type Standin } from "@clinic/stripe-standin";
import { approveAppointment } from "@/lib/server/appointments/review";
import { confirmTestPayment, preparePayment } from "@/lib/server/payments/prepare";
import { handleStripeEvent } from "@/lib/server/payments/webhook";
import { appointment, at, book, callers, later } from "./review-fixtures";

export const WEBHOOK_SECRET = "whsec_test";
export const soon = later(1);

export interface StripeWorld {
  standin: Standin;
  stripe: Stripe;
}

/** Starts the stand-in for this file; the returned object is filled in beforeAll. */
export function startStripeForFile(): StripeWorld {
  const world = {} as StripeWorld;
  beforeAll(async () => {
    world.standin = await startStripeStandin();
    world.stripe = new Stripe("sk_test_it", { host: "127.0.0.1", port: world.standin.port, protocol: "http", maxNetworkRetries: 0 });
    // For verbs that build their own client (refunds and intent cancels after a commit).
    Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_it", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(world.standin.port), STRIPE_API_PROTOCOL: "http" });
  });
  afterAll(() => world.standin.close());
  return world;
}

/** The stand-in's latest event of `type` about `objectId`. */
export function eventFor(world: StripeWorld, type: string, objectId: string) {
  const found = world.standin.events.filter((e) => e.type === type && (e.data as { object: { id: string } }).object.id === objectId);
  if (found.length === 0) throw new Error(`no ${type} for ${objectId}`);
  return found.at(-1)!;
}

export function deliver(world: StripeWorld, event: object, now = soon) {
  const body = JSON.stringify(event);
  return handleStripeEvent(Buffer.from(body), signPayload(body, WEBHOOK_SECRET), WEBHOOK_SECRET, { stripe: world.stripe, now });
}

/** The amounts the stand-in refunded on one intent. */
export const refundsOf = (world: StripeWorld, intentId: string) => world.standin.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount);

/**
 * Booked, approved, and paid at the stand-in from the status page's intent;
 * the success webhook is NOT delivered yet (the caller decides when).
 */
export async function approvedAndPaid(world: StripeWorld, start = at("09:00")) {
  const { id, token } = await book(start);
  await approveAppointment(callers.staff, id, { now: soon });
  expect(await confirmTestPayment(id, token, "4242 4242 4242 4242", { stripe: world.stripe, env: { STRIPE_API_HOST: "127.0.0.1" } })).toEqual({ ok: true });
  const a = await appointment(id);
  return { id, token, intentId: a.paymentIntentId as string };
}

/** Approved, and the status page made its PaymentIntent; nothing paid. */
export async function approvedWithIntent(world: StripeWorld, start = at("09:00"), email?: string) {
  const { id, token } = await book(start, email ? { email } : {});
  await approveAppointment(callers.staff, id, { now: soon });
  const prepared = await preparePayment(id, token, { stripe: world.stripe, now: soon });
  return { id, token, intentId: prepared.intentId };
}
