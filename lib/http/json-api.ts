// Helpers for the JSON API routes: one error shape, bounded bodies, and zod
// parsing, so every route rejects bad input the same way and writes nothing.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, HTTP_STATUS, isAppError } from "@/lib/domain/errors";
import { fieldErrors } from "@/lib/domain/validation";

export const MAX_BODY_BYTES = 16 * 1024;

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function apiError(error: AppError): NextResponse<ApiErrorBody> {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  // A 429 says when to come back (RateLimitError in lib/server/booking/request-limits.ts).
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const headers = typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined;
  return NextResponse.json(body, { status: HTTP_STATUS[error.code], headers });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, message = "Some fields are missing or invalid."): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("invalid_request", message, fieldErrors(result.error));
  return result.data;
}

/** Query string → plain object, then zod. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
  return parseWith(schema, Object.fromEntries(url.searchParams), "The query string is missing or has invalid parameters.");
}

/** Reads a JSON body of at most 16 KB, then validates it with zod. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readBounded(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The body is not valid JSON.");
  }
  return parseWith(schema, value);
}

const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);

// Content-Length can be absent or wrong (chunked bodies), so count as we read.
async function readBounded(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Wraps a route handler: AppError becomes its JSON error; anything else is
 * logged and becomes a 500 that reveals nothing.
 */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isAppError(error)) return apiError(error);
      console.error(error);
      return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
    }
  };
}
