// A local Stripe stand-in: the few endpoints the app calls (PaymentIntents
// create/retrieve/confirm, Refunds create), with Stripe's JSON shapes, error
// shape and Idempotency-Key semantics, and signed webhook delivery with
// retries. The real `stripe` SDK talks to it (host/port/protocol from env), so
// offline runs drive exactly the code path production runs. In memory only.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandinOptions {
  port?: number;
  host?: string;
  /** Where events are POSTed; none = events are only recorded. */
  webhookUrl?: string;
  /** whsec_… shared with the webhook (Stripe-Signature v1). */
  webhookSecret?: string;
  /** Delays before each retry of a failed delivery (Stripe backs off over 3 days; scaled down here). */
  retryDelaysMs?: number[];
  /** The event types the endpoint is subscribed to, as configured in Stripe's dashboard. */
  enabledEvents?: string[];
}

export interface Delivery {
  eventId: string;
  type: string;
  attempt: number;
  status: number | null;
}

export interface Standin {
  url: string;
  port: number;
  /** Every event created, in order. */
  events: StripeEvent[];
  /** Every delivery attempt, in order. */
  deliveries: Delivery[];
  refunds: Refund[];
  /** Every API request received (method and path), in order. */
  requests: { method: string; path: string }[];
  /** Resolves when every delivery started so far has succeeded or given up. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;
interface PaymentIntent extends Json {
  id: string;
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
}
interface Refund extends Json {
  id: string;
  amount: number;
  payment_intent: string;
  charge: string;
}
interface StripeEvent extends Json {
  id: string;
  type: string;
  created: number;
}

const DEFAULT_RETRIES = [1_000, 2_000, 4_000, 8_000, 16_000];
/** What the app's webhook endpoint subscribes to (README "Payments"). */
export const WEBHOOK_EVENTS = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"];
const API_VERSION = "2025-01-01";

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}
const invalid = (message: string, param?: string, code?: string) =>
  new StripeError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });
const missing = (kind: string, value: string) =>
  new StripeError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${value}'`, param: "id" });

/** Parses Stripe's form encoding (`a[b][c]=v`) into nested objects. */
export function parseForm(body: string): Json {
  const out: Json = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.split(/[[\]]+/).filter(Boolean);
    let node = out;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Json;
    });
  }
  return out;
}

/** The Stripe-Signature header for `payload` at `timestamp` (seconds). */
export function signPayload(payload: string, secret: string, timestamp = now()): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** Test cards as Stripe's test mode knows them: the decline card's payment method declines, anything else pays. */
const DECLINING = new Set(["pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"]);

export async function startStripeStandin(options: StandinOptions = {}): Promise<Standin> {
  const intents = new Map<string, PaymentIntent>();
  const refunds: Refund[] = [];
  const charges = new Map<string, Json>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: Json }>();
  const events: StripeEvent[] = [];
  const deliveries: Delivery[] = [];
  const pending = new Set<Promise<void>>();
  const requests: { method: string; path: string }[] = [];
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRIES;
  let closed = false;
  const enabled = new Set(options.enabledEvents ?? WEBHOOK_EVENTS);
  const subscribed = (type: string) => Boolean(options.webhookUrl) && enabled.has(type);

  function emit(type: string, object: Json, idempotencyKey: string | null) {
    const event: StripeEvent = {
      id: id("evt"),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: subscribed(type) ? 1 : 0,
      request: { id: id("req"), idempotency_key: idempotencyKey },
      type,
    };
    events.push(event);
    if (subscribed(type)) {
      const p = deliver(event).finally(() => pending.delete(p));
      pending.add(p);
    }
  }

  async function deliver(event: StripeEvent) {
    const payload = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= retryDelays.length + 1 && !closed; attempt++) {
      let status: number | null = null;
      try {
        const res = await fetch(options.webhookUrl!, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "stripe-signature": signPayload(payload, options.webhookSecret ?? ""),
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          },
          body: payload,
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = null;
      }
      deliveries.push({ eventId: event.id, type: event.type, attempt, status });
      if (status !== null && status >= 200 && status < 300) return;
      const delay = retryDelays[attempt - 1];
      if (delay === undefined) return;
      await new Promise((r) => setTimeout(r, delay));
    }
  }

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

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://standin");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname });
    const send = (status: number, body: Json) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": id("req"), "stripe-version": API_VERSION });
      res.end(JSON.stringify(body));
    };
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer sk_(test|live)_\S+$/.test(auth)) {
      return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
    }
    const params = method === "GET" ? parseForm(url.searchParams.toString()) : parseForm(raw);
    const key = method === "POST" ? (req.headers["idempotency-key"] as string | undefined) ?? null : null;
    const fingerprint = createHash("sha256").update(`${method} ${url.pathname}\n${JSON.stringify(sortKeys(params))}`).digest("hex");
    if (key) {
      const seen = idempotency.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return send(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          });
        }
        res.setHeader("idempotent-replayed", "true");
        return send(seen.status, seen.body);
      }
    }
    let status = 200;
    let body: Json;
    try {
      body = structuredClone(route(method, url.pathname, params, key));
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      body = { error: error.body };
    }
    // Stripe saves the first result for a key, errors included (except 5xx).
    if (key) idempotency.set(key, { fingerprint, status, body });
    send(status, body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    events,
    deliveries,
    refunds,
    requests,
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
    async close() {
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value as Json)
      .sort()
      .map((k) => [k, sortKeys((value as Json)[k])]),
  );
}
