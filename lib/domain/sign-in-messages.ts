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

export const PASSWORD_RESET_MESSAGES = {
  sent: "If there's an account for that email, we've sent it a link to choose a new password. It can take a few minutes; check your spam folder too.",
  tooMany: "Too many reset requests for now. Please wait a while and try again.",
  invalidEmail: "Enter a valid email address, like name@example.com.",
  unavailable: "We couldn't reach the sign-in service. Please try again in a moment.",
} as const;

/**
 * What "Forgot password?" says after sendPasswordResetEmail: `code` is its
 * error code ("" when it resolved). An unknown or disabled account reads as
 * sent, so the form never tells a stranger whether an email has an account.
 */
export function passwordResetOutcome(code: string): "sent" | { message: string; field?: "email" } {
  switch (code.replace(/^auth\//, "")) {
    case "":
    case "user-not-found":
    case "user-disabled":
      return "sent";
    case "too-many-requests":
      return { message: PASSWORD_RESET_MESSAGES.tooMany };
    case "invalid-email":
    case "missing-email":
      return { message: PASSWORD_RESET_MESSAGES.invalidEmail, field: "email" };
    default:
      return { message: PASSWORD_RESET_MESSAGES.unavailable };
  }
}
