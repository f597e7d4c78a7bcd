import "server-only";
import { adminAuth } from "@/lib/server/firebase";
import { signInWithPassword } from "./identity-toolkit";

// Staff sessions are Firebase session cookies. The server creates one from an
// ID token (the sign-in page's client SDK posts it to /api/session:
// id-token-session.ts), stores it in an httpOnly cookie, and verifies it on every dashboard request with the
// revocation check on, so a sign-out, a disabled account or a password change
// ends the session everywhere on the next request.

/** Firebase Hosting forwards only this cookie to the app. */
export const SESSION_COOKIE = "__session";

/**
 * One week. Firebase allows 5 minutes to 14 days; a week means desk staff sign
 * in about once a week, and a lost laptop's session ends within days even if
 * nobody signs it out.
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export const sessionCookieOptions = {
  httpOnly: true,
  // Browsers accept Secure cookies on http://localhost and 127.0.0.1, so this
  // holds in development too.
  secure: true,
  sameSite: "lax",
  path: "/",
  maxAge: SESSION_MAX_AGE_SECONDS,
} as const;

export interface NewSession {
  uid: string;
  cookie: string;
  maxAgeSeconds: number;
}

/** Turns a fresh ID token into a session cookie value. */
export async function sessionFromIdToken(uid: string, idToken: string): Promise<NewSession> {
  const cookie = await adminAuth().createSessionCookie(idToken, { expiresIn: SESSION_MAX_AGE_SECONDS * 1000 });
  return { uid, cookie, maxAgeSeconds: SESSION_MAX_AGE_SECONDS };
}

/**
 * Signs in an account this same request has just created with this password
 * (the clinic's first admin at sign-up): checks the password over Identity
 * Toolkit and returns a session cookie. Not a sign-in path: nobody can guess
 * through it, since creating the account fails for an email that has one.
 */
export async function startSession(email: string, password: string): Promise<NewSession> {
  const { uid, idToken } = await signInWithPassword(email, password);
  return sessionFromIdToken(uid, idToken);
}

/** Why a cookie did not yield a session; the sign-in page words each one. */
export type SessionProblem = "missing" | "expired" | "revoked" | "disabled" | "invalid";

export type SessionCheck =
  | { ok: true; uid: string; email: string | undefined; secondFactor?: string }
  | { ok: false; problem: SessionProblem };

const authCode = (error: unknown) => String((error as { code?: unknown })?.code ?? "").replace(/^auth\//, "");

export async function verifySession(cookie: string | undefined): Promise<SessionCheck> {
  if (!cookie) return { ok: false, problem: "missing" };
  try {
    const decoded = await adminAuth().verifySessionCookie(cookie, true);
    // The cookie keeps the ID token's claims: which second factor (if any) its sign-in used.
    const secondFactor = decoded.firebase?.sign_in_second_factor;
    return { ok: true, uid: decoded.uid, email: decoded.email, ...(secondFactor ? { secondFactor } : {}) };
  } catch (error) {
    switch (authCode(error)) {
      case "session-cookie-expired":
        return { ok: false, problem: "expired" };
      case "session-cookie-revoked":
        return { ok: false, problem: "revoked" };
      case "user-disabled":
        return { ok: false, problem: "disabled" };
      default:
        // Malformed, signed for another project, or the user was deleted.
        return { ok: false, problem: "invalid" };
    }
  }
}

/**
 * Signs the user out everywhere: revokes their refresh tokens, which also
 * fails every session cookie issued before now (verifySession checks). A
 * cookie that is already invalid needs nothing revoked.
 */
export async function endSession(cookie: string | undefined): Promise<void> {
  if (!cookie) return;
  let uid: string;
  try {
    // No revocation check: a revoked or expired cookie still names its user.
    uid = (await adminAuth().verifySessionCookie(cookie, false)).uid;
  } catch {
    return;
  }
  await adminAuth().revokeRefreshTokens(uid);
}

/**
 * CSRF guard for the session endpoint: a browser always sends Origin on a
 * POST, and it must be our app, either the configured public origin or the
 * host the request came in on (a preview URL, localhost vs 127.0.0.1).
 */
export function isAllowedOrigin(
  origin: string | null,
  allowed: { appUrl: string; requestUrl: string; host?: string | null },
): boolean {
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (parsed.origin === new URL(allowed.appUrl).origin) return true;
  if (parsed.origin === new URL(allowed.requestUrl).origin) return true;
  return Boolean(allowed.host) && parsed.host === allowed.host;
}
