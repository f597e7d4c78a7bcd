import "server-only";
import { AppError } from "@/lib/domain/errors";
import { serverEnv } from "@/lib/server/env";
import { SIGN_IN_MESSAGES } from "@/lib/domain/sign-in-messages";

// Password checks over Identity Toolkit's REST API, for the two server paths
// that still take a password: signing in the admin who just chose it at
// sign-up, and accepting an invite with an existing account (behind the
// attempt throttle, sign-in-throttle.ts). Staff sign-in itself happens in the
// browser with the Firebase client SDK; /api/session only sees an ID token.

export interface PasswordSignIn {
  uid: string;
  idToken: string;
}

export { SIGN_IN_MESSAGES };

function signInUrl(): string {
  const { FIREBASE_API_KEY, FIREBASE_AUTH_EMULATOR_HOST } = serverEnv();
  const base = FIREBASE_AUTH_EMULATOR_HOST
    ? `http://${FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com`
    : "https://identitytoolkit.googleapis.com";
  return `${base}/v1/accounts:signInWithPassword?key=${encodeURIComponent(FIREBASE_API_KEY)}`;
}

/**
 * Identity Toolkit reports errors as `{ error: { message: "CODE : detail" } }`.
 * Codes that mean "these credentials are wrong" all get one message, so the
 * form never tells a stranger which emails have accounts.
 */
export function signInError(rawMessage: string): AppError {
  const code = rawMessage.split(":")[0]!.trim();
  switch (code) {
    case "EMAIL_NOT_FOUND":
    case "INVALID_PASSWORD":
    case "INVALID_LOGIN_CREDENTIALS":
    case "INVALID_EMAIL":
    case "MISSING_PASSWORD":
      return new AppError("unauthenticated", SIGN_IN_MESSAGES.wrongCredentials);
    case "USER_DISABLED":
      return new AppError("forbidden", SIGN_IN_MESSAGES.disabled);
    case "TOO_MANY_ATTEMPTS_TRY_LATER":
      return new AppError("rate_limited", SIGN_IN_MESSAGES.tooManyAttempts);
    default:
      // An API key or project problem: ours to fix, not the user's. Logged
      // with the code only (never the password or token).
      console.error(`Identity Toolkit sign-in failed: ${code}`);
      return new AppError("unavailable", SIGN_IN_MESSAGES.unavailable);
  }
}

/** Checks an email and password; throws AppError with a message for the sign-in form. */
export async function signInWithPassword(email: string, password: string): Promise<PasswordSignIn> {
  let response: Response;
  try {
    response = await fetch(signInUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
    });
  } catch (error) {
    console.error("Identity Toolkit unreachable", error instanceof Error ? error.message : error);
    throw new AppError("unavailable", SIGN_IN_MESSAGES.unavailable);
  }
  const body = (await response.json().catch(() => ({}))) as {
    localId?: string;
    idToken?: string;
    error?: { message?: string };
  };
  if (!response.ok || !body.idToken || !body.localId) {
    throw signInError(body.error?.message ?? `HTTP_${response.status}`);
  }
  return { uid: body.localId, idToken: body.idToken };
}
