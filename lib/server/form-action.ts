import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isAppError } from "@/lib/domain/errors";
import { parseWith } from "@/lib/http/json-api";

// Server actions answer forms with a plain object, never a thrown error:
// `{ ok: true, message }` for a toast, or `{ ok: false, message, fields }`
// with one message per field. Verbs throw AppError; this turns it into that
// shape. Anything else is a bug: logged, and the form gets a generic message.

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; message: string; fields: Record<string, string> };

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";

export async function formAction<T = undefined>(
  run: () => Promise<{ message: string; data?: T }>,
): Promise<ActionResult<T>> {
  try {
    const { message, data } = await run();
    return data === undefined ? { ok: true, message } : { ok: true, message, data };
  } catch (error) {
    // redirect() and notFound() work by throwing; let Next.js have them.
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, message: error.message, fields: error.fields ?? {} };
    console.error(error);
    return { ok: false, message: GENERIC_FAILURE, fields: {} };
  }
}

/** FormData → plain object → zod; throws AppError("invalid_request") with per-field messages. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): z.infer<S> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return parseWith(schema, values, "Please check the highlighted fields.");
}
