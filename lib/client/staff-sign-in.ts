import { getApps, initializeApp } from "firebase/app";
import {
  browserPopupRedirectResolver,
  connectAuthEmulator,
  GoogleAuthProvider,
  inMemoryPersistence,
  initializeAuth,
  sendPasswordResetEmail,
  signInWithCredential,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut,
  type Auth,
  type MultiFactorResolver,
  type PhoneMultiFactorInfo,
  type User,
  type UserCredential,
} from "firebase/auth";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { SECOND_FACTOR_MESSAGES, SECOND_FACTOR_REQUIRED } from "@/lib/domain/second-factor";
import { emulatorGoogleIdToken } from "./emulator-google";
import { enrollPhone, maskedHint, phoneHint, resolveSignIn, secondFactorResolver, sendEnrollmentCode, sendSignInCode } from "./second-factor";

// Staff sign-in in the browser with the Firebase client SDK, loaded only by
// the sign-in and account pages (import()ed on first use). The SDK keeps its
// user in memory only (inMemoryPersistence): the page posts the ID token to
// /api/session, which sets the httpOnly session cookie, and signs the SDK out
// at once, so no token stays in the page or its storage. The one exception is
// a member whose clinic requires two-step verification and who has none yet:
// the SDK keeps that user in this module (never in storage) while the page
// enrols their phone, since Firebase enrols only a recently signed-in user.

const APP_NAME = "staff-sign-in";

let cached: Auth | undefined;

export function staffAuth(config: FirebaseClientConfig): Auth {
  if (cached) return cached;
  const app = getApps().find((a) => a.name === APP_NAME) ?? initializeApp(config, APP_NAME);
  cached = initializeAuth(app, {
    persistence: inMemoryPersistence,
    // The popup machinery loads Google's scripts; offline the emulator's chooser goes through emulator-google.ts instead.
    ...(config.emulatorHost ? {} : { popupRedirectResolver: browserPopupRedirectResolver }),
  });
  if (config.emulatorHost) connectAuthEmulator(cached, `http://${config.emulatorHost}`, { disableWarnings: true });
  return cached;
}

export type SessionOutcome =
  | { ok: true; redirectTo: string }
  | { ok: false; message: string; redirectTo?: string; fields?: Record<string, string> }
  /** Firebase wants the SMS code: the page asks for it (`phone` is masked). */
  | { ok: false; step: "code"; phone: string }
  /** The clinic requires a second factor this member has not set up: the page enrols a phone. */
  | { ok: false; step: "enroll"; message: string };

/** What a step in progress holds between clicks: the pending sign-in, or the signed-in user who must enrol. */
let pendingSignIn: { resolver: MultiFactorResolver; hint: PhoneMultiFactorInfo; verificationId?: string } | null = null;
let enrolling: { user: User; verificationId?: string } | null = null;

/** Posts a fresh ID token to /api/session; the server's answer. */
export async function postSession(user: User, forceRefresh = false): Promise<{ ok: true; redirectTo: string } | { ok: false; code?: string; message: string; redirectTo?: string }> {
  const idToken = await user.getIdToken(forceRefresh);
  const response = await fetch("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ idToken }),
  });
  const body = (await response.json().catch(() => null)) as
    | { ok: true; redirectTo: string }
    | { error: { code?: string; message: string; redirectTo?: string } }
    | null;
  if (response.ok && body && "ok" in body) return { ok: true, redirectTo: body.redirectTo };
  const error = body && "error" in body ? body.error : null;
  return { ok: false, code: error?.code, message: error?.message ?? "Something went wrong on our side. Please try again.", redirectTo: error?.redirectTo };
}

/**
 * Posts the user's ID token to /api/session and signs the SDK out, unless the
 * clinic wants a second factor first: then the user stays (in memory) for the
 * enrolment step.
 */
async function startSession(firebase: Auth, user: User): Promise<SessionOutcome> {
  let keepUser = false;
  try {
    const answer = await postSession(user);
    if (answer.ok) return answer;
    if (answer.code === SECOND_FACTOR_REQUIRED) {
      keepUser = true;
      enrolling = { user };
      return { ok: false, step: "enroll", message: answer.message };
    }
    return { ok: false, message: answer.message, redirectTo: answer.redirectTo };
  } finally {
    if (!keepUser) await signOut(firebase);
  }
}

