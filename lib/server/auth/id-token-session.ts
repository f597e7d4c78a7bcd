import "server-only";
import type { DecodedIdToken } from "firebase-admin/auth";
import { AppError } from "@/lib/domain/errors";
import { SECOND_FACTOR_MESSAGES, sessionMeetsSecondFactorRule } from "@/lib/domain/second-factor";
import { SIGN_IN_MESSAGES } from "@/lib/domain/sign-in-messages";
import { adminAuth, db } from "@/lib/server/firebase";
import { acceptPendingInviteFor } from "@/lib/server/team/invite-acceptance";
import { sessionFromIdToken, type NewSession } from "./session";

// The browser signs in with the Firebase client SDK (email and password, or
// Google) and posts the ID token here; the server never sees a password. The
// token must be genuine, not revoked, and from a sign-in in the last five
// minutes (a token lifted from an old page must not buy a week-long session;
// Firebase's createSessionCookie asks the same). The account must belong to a
// clinic, or have a verified email with a pending invite, which it accepts.

/** How long after signing in an ID token may still start a session. */
export const RECENT_SIGN_IN_SECONDS = 5 * 60;

/** Why a sign-in that Firebase accepted is still refused: the page words each one. */
export class NotMemberError extends AppError {
  constructor(readonly provider: string) {
    super("forbidden", provider === "google.com" ? SIGN_IN_MESSAGES.googleNotMember : SIGN_IN_MESSAGES.notMember);
  }
}

/**
 * A member of a clinic that requires two-step verification signed in without
 * a second factor: no cookie. The sign-in page keeps the SDK's user and has
 * them enrol (or, once enrolled, sign in with the code).
 */
export class SecondFactorRequiredError extends AppError {
  constructor() {
    super("forbidden", SECOND_FACTOR_MESSAGES.required);
  }
}

const authCode = (error: unknown) => String((error as { code?: unknown })?.code ?? "").replace(/^auth\//, "");

async function verifiedToken(idToken: string): Promise<DecodedIdToken> {
  try {
    return await adminAuth().verifyIdToken(idToken, true);
  } catch (error) {
    const code = authCode(error);
    if (code === "user-disabled") throw new AppError("forbidden", SIGN_IN_MESSAGES.disabled);
    // Expired, revoked, malformed, or signed for another project: all mean "sign in again".
    throw new AppError("unauthenticated", SIGN_IN_MESSAGES.signInAgain);
  }
}

/** The checks on a verified token, pure so each refusal is tested without Firebase. */
export function assertRecentSignIn(token: Pick<DecodedIdToken, "auth_time">, now: Date): void {
  const ageSeconds = now.getTime() / 1000 - token.auth_time;
  // A little slack for clocks: a sign-in "from the future" by more than a minute is not trusted either.
  if (!(ageSeconds <= RECENT_SIGN_IN_SECONDS && ageSeconds >= -60)) {
    throw new AppError("unauthenticated", SIGN_IN_MESSAGES.signInAgain);
  }
}

/** The clinic's rule (clinics/{id}.requireSecondFactor) on the token's sign-in. */
async function assertClinicSecondFactorRule(clinicId: unknown, token: DecodedIdToken): Promise<void> {
  if (typeof clinicId !== "string" || !clinicId) return; // resolveCaller refuses such a member on every request
  const clinic = await db().collection("clinics").doc(clinicId).get();
  if (!sessionMeetsSecondFactorRule(clinic.get("requireSecondFactor") === true, token.firebase?.sign_in_second_factor)) {
    throw new SecondFactorRequiredError();
  }
}

/**
 * Turns the client SDK's ID token into a session cookie for a clinic member.
 * A verified email with a pending invite joins that clinic first. Anyone else
 * is refused with NotMemberError, and nothing is written. A member of a clinic
 * that requires two-step verification, signed in without a second factor, is
 * refused with SecondFactorRequiredError. `now` is the real
 * time, not the app's clock (lib/server/clock.ts): Firebase stamps tokens
 * with the real time, and the e2e stack moves only the app's.
 */
export async function sessionFromClientSignIn(idToken: string, now = new Date()): Promise<NewSession> {
  const token = await verifiedToken(idToken);
  assertRecentSignIn(token, now);
  let member = await db().collection("members").doc(token.uid).get();
  if (!member.exists) {
    const provider = token.firebase?.sign_in_provider ?? "password";
    // Only a verified email proves the invite was sent to this person: anyone
    // can create a password account for any address with the public API key.
    const joined = token.email && token.email_verified === true ? await acceptPendingInviteFor(token.uid, token.email, token.name, now) : false;
    if (!joined) throw new NotMemberError(provider);
    member = await db().collection("members").doc(token.uid).get();
  }
  await assertClinicSecondFactorRule(member.get("clinicId"), token);
  return sessionFromIdToken(token.uid, idToken);
}
