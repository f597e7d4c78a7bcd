import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { startStripeStandin, type Standin } from "./server";

const SECRET = "whsec_test_standin";
let standin: Standin | undefined;
let hook: { url: string; bodies: { body: string; signature: string }[]; close(): Promise<void> } | undefined;

afterEach(async () => {
  await standin?.close();
  await hook?.close();
  standin = hook = undefined;
});

const client = (s: Standin) => new Stripe("sk_test_standin", { host: "127.0.0.1", port: s.port, protocol: "http", maxNetworkRetries: 0 });

/** A webhook endpoint that answers `statuses` in turn (then 200). */
async function webhook(statuses: number[] = []) {
  const bodies: { body: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const intentParams = { amount: 5000, currency: "usd", metadata: { appointmentId: "a1", clinicId: "c1" }, automatic_payment_methods: { enabled: true } };

describe("Stripe stand-in", () => {
  it("answers the SDK with Stripe's shapes: create, retrieve, confirm, refund", async () => {
    standin = await startStripeStandin();
    const stripe = client(standin);
    const pi = await stripe.paymentIntents.create(intentParams);
    expect(pi).toMatchObject({ object: "payment_intent", amount: 5000, currency: "usd", status: "requires_payment_method", metadata: { appointmentId: "a1", clinicId: "c1" }, automatic_payment_methods: { enabled: true } });
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect((await stripe.paymentIntents.retrieve(pi.id)).id).toBe(pi.id);
    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" });
    expect(paid.status).toBe("succeeded");
    expect(paid.latest_charge).toMatch(/^ch_/);
    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    expect(refund).toMatchObject({ object: "refund", amount: 5000, status: "succeeded", payment_intent: pi.id });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "charge_already_refunded" });
  });

  it("declines 4000 0000 0000 0002 (pm_card_chargeDeclined) with a card_error and keeps the intent payable", async () => {
    standin = await startStripeStandin();
    const stripe = client(standin);
    const pi = await stripe.paymentIntents.create(intentParams);
    await expect(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_chargeDeclined" })).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      message: "Your card was declined.",
    });
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
    expect((await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })).status).toBe("succeeded");
    expect(standin.events.map((e) => e.type)).toEqual(["payment_intent.created", "payment_intent.payment_failed", "payment_intent.succeeded"]);
  });

  it("cancels an unpaid intent, which can then not be paid; a paid or cancelled one cannot be cancelled", async () => {
    standin = await startStripeStandin();
    const stripe = client(standin);
    const pi = await stripe.paymentIntents.create(intentParams);
    expect((await stripe.paymentIntents.cancel(pi.id)).status).toBe("canceled");
    await expect(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    await expect(stripe.paymentIntents.cancel(pi.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    const paid = await stripe.paymentIntents.create(intentParams);
    await stripe.paymentIntents.confirm(paid.id, { payment_method: "pm_card_visa" });
    await expect(stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    expect((await stripe.paymentIntents.retrieve(paid.id)).status).toBe("succeeded");
  });

  it("Idempotency-Key: same key and params → the same response; different params → 400 idempotency_error", async () => {
    standin = await startStripeStandin();
    const stripe = client(standin);
    const a = await stripe.paymentIntents.create(intentParams, { idempotencyKey: "k1" });
    const b = await stripe.paymentIntents.create(intentParams, { idempotencyKey: "k1" });
    expect(b.id).toBe(a.id);
    await expect(stripe.paymentIntents.create({ ...intentParams, amount: 6000 }, { idempotencyKey: "k1" })).rejects.toMatchObject({
      type: "StripeIdempotencyError",
    });
    const c = await stripe.paymentIntents.create(intentParams, { idempotencyKey: "k2" });
    expect(c.id).not.toBe(a.id);
    await expect(stripe.paymentIntents.retrieve("pi_nope")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("delivers events signed so stripe.webhooks.constructEvent accepts them, and retries non-2xx with back-off", async () => {
    hook = await webhook([500, 503]);
    standin = await startStripeStandin({ webhookUrl: hook.url, webhookSecret: SECRET, retryDelaysMs: [20, 40, 80] });
    const stripe = client(standin);
    const pi = await stripe.paymentIntents.create(intentParams);
    await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" });
    await standin.idle();
    // Only subscribed events are sent (not payment_intent.created): the one event, three attempts.
    expect(standin.deliveries.map((d) => [d.type, d.attempt, d.status])).toEqual([
      ["payment_intent.succeeded", 1, 500],
      ["payment_intent.succeeded", 2, 503],
      ["payment_intent.succeeded", 3, 200],
    ]);
    expect(hook.bodies).toHaveLength(3);
    for (const { body, signature } of hook.bodies) {
      const event = stripe.webhooks.constructEvent(body, signature, SECRET);
      expect(event.data.object).toMatchObject({ id: pi.id });
    }
    const first = hook.bodies[0]!;
    expect(() => stripe.webhooks.constructEvent(first.body, first.signature, "whsec_other")).toThrow();
  });

  it("gives up after the last retry", async () => {
    hook = await webhook([500, 500, 500, 500]);
    standin = await startStripeStandin({ webhookUrl: hook.url, webhookSecret: SECRET, retryDelaysMs: [10, 10] });
    const stripe = client(standin);
    const pi = await stripe.paymentIntents.create(intentParams);
    await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" });
    await standin.idle();
    expect(standin.deliveries.map((d) => d.status)).toEqual([500, 500, 500]);
  });

  it("refuses a request without a secret key", async () => {
    standin = await startStripeStandin();
    const res = await fetch(`${standin.url}/v1/payment_intents/pi_x`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
  });
});
