// Two-step verification (an SMS code after the password or Google), shared by
// the browser (the sign-in and account pages, which get the Firebase client
// SDK's error codes) and the server (the clinic's rule). Pure: no Firebase
// import, so the pages stay small until the SDK itself is needed.

import { signInErrorMessage } from "./sign-in-messages";

export const SECOND_FACTOR_MESSAGES = {
  wrongCode: "That code isn't right. Check the text message and try again.",
  codeExpired: "That code has expired. Send a new one.",
  tooManyAttempts: "Too many attempts. Please wait a few minutes, then send a new code.",
  missingCode: "Enter the 6-digit code from the text message.",
  invalidPhone: "Enter your mobile number with its country code, like +1 555 010 0199.",
  phoneInUse: "That phone number is already set up for two-step verification on this account.",
  tooManyPhones: "This account already has as many phones as it can. Turn one off first.",
  unverifiedEmail: "Confirm your email address first (use the link in the verification email), then turn on two-step verification.",
  recentSignIn: "For your security, confirm it's you again.",
  sessionExpired: "This step took too long. Please sign in again.",
  smsUnavailable: "We couldn't send a text message right now. Please try again in a few minutes.",
  unavailable: "We couldn't reach the sign-in service. Please try again in a moment.",
  required:
    "Your clinic requires two-step verification. Add your mobile phone: we'll text you a code each time you sign in.",
  signInAgainWithCode: "Two-step verification is on. Sign in again and enter the code we text you.",
  otherAccount: "That's a different account. Confirm it's you with the account you're signed in with.",
} as const;

/** The code the server answers with when a clinic needs a second factor the sign-in lacked. */
export const SECOND_FACTOR_REQUIRED = "second_factor_required";

/**
 * The words for a Firebase Auth error during a second-factor step (sending
 * or checking a code, enrolling, turning it off), or null for a code that is
 * not about the second factor (the caller then uses the sign-in words).
 */
export function secondFactorErrorMessage(code: string): string | null {
  switch (code.replace(/^auth\//, "")) {
    case "invalid-verification-code":
      return SECOND_FACTOR_MESSAGES.wrongCode;
    case "code-expired":
      return SECOND_FACTOR_MESSAGES.codeExpired;
    case "too-many-requests":
      return SECOND_FACTOR_MESSAGES.tooManyAttempts;
    case "missing-verification-code":
      return SECOND_FACTOR_MESSAGES.missingCode;
    case "invalid-phone-number":
    case "missing-phone-number":
      return SECOND_FACTOR_MESSAGES.invalidPhone;
    case "second-factor-already-in-use":
      return SECOND_FACTOR_MESSAGES.phoneInUse;
    case "maximum-second-factor-count-exceeded":
      return SECOND_FACTOR_MESSAGES.tooManyPhones;
    case "unverified-email":
      return SECOND_FACTOR_MESSAGES.unverifiedEmail;
    case "requires-recent-login":
    case "user-token-expired":
      return SECOND_FACTOR_MESSAGES.recentSignIn;
    // The pending sign-in (or the code's session) is no longer valid: start over.
    case "invalid-verification-id":
    case "missing-verification-id":
    case "invalid-multi-factor-session":
    case "missing-multi-factor-session":
    case "missing-multi-factor-info":
      return SECOND_FACTOR_MESSAGES.sessionExpired;
    case "quota-exceeded":
    case "captcha-check-failed":
    case "invalid-app-credential":
    case "missing-app-credential":
    case "operation-not-allowed":
      return SECOND_FACTOR_MESSAGES.smsUnavailable;
    default:
      return null;
  }
}

/**
 * The words for any error during a second-factor step: its own words, else
 * the sign-in words (a wrong password when confirming it's you); null when
 * the person closed the Google window (the step just stays as it was).
 */
export function secondFactorStepMessage(code: string): string | null {
  return secondFactorErrorMessage(code) ?? signInErrorMessage(code);
}

/** A 6-digit SMS code, spaces and dashes allowed ("123 456"); null when it isn't one. */
export function normalizeSmsCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

export type PhoneCheck = { ok: true; phoneNumber: string } | { ok: false; message: string };

/**
 * A mobile number in international (E.164) form, as Firebase needs it:
 * "+", a country code and up to 15 digits in all. Spaces, dots, dashes and
 * brackets are dropped, and a leading "00" is read as "+". A number without
 * its country code is refused rather than guessed.
 */
export function normalizePhoneNumber(input: string): PhoneCheck {
  const compact = input.trim().replace(/[\s.\-()]/g, "").replace(/^00/, "+");
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) return { ok: false, message: SECOND_FACTOR_MESSAGES.invalidPhone };
  return { ok: true, phoneNumber: compact };
}

/**
 * A phone number as the account page shows it: only its last four digits.
 * Takes a full number or one Firebase already masked ("+*******0199").
 */
export function maskPhoneNumber(phoneNumber: string): string {
  const lastDigits = phoneNumber.replace(/\D/g, "").slice(-4);
  return lastDigits ? `•••• ${lastDigits}` : "your phone";
}

/**
 * The clinic's rule: when it requires two-step verification, a session
 * counts only if its sign-in used a second factor (Firebase puts which one in
 * the token's `firebase.sign_in_second_factor`, e.g. "phone").
 */
export function sessionMeetsSecondFactorRule(clinicRequiresSecondFactor: boolean, signInSecondFactor: unknown): boolean {
  if (!clinicRequiresSecondFactor) return true;
  return typeof signInSecondFactor === "string" && signInSecondFactor.length > 0;
}
