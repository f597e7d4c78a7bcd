import {
  GoogleAuthProvider,
  signInWithCredential,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut,
  type MultiFactorResolver,
  type PhoneMultiFactorInfo,
  type User,
  type UserCredential,
} from "firebase/auth";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { SECOND_FACTOR_MESSAGES } from "@/lib/domain/second-factor";
import { emulatorGoogleIdToken } from "./emulator-google";
import { enrollPhone, maskedHint, phoneHint, resolveSignIn, secondFactorResolver, sendEnrollmentCode, sendSignInCode, unenrollAll } from "./second-factor";
import { postSession, staffAuth } from "./staff-sign-in";

// The account page's two-step verification. Firebase changes a second factor
// only for a recent sign-in, so the page first has the member confirm it's
// them (password or Google, then the SMS code if a phone is already on),
// keeps that SDK user in memory for the change, then posts its new ID token
// to /api/session, so the cookie matches (signed in with the second factor
// after turning it on), and signs the SDK out.

export type ConfirmOutcome = { ok: true } | { ok: false; step: "code"; phone: string } | { ok: false; message: string };

let confirmed: User | null = null;
let pending: { resolver: MultiFactorResolver; hint: PhoneMultiFactorInfo; verificationId?: string } | null = null;
let enrollVerificationId: string | null = null;

const stale = () => Object.assign(new Error("confirm again"), { code: "auth/requires-recent-login" });

async function confirm(config: FirebaseClientConfig, expectedUid: string, run: () => Promise<UserCredential>): Promise<ConfirmOutcome> {
  const firebase = staffAuth(config);
  confirmed = null;
  pending = null;
  let credential: UserCredential;
  try {
    credential = await run();
  } catch (error) {
    const resolver = secondFactorResolver(firebase, error);
    const hint = resolver && phoneHint(resolver);
    if (!resolver || !hint) throw error;
    pending = { resolver, hint };
    return { ok: false, step: "code", phone: maskedHint(hint) };
  }
  return keep(config, expectedUid, credential.user);
}

async function keep(config: FirebaseClientConfig, expectedUid: string, user: User): Promise<ConfirmOutcome> {
  // Someone else's password or Google account must not change this member's sign-in.
  if (user.uid !== expectedUid) {
    await signOut(staffAuth(config));
    return { ok: false, message: SECOND_FACTOR_MESSAGES.otherAccount };
  }
  confirmed = user;
  return { ok: true };
}

export function confirmWithPassword(config: FirebaseClientConfig, expectedUid: string, email: string, password: string): Promise<ConfirmOutcome> {
  return confirm(config, expectedUid, () => signInWithEmailAndPassword(staffAuth(config), email, password));
}

/** Null when the Google window was closed without choosing. */
export async function confirmWithGoogle(config: FirebaseClientConfig, expectedUid: string): Promise<ConfirmOutcome | null> {
  const firebase = staffAuth(config);
  if (!config.emulatorHost) return confirm(config, expectedUid, () => signInWithPopup(firebase, new GoogleAuthProvider()));
  const idToken = await emulatorGoogleIdToken(config, firebase.app.name);
  if (!idToken) return null;
  return confirm(config, expectedUid, () => signInWithCredential(firebase, GoogleAuthProvider.credential(idToken)));
}

export async function sendConfirmationCode(config: FirebaseClientConfig, container: HTMLElement): Promise<void> {
  if (!pending) throw stale();
  pending.verificationId = await sendSignInCode(staffAuth(config), pending.resolver, pending.hint, container);
}

export async function confirmWithCode(config: FirebaseClientConfig, expectedUid: string, code: string): Promise<ConfirmOutcome> {
  if (!pending?.verificationId) throw stale();
  const credential = await resolveSignIn(pending.resolver, pending.verificationId, code);
  pending = null;
  return keep(config, expectedUid, credential.user);
}

export async function sendNewPhoneCode(config: FirebaseClientConfig, phoneNumber: string, container: HTMLElement): Promise<void> {
  if (!confirmed) throw stale();
  enrollVerificationId = await sendEnrollmentCode(staffAuth(config), confirmed, phoneNumber, container);
}

/** Posts the changed user's fresh token (the cookie follows the change), then the SDK forgets the user. */
async function refreshSession(config: FirebaseClientConfig, user: User): Promise<string | null> {
  try {
    const answer = await postSession(user, true);
    return answer.ok ? null : answer.message;
  } finally {
    confirmed = null;
    await signOut(staffAuth(config));
  }
}

/** Turns two-step verification on with the texted code; an error message for the page, or null. */
export async function addPhone(config: FirebaseClientConfig, code: string): Promise<string | null> {
  if (!confirmed || !enrollVerificationId) throw stale();
  await enrollPhone(confirmed, enrollVerificationId, code);
  enrollVerificationId = null;
  return refreshSession(config, confirmed);
}

/** Turns two-step verification off (every phone). */
export async function removePhones(config: FirebaseClientConfig): Promise<string | null> {
  if (!confirmed) throw stale();
  await unenrollAll(confirmed);
  return refreshSession(config, confirmed);
}

export async function forgetConfirmation(config: FirebaseClientConfig): Promise<void> {
  confirmed = null;
  pending = null;
  enrollVerificationId = null;
  await signOut(staffAuth(config));
}
