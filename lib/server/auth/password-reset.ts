import "server-only";
import { AppError } from "@/lib/domain/errors";
import { passwordResetEmail } from "@/lib/server/mail/staff-emails";
import { serverEnv, usingEmulators } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";

// "Forgot password?": Identity Toolkit's accounts:sendOobCode with
// requestType PASSWORD_RESET. On a real project Firebase emails the reset
// link itself (its template, its sender; the page it links to lets the person
// choose a new password). On the local Auth emulator nothing is sent: the
// emulator keeps the link at /emulator/v1/projects/<id>/oobCodes, and we copy
// it into the dev mailbox (/dev/mailbox) so a tester can click it.
//
// The answer never says whether the email has an account: an unknown email
// gets the same reply as a known one.

export const PASSWORD_RESET_MESSAGES = {
  sent: "If there's an account for that email, we've sent it a link to choose a new password. It can take a few minutes; check your spam folder too.",
  tooMany: "Too many reset requests for now. Please wait a while and try again.",
  unavailable: "We couldn't reach the sign-in service. Please try again in a moment.",
} as const;

function authBase(): string {
  const { FIREBASE_AUTH_EMULATOR_HOST } = serverEnv();
  return FIREBASE_AUTH_EMULATOR_HOST ? `http://${FIREBASE_AUTH_EMULATOR_HOST}` : "https://identitytoolkit.googleapis.com";
}

function sendOobCodeUrl(): string {
  const { FIREBASE_API_KEY, FIREBASE_AUTH_EMULATOR_HOST } = serverEnv();
  const path = FIREBASE_AUTH_EMULATOR_HOST ? "/identitytoolkit.googleapis.com/v1/accounts:sendOobCode" : "/v1/accounts:sendOobCode";
  return `${authBase()}${path}?key=${encodeURIComponent(FIREBASE_API_KEY)}`;
}

/** Identity Toolkit's error code → what the form says. Codes that would tell a stranger "no such account" are a success. */
export function passwordResetOutcome(rawMessage: string): "sent" | AppError {
  const code = rawMessage.split(":")[0]!.trim();
  switch (code) {
    case "EMAIL_NOT_FOUND":
    case "USER_NOT_FOUND":
    case "USER_DISABLED":
      return "sent";
    case "TOO_MANY_ATTEMPTS_TRY_LATER":
    case "RESET_PASSWORD_EXCEED_LIMIT":
      return new AppError("rate_limited", PASSWORD_RESET_MESSAGES.tooMany);
    case "INVALID_EMAIL":
    case "MISSING_EMAIL":
      return new AppError("invalid_request", "Enter a valid email address, like name@example.com.", {
        email: "Enter a valid email address, like name@example.com.",
      });
    default:
      console.error(`Identity Toolkit password reset failed: ${code}`);
      return new AppError("unavailable", PASSWORD_RESET_MESSAGES.unavailable);
  }
}

/**
 * Asks Firebase Auth to email a password-reset link to `email` (already
 * validated and lowercased). Resolves the same way whether or not the email
 * has an account; throws AppError only for rate limits and outages.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(sendOobCodeUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestType: "PASSWORD_RESET", email }),
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
    });
  } catch (error) {
    console.error("Identity Toolkit unreachable", error instanceof Error ? error.message : error);
    throw new AppError("unavailable", PASSWORD_RESET_MESSAGES.unavailable);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    const outcome = passwordResetOutcome(body.error?.message ?? `HTTP_${response.status}`);
    if (outcome !== "sent") throw outcome;
    return;
  }
  if (usingEmulators() && serverEnv().FIREBASE_AUTH_EMULATOR_HOST) await copyEmulatorLinkToDevMailbox(email);
}

interface EmulatorOobCode {
  email: string;
  requestType: string;
  oobCode: string;
  oobLink: string;
}

/** The newest reset link the Auth emulator holds for `email`, or null. Emulator only. */
export async function emulatorResetLink(email: string): Promise<string | null> {
  const { FIREBASE_PROJECT_ID } = serverEnv();
  const response = await fetch(`${authBase()}/emulator/v1/projects/${encodeURIComponent(FIREBASE_PROJECT_ID)}/oobCodes`, { cache: "no-store" });
  if (!response.ok) return null;
  const { oobCodes = [] } = (await response.json()) as { oobCodes?: EmulatorOobCode[] };
  const mine = oobCodes.filter((code) => code.requestType === "PASSWORD_RESET" && code.email.toLowerCase() === email.toLowerCase());
  return mine.at(-1)?.oobLink ?? null;
}

async function copyEmulatorLinkToDevMailbox(email: string): Promise<void> {
  const link = await emulatorResetLink(email).catch(() => null);
  if (!link) return; // no account: the emulator made no link, and there is nothing to deliver
  const batch = db().batch();
  queueMail(batch, passwordResetEmail(email, link), { kind: "password-reset" });
  await batch.commit();
}
