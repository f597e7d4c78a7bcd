// The stand-in's wire format, shared by the HTTP layer and the resources:
// Stripe's JSON objects, its error shape, its form encoding and its ids.
import { randomBytes } from "node:crypto";

export type Json = Record<string, unknown>;

export const API_VERSION = "2025-01-01";

export const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
export const now = () => Math.floor(Date.now() / 1000);

/** A refusal in Stripe's error shape, sent with its HTTP status. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}
export const invalid = (message: string, param?: string, code?: string) =>
  new StripeError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });
export const missing = (kind: string, value: string) =>
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

/** Keys sorted at every depth, so equal parameters fingerprint the same. */
export function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value as Json)
      .sort()
      .map((k) => [k, sortKeys((value as Json)[k])]),
  );
}
