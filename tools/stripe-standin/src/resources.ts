// The resources the app uses, in memory: PaymentIntents (create, retrieve,
// confirm, cancel) and Refunds (create), with Stripe's shapes and refusals.
// Each change emits the event Stripe would.
import { randomBytes } from "node:crypto";
import type { Emit } from "./webhooks";
import { id, invalid, missing, now, StripeError, type Json } from "./wire";

interface PaymentIntent extends Json {
  id: string;
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
}
export interface Refund extends Json {
  id: string;
  amount: number;
  payment_intent: string;
  charge: string;
}
/** Test cards as Stripe's test mode knows them: the decline card's payment method declines, anything else pays. */
const DECLINING = new Set(["pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"]);

export function createResources(emit: Emit) {
  const intents = new Map<string, PaymentIntent>();
  const refunds: Refund[] = [];
  const charges = new Map<string, Json>();

  function intentOf(intentId: string): PaymentIntent {
    const intent = intents.get(intentId);
    if (!intent) throw missing("payment_intent", intentId);
    return intent;
  }

  function createIntent(params: Json): PaymentIntent {
    const amount = Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount < 50) {
      throw invalid("Amount must be at least 50 cents.", "amount", params.amount === undefined ? "parameter_missing" : "amount_too_small");
    }
    const currency = String(params.currency ?? "").toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw invalid("Missing required param: currency.", "currency", "parameter_missing");
    const intentId = id("pi");
    const apm = params.automatic_payment_methods as Json | undefined;
    const intent: PaymentIntent = {
      id: intentId,
      object: "payment_intent",
      amount,
      amount_received: 0,
      automatic_payment_methods: apm ? { enabled: apm.enabled === "true" } : null,
      client_secret: `${intentId}_secret_${randomBytes(12).toString("hex")}`,
      created: now(),
      currency,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: (params.metadata as Record<string, string>) ?? {},
      payment_method: null,
      status: "requires_payment_method",
    };
    intents.set(intentId, intent);
    emit("payment_intent.created", intent, null);
    return intent;
  }

  function unexpectedState(intent: PaymentIntent, message: string): StripeError {
    return new StripeError(400, { type: "invalid_request_error", code: "payment_intent_unexpected_state", message, payment_intent: intent });
  }

  function confirm(intentId: string, params: Json, key: string | null): PaymentIntent {
    const intent = intentOf(intentId);
    if (intent.status === "succeeded" || intent.status === "canceled") {
      throw unexpectedState(intent, `This PaymentIntent's payment_method could not be updated because it has a status of ${intent.status}.`);
    }
    const pm = String(params.payment_method ?? "pm_card_visa");
    intent.payment_method = pm;
    if (DECLINING.has(pm)) {
      const error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        payment_method: { id: pm, object: "payment_method" },
      };
      intent.status = "requires_payment_method";
      intent.last_payment_error = error;
      emit("payment_intent.payment_failed", intent, key);
      throw new StripeError(402, { ...error, payment_intent: structuredClone(intent) });
    }
    const chargeId = id("ch");
    charges.set(chargeId, {
      id: chargeId,
      object: "charge",
      amount: intent.amount,
      amount_refunded: 0,
      currency: intent.currency,
      payment_intent: intent.id,
      refunded: false,
      metadata: intent.metadata,
      status: "succeeded",
    });
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: chargeId, last_payment_error: null });
    emit("payment_intent.succeeded", intent, key);
    return intent;
  }

  /** As Stripe: only an intent that has not succeeded (or been cancelled) can be cancelled. */
  function cancel(intentId: string, key: string | null): PaymentIntent {
    const intent = intentOf(intentId);
    if (intent.status === "succeeded" || intent.status === "canceled") {
      throw unexpectedState(intent, `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`);
    }
    Object.assign(intent, { status: "canceled", canceled_at: now(), cancellation_reason: null });
    emit("payment_intent.canceled", intent, key);
    return intent;
  }

  function refund(params: Json, key: string | null): Refund {
    const intentId = String(params.payment_intent ?? "");
    if (!intentId) throw invalid("Missing required param: payment_intent.", "payment_intent", "parameter_missing");
    const intent = intentOf(intentId);
    const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
    if (!charge) throw invalid(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, "payment_intent");
    const left = Number(charge.amount) - Number(charge.amount_refunded);
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (left <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded");
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left) {
      throw invalid(`Refund amount ($${amount / 100}) is greater than unrefunded amount on charge ($${left / 100})`, "amount");
    }
    const made: Refund = {
      id: id("re"),
      object: "refund",
      amount,
      charge: String(charge.id),
      created: now(),
      currency: intent.currency,
      metadata: (params.metadata as Record<string, string>) ?? {},
      payment_intent: intentId,
      reason: params.reason ?? null,
      status: "succeeded",
    };
    refunds.push(made);
    charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    emit("charge.refunded", charge, key);
    return made;
  }

  function route(method: string, path: string, params: Json, key: string | null): Json {
    if (method === "POST" && path === "/v1/payment_intents") return createIntent(params);
    let m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (m && method === "GET") return intentOf(m[1]!);
    m = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path);
    if (m && method === "POST") return confirm(m[1]!, params, key);
    m = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path);
    if (m && method === "POST") return cancel(m[1]!, key);
    if (method === "POST" && path === "/v1/refunds") return refund(params, key);
    throw new StripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` });
  }

  return { refunds, route };
}
