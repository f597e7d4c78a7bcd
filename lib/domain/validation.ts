import type { z } from "zod";

/** Key for problems with a form or body as a whole rather than one field. */
export const FORM_ERROR_KEY = "_";

/** One message per field, keyed by dotted path ("patient.email"); FORM_ERROR_KEY for the form as a whole. */
export type FieldErrors = Record<string, string>;

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

/**
 * First message per field, keyed by dotted path ("patient.email"): shown next
 * to inputs, and returned as the API's and every server action's `fields`, so
 * browser and server say the same thing. Takes a zod error or its issues.
 */
export function fieldErrors(error: z.ZodError | readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  const issues: readonly Issue[] = "issues" in error ? error.issues : error;
  for (const issue of issues) {
    const key = issue.path.length === 0 ? FORM_ERROR_KEY : issue.path.map(String).join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Whether `id` (from a URL, a form or a body) can name one of our documents:
 * letters, digits, "_" and "-", at most `maxLength`, and not of the form
 * `__…__`, which Firestore reserves and answers with INVALID_ARGUMENT (a 500
 * if it reached a read). Anything else is simply "not found".
 */
export function isDocumentId(id: unknown, maxLength = 64): id is string {
  return typeof id === "string" && id.length <= maxLength && /^[A-Za-z0-9_-]+$/.test(id) && !/^__.*__$/.test(id);
}

/** Appointment ids are Firestore auto-ids: letters and digits only. The one check for an id from a URL, a form or Stripe metadata. */
export const APPOINTMENT_ID_PATTERN = /^[A-Za-z0-9]{1,40}$/;

export function isAppointmentId(id: unknown): id is string {
  return typeof id === "string" && APPOINTMENT_ID_PATTERN.test(id);
}
