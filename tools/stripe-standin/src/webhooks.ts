// Events and their delivery: every event is recorded; one the endpoint is
// subscribed to is POSTed to it, signed like Stripe (Stripe-Signature v1),
// and retried with back-off until it is answered with a 2xx.
import { createHmac } from "node:crypto";
import { API_VERSION, id, now, type Json } from "./wire";

export interface Delivery {
  eventId: string;
  type: string;
  attempt: number;
  status: number | null;
}

export interface StripeEvent extends Json {
  id: string;
  type: string;
  created: number;
}

const DEFAULT_RETRIES = [1_000, 2_000, 4_000, 8_000, 16_000];
/** What the app's webhook endpoint subscribes to (README "Payments"). */
export const WEBHOOK_EVENTS = ["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"];

/** The Stripe-Signature header for `payload` at `timestamp` (seconds). */
export function signPayload(payload: string, secret: string, timestamp = now()): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

interface WebhookOptions {
  webhookUrl?: string;
  webhookSecret?: string;
  retryDelaysMs?: number[];
  enabledEvents?: string[];
}

export type Emit = (type: string, object: Json, idempotencyKey: string | null) => void;

export function createWebhooks(options: WebhookOptions) {
  const events: StripeEvent[] = [];
  const deliveries: Delivery[] = [];
  const pending = new Set<Promise<void>>();
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

  return {
    events,
    deliveries,
    emit: emit as Emit,
    /** Resolves when every delivery started so far has succeeded or given up. */
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
    /** Stops retrying. */
    close() {
      closed = true;
    },
  };
}
