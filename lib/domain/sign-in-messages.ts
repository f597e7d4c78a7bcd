// The sign-in page's words, shared by the browser (the Firebase client SDK's
// error codes) and the server (/api/session). Pure: no Firebase import, so
// the /login bundle stays small until the SDK itself is needed.

export const SIGN_IN_MESSAGES = {
  wrongCredentials: "Wrong email or password.",
  disabled: "This account is disabled. Ask your clinic's admin.",
  tooManyAttempts: "Too many sign-in attempts. Please wait a few minutes and try again, or reset your password.",
  unavailable: "We couldn't reach the sign-in service. Please try again in a moment.",
  popupBlocked: "Your browser blocked the Google sign-in window. Allow pop-ups for this site and try again.",
  signInAgain: "Your sign-in didn't go through. Please sign in again.",
  notMember: "This account isn't a member of any clinic. Ask your clinic's admin for an invite, or set up a new clinic.",
  googleNotMember: "This Google account isn't a member of any clinic.",
} as const;

/**
 * The words for a Firebase Auth error code (`auth/…`), or null when the user
 * simply gave up (closed the Google window). Codes that mean "these
 * credentials are wrong" share one message, so the form never tells a
 * stranger which emails have accounts.
 */
export function signInErrorMessage(code: string): string | null {
  switch (code.replace(/^auth\//, "")) {
    case "invalid-credential":
    case "invalid-login-credentials":
    case "wrong-password":
    case "user-not-found":
    case "invalid-email":
    case "missing-password":
      return SIGN_IN_MESSAGES.wrongCredentials;
    case "user-disabled":
      return SIGN_IN_MESSAGES.disabled;
    case "too-many-requests":
      return SIGN_IN_MESSAGES.tooManyAttempts;
    case "popup-blocked":
      return SIGN_IN_MESSAGES.popupBlocked;
    case "popup-closed-by-user":
    case "cancelled-popup-request":
    case "user-cancelled":
      return null;
    default:
      // network-request-failed, a misconfigured project or API key: ours to fix, not the user's.
      return SIGN_IN_MESSAGES.unavailable;
  }
}
