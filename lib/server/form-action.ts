import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionFailure, ActionResult } from "@/lib/domain/action-result";
import { isAppError } from "@/lib/domain/errors";
import { parseWith } from "@/lib/http/json-api";

// Server actions answer with the one ActionResult (lib/domain/action-result.ts),
// never a thrown error. Verbs throw AppError; formAction turns it into a
// failure with the verb's message, fields and code. Anything else is a bug:
// logged, and the form gets a generic message (or the action's own).

export type { ActionResult } from "@/lib/domain/action-result";

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";

export async function formAction<T = undefined>(
  run: () => Promise<{ message: string; data?: T }>,
  options: { failure?: string } = {},
): Promise<ActionResult<T>> {
  try {
    const { message, data } = await run();
    return data === undefined ? { ok: true, message } : { ok: true, message, data };
  } catch (error) {
    // redirect() and notFound() work by throwing; let Next.js have them.
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message, fields: error.fields ?? {} };
    console.error(error);
    return { ok: false, code: "internal", message: options.failure ?? GENERIC_FAILURE, fields: {} };
  }
}

/** A failure the action decides itself (bad link, input the verb never sees). */
export function actionFailure(message: string, code: ActionFailure["code"] = "invalid_request", fields: Record<string, string> = {}): ActionFailure {
  return { ok: false, code, message, fields };
}

/** FormData → plain object → zod; throws AppError("invalid_request") with per-field messages. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): z.infer<S> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return parseWith(schema, values, "Please check the highlighted fields.");
}
