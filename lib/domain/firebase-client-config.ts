// What the browser's Firebase Auth needs to know, read from the public env
// (NEXT_PUBLIC_FIREBASE_*) by the server at request time and handed to the
// sign-in page, so one build serves the emulators on any port and production.

export interface FirebaseClientConfig {
  apiKey: string;
  authDomain: string;
  projectId: string;
  /** "127.0.0.1:9099" on the local emulators; absent in production. */
  emulatorHost?: string;
}

/** The origins the sign-in page's Firebase Auth talks to, for the page's Content-Security-Policy. */
export function firebaseAuthOrigins(config: Pick<FirebaseClientConfig, "authDomain" | "emulatorHost">): { connect: string[]; frame: string[] } {
  if (config.emulatorHost) return { connect: [`http://${config.emulatorHost}`], frame: [] };
  return {
    // Identity Toolkit signs in; Secure Token refreshes the ID token.
    connect: ["https://identitytoolkit.googleapis.com", "https://securetoken.googleapis.com"],
    // Google sign-in: the SDK's hidden iframe on the auth domain relays the popup's result.
    // Two-step verification: the invisible reCAPTCHA Firebase asks for before it texts a code
    // (its script loads through 'strict-dynamic'; its frames come from these origins).
    frame: [`https://${config.authDomain}`, "https://www.google.com/recaptcha/", "https://recaptcha.google.com/recaptcha/"],
  };
}
