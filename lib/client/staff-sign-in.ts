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
  type UserCredential,
} from "firebase/auth";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { emulatorGoogleIdToken } from "./emulator-google";

// Staff sign-in in the browser with the Firebase client SDK, loaded only by
// the sign-in pages (import()ed on first use). The SDK keeps its user in
// memory only (inMemoryPersistence): the page posts the ID token to
// /api/session, which sets the httpOnly session cookie, and signs the SDK out
// at once, so no token stays in the page or its storage.

const APP_NAME = "staff-sign-in";

let cached: Auth | undefined;

function auth(config: FirebaseClientConfig): Auth {
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
  | { ok: false; message: string; redirectTo?: string; fields?: Record<string, string> };

/** Posts the fresh ID token to /api/session, then signs the SDK out whatever the answer. */
async function startSession(firebase: Auth, credential: UserCredential): Promise<SessionOutcome> {
  try {
    const idToken = await credential.user.getIdToken();
    const response = await fetch("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ idToken }),
    });
    const body = (await response.json().catch(() => null)) as
      | { ok: true; redirectTo: string }
      | { error: { message: string; redirectTo?: string; fields?: Record<string, string> } }
      | null;
    if (response.ok && body && "ok" in body) return { ok: true, redirectTo: body.redirectTo };
    const error = body && "error" in body ? body.error : null;
    return { ok: false, message: error?.message ?? "Something went wrong on our side. Please try again.", redirectTo: error?.redirectTo };
  } finally {
    await signOut(firebase);
  }
}

export async function signInWithPassword(config: FirebaseClientConfig, email: string, password: string): Promise<SessionOutcome> {
  const firebase = auth(config);
  return startSession(firebase, await signInWithEmailAndPassword(firebase, email, password));
}

/** Google sign-in; null when the person closed the window without choosing an account. */
export async function signInWithGoogle(config: FirebaseClientConfig): Promise<SessionOutcome | null> {
  const firebase = auth(config);
  if (!config.emulatorHost) return startSession(firebase, await signInWithPopup(firebase, new GoogleAuthProvider()));
  const idToken = await emulatorGoogleIdToken(config, APP_NAME);
  if (!idToken) return null;
  return startSession(firebase, await signInWithCredential(firebase, GoogleAuthProvider.credential(idToken)));
}

/** Firebase emails the reset link (its template); offline the emulator keeps it, and /dev/mailbox shows it. */
export async function sendPasswordReset(config: FirebaseClientConfig, email: string): Promise<void> {
  await sendPasswordResetEmail(auth(config), email);
}
