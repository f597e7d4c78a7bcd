// A local Stripe stand-in: the few endpoints the app calls (PaymentIntents
// create/retrieve/confirm, Refunds create), with Stripe's JSON shapes, error
// shape and Idempotency-Key semantics, and signed webhook delivery with
// retries. The real `stripe` SDK talks to it (host/port/protocol from env), so
// offline runs drive exactly the code path production runs. In memory only.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createResources, type Refund } from "./resources";
import { createWebhooks, type Delivery, type StripeEvent } from "./webhooks";
import { API_VERSION, id, parseForm, sortKeys, StripeError, type Json } from "./wire";

export { parseForm } from "./wire";
export { signPayload, WEBHOOK_EVENTS, type Delivery } from "./webhooks";

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

export async function startStripeStandin(options: StandinOptions = {}): Promise<Standin> {
  const webhooks = createWebhooks(options);
  const { refunds, route } = createResources(webhooks.emit);
  const idempotency = new Map<string, { fingerprint: string; status: number; body: Json }>();
  const requests: { method: string; path: string }[] = [];

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
    events: webhooks.events,
    deliveries: webhooks.deliveries,
    refunds,
    requests,
    idle: webhooks.idle,
    async close() {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
