/**
 * The sign-in, password-reset and invite forms' checks in the browser, written
 * by hand so the sign-in pages do not load zod (31 KB gzipped) for two or
 * three fields. The server still parses with the zod schemas in
 * clinic-settings.ts (`signInSchema`, `passwordResetSchema`, the
 * `acceptInvite…` schemas); these give the same verdict and the same first
 * message per field for anything the forms can send, which
 * sign-in-check.test.ts proves. Both read their limits and words from
 * account-fields.ts.
 */
import { ACCOUNT_MESSAGES as M, LIMITS, LINE_BREAKING, textMessages } from "./account-fields";
import { characterCount, EMAIL_PATTERN } from "./field-rules";
import type { FieldErrors } from "./validation";

/** A form's values by field name, as FormData gives them (a field may be missing). */
export type FormFields = Readonly<Record<string, unknown>>;

// Each returns the field's first problem, in the order the schema checks them, or null.

// Lowercased so one person is one account, whatever case they type.
const normalizedEmail = (typed: string) => typed.trim().toLowerCase();

function emailProblem(typed: unknown): string | null {
  if (typeof typed !== "string") return M.emailMissing;
  // Lowercased before measuring, as the schema does: lowercasing can lengthen a string ("İ").
  const email = normalizedEmail(typed);
  if (email === "") return M.emailMissing;
  if (characterCount(email) > LIMITS.email) return M.emailTooLong;
  if (!EMAIL_PATTERN.test(email)) return M.emailInvalid;
  return null;
}

// Taken as typed (no trim): spaces can be part of a password.
function currentPasswordProblem(typed: unknown): string | null {
  if (typeof typed !== "string" || typed === "") return M.passwordMissing;
  if (characterCount(typed) > LIMITS.passwordMax) return M.passwordTooLong;
  return null;
}

function newPasswordProblem(typed: unknown): string | null {
  if (typeof typed !== "string") return M.newPasswordMissing;
  const length = characterCount(typed);
  if (length < LIMITS.passwordMin) return M.newPasswordTooShort;
  if (length > LIMITS.passwordMax) return M.newPasswordTooLong;
  return null;
}

const YOUR_NAME = textMessages("your name", LIMITS.personName);

function yourNameProblem(typed: unknown): string | null {
  if (typeof typed !== "string") return YOUR_NAME.missing;
  const name = typed.trim();
  if (name === "") return YOUR_NAME.missing;
  if (characterCount(name) > LIMITS.personName) return YOUR_NAME.tooLong;
  if (LINE_BREAKING.test(name)) return YOUR_NAME.oneLine;
  return null;
}

function collect(problems: readonly (readonly [string, string | null])[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of problems) if (message) errors[key] = message;
  return errors;
}

/** The sign-in form: its problems, or what to send (the email trimmed and lowercased, the password as typed). */
export function checkSignIn(
  form: FormFields,
): { ok: true; data: { email: string; password: string } } | { ok: false; errors: FieldErrors } {
  const errors = collect([
    ["email", emailProblem(form.email)],
    ["password", currentPasswordProblem(form.password)],
  ]);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { email: normalizedEmail(form.email as string), password: form.password as string } };
}

/** "Forgot password?": the email's problem, if any. */
export function checkPasswordReset(form: FormFields): FieldErrors {
  return collect([["email", emailProblem(form.email)]]);
}

/** Accepting an invite: someone with an account enters their password; a new person picks a name and a password. */
export function checkAcceptInvite(form: FormFields, hasAccount: boolean): FieldErrors {
  if (hasAccount) return collect([["password", currentPasswordProblem(form.password)]]);
  return collect([
    ["name", yourNameProblem(form.name)],
    ["password", newPasswordProblem(form.password)],
  ]);
}
