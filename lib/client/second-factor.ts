import {
  getMultiFactorResolver,
  multiFactor,
  PhoneAuthProvider,
  PhoneMultiFactorGenerator,
  RecaptchaVerifier,
  type Auth,
  type MultiFactorError,
  type MultiFactorResolver,
  type PhoneMultiFactorInfo,
  type User,
  type UserCredential,
} from "firebase/auth";
import { maskPhoneNumber } from "@/lib/domain/second-factor";

// SMS as a second factor with Firebase Auth's multi-factor API, shared by the
// sign-in page and the account page (both load it with the SDK, on first use).
// Firebase asks for an app check before it texts anyone: in production an
// invisible reCAPTCHA (Google's script, allowed on these pages only by their
// CSP); on the Auth emulator the SDK fakes it (connectAuthEmulator sets
// appVerificationDisabledForTesting), so nothing loads from the internet.

export const errorCode = (error: unknown) => String((error as { code?: unknown })?.code ?? "");

/** The pending sign-in when Firebase wants the second factor, or null for any other error. */
export function secondFactorResolver(auth: Auth, error: unknown): MultiFactorResolver | null {
  if (errorCode(error) !== "auth/multi-factor-auth-required") return null;
  return getMultiFactorResolver(auth, error as MultiFactorError);
}

/** The enrolled phone a pending sign-in texts: the first SMS factor. */
export function phoneHint(resolver: MultiFactorResolver): PhoneMultiFactorInfo | null {
  const hint = resolver.hints.find((factor) => factor.factorId === PhoneMultiFactorGenerator.FACTOR_ID);
  return (hint as PhoneMultiFactorInfo | undefined) ?? null;
}

/** "•••• 0199" for a hint (Firebase sends it already masked in production). */
export const maskedHint = (hint: PhoneMultiFactorInfo) => maskPhoneNumber(hint.phoneNumber);

/** Runs one SMS send behind a fresh invisible reCAPTCHA in `container`, cleared afterwards. */
async function withVerifier<T>(auth: Auth, container: HTMLElement, send: (verifier: RecaptchaVerifier) => Promise<T>): Promise<T> {
  const verifier = new RecaptchaVerifier(auth, container, { size: "invisible" });
  try {
    return await send(verifier);
  } finally {
    verifier.clear();
  }
}

/** Texts a code to the pending sign-in's phone; the verification id to check it with. */
export function sendSignInCode(auth: Auth, resolver: MultiFactorResolver, hint: PhoneMultiFactorInfo, container: HTMLElement): Promise<string> {
  return withVerifier(auth, container, (verifier) =>
    new PhoneAuthProvider(auth).verifyPhoneNumber({ multiFactorHint: hint, session: resolver.session }, verifier),
  );
}

/** Finishes the pending sign-in with the texted code. */
export function resolveSignIn(resolver: MultiFactorResolver, verificationId: string, code: string): Promise<UserCredential> {
  return resolver.resolveSignIn(PhoneMultiFactorGenerator.assertion(PhoneAuthProvider.credential(verificationId, code)));
}

/** Texts a code to a new phone for a signed-in (recently) user; the verification id. */
export async function sendEnrollmentCode(auth: Auth, user: User, phoneNumber: string, container: HTMLElement): Promise<string> {
  const session = await multiFactor(user).getSession();
  return withVerifier(auth, container, (verifier) => new PhoneAuthProvider(auth).verifyPhoneNumber({ phoneNumber, session }, verifier));
}

/** Adds the phone as the user's second factor once the code checks out. */
export function enrollPhone(user: User, verificationId: string, code: string): Promise<void> {
  return multiFactor(user).enroll(PhoneMultiFactorGenerator.assertion(PhoneAuthProvider.credential(verificationId, code)), "Mobile phone");
}

/** Removes every enrolled phone (the account page offers one phone at a time). */
export async function unenrollAll(user: User): Promise<void> {
  for (const factor of multiFactor(user).enrolledFactors) await multiFactor(user).unenroll(factor);
}