/** Signs in with the first factor; asks for the SMS code when the account has a second factor. */
async function signIn(firebase: Auth, run: () => Promise<UserCredential>): Promise<SessionOutcome> {
  pendingSignIn = null;
  enrolling = null;
  let credential: UserCredential;
  try {
    credential = await run();
  } catch (error) {
    const resolver = secondFactorResolver(firebase, error);
    const hint = resolver && phoneHint(resolver);
    if (!resolver || !hint) throw error;
    pendingSignIn = { resolver, hint };
    return { ok: false, step: "code", phone: maskedHint(hint) };
  }
  return startSession(firebase, credential.user);
}

export async function signInWithPassword(config: FirebaseClientConfig, email: string, password: string): Promise<SessionOutcome> {
  const firebase = staffAuth(config);
  return signIn(firebase, () => signInWithEmailAndPassword(firebase, email, password));
}

/** Google sign-in; null when the person closed the window without choosing an account. */
export async function signInWithGoogle(config: FirebaseClientConfig): Promise<SessionOutcome | null> {
  const firebase = staffAuth(config);
  if (!config.emulatorHost) return signIn(firebase, () => signInWithPopup(firebase, new GoogleAuthProvider()));
  const idToken = await emulatorGoogleIdToken(config, APP_NAME);
  if (!idToken) return null;
  return signIn(firebase, () => signInWithCredential(firebase, GoogleAuthProvider.credential(idToken)));
}

/** Texts (again) the code for the pending sign-in. */
export async function sendSignInCodeForPending(config: FirebaseClientConfig, container: HTMLElement): Promise<void> {
  if (!pendingSignIn) throw Object.assign(new Error("no pending sign-in"), { code: "auth/invalid-multi-factor-session" });
  pendingSignIn.verificationId = await sendSignInCode(staffAuth(config), pendingSignIn.resolver, pendingSignIn.hint, container);
}

/** Finishes the pending sign-in with the texted code, then starts the session. */
export async function confirmSignInCode(config: FirebaseClientConfig, code: string): Promise<SessionOutcome> {
  if (!pendingSignIn?.verificationId) throw Object.assign(new Error("no code sent"), { code: "auth/missing-verification-id" });
  const credential = await resolveSignIn(pendingSignIn.resolver, pendingSignIn.verificationId, code);
  pendingSignIn = null;
  return startSession(staffAuth(config), credential.user);
}

/** Texts a code to the phone a member is enrolling at sign-in. */
export async function sendEnrollmentCodeForPending(config: FirebaseClientConfig, phoneNumber: string, container: HTMLElement): Promise<void> {
  if (!enrolling) throw Object.assign(new Error("no user to enrol"), { code: "auth/invalid-multi-factor-session" });
  enrolling.verificationId = await sendEnrollmentCode(staffAuth(config), enrolling.user, phoneNumber, container);
}

/**
 * Enrols the phone, then asks for the session again with the new token. The
 * token Firebase issues on enrolment counts as signed in with the second
 * factor; if the server still refuses, the member signs in again with the code.
 */
export async function confirmEnrollment(config: FirebaseClientConfig, code: string): Promise<SessionOutcome> {
  if (!enrolling?.verificationId) throw Object.assign(new Error("no code sent"), { code: "auth/missing-verification-id" });
  const firebase = staffAuth(config);
  const { user, verificationId } = enrolling;
  await enrollPhone(user, verificationId, code);
  enrolling = null;
  try {
    const answer = await postSession(user, true);
    if (answer.ok) return answer;
    return { ok: false, message: answer.code === SECOND_FACTOR_REQUIRED ? SECOND_FACTOR_MESSAGES.signInAgainWithCode : answer.message };
  } finally {
    await signOut(firebase);
  }
}

/** Leaves a second-factor step: the SDK forgets the user. */
export async function cancelSecondFactorStep(config: FirebaseClientConfig): Promise<void> {
  pendingSignIn = null;
  enrolling = null;
  await signOut(staffAuth(config));
}

/** Firebase emails the reset link (its template); offline the emulator keeps it, and /dev/mailbox shows it. */
export async function sendPasswordReset(config: FirebaseClientConfig, email: string): Promise<void> {
  await sendPasswordResetEmail(staffAuth(config), email);
}
