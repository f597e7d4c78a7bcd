import { describe, expect, it } from "vitest";
import { passwordResetOutcome, SIGN_IN_MESSAGES, signInErrorMessage } from "./sign-in-messages";

describe("signInErrorMessage", () => {
  it("gives every wrong-credentials code the same words, so emails can't be probed", () => {
    for (const code of ["auth/invalid-credential", "auth/wrong-password", "auth/user-not-found", "auth/invalid-email", "auth/invalid-login-credentials"]) {
      expect(signInErrorMessage(code), code).toBe(SIGN_IN_MESSAGES.wrongCredentials);
    }
  });

  it("words a disabled account, Firebase's rate limit and a blocked popup; says nothing when the person closed the Google window", () => {
    expect(signInErrorMessage("auth/user-disabled")).toBe(SIGN_IN_MESSAGES.disabled);
    expect(signInErrorMessage("auth/too-many-requests")).toBe(SIGN_IN_MESSAGES.tooManyAttempts);
    expect(signInErrorMessage("auth/popup-blocked")).toBe(SIGN_IN_MESSAGES.popupBlocked);
    expect(signInErrorMessage("auth/popup-closed-by-user")).toBeNull();
  });

  it("turns anything else (network, configuration) into a retry message", () => {
    expect(signInErrorMessage("auth/network-request-failed")).toBe(SIGN_IN_MESSAGES.unavailable);
    expect(signInErrorMessage("auth/invalid-api-key")).toBe(SIGN_IN_MESSAGES.unavailable);
    expect(signInErrorMessage("")).toBe(SIGN_IN_MESSAGES.unavailable);
  });
});

describe("passwordResetOutcome", () => {
  it("never tells a stranger that an account is missing or disabled", () => {
    expect(passwordResetOutcome("")).toBe("sent");
    expect(passwordResetOutcome("auth/user-not-found")).toBe("sent");
    expect(passwordResetOutcome("auth/user-disabled")).toBe("sent");
  });

  it("reports a rate limit, a malformed email (on its field) and an outage", () => {
    expect(passwordResetOutcome("auth/too-many-requests")).toEqual({ message: expect.stringMatching(/^Too many reset requests/) });
    expect(passwordResetOutcome("auth/invalid-email")).toMatchObject({ field: "email" });
    expect(passwordResetOutcome("auth/network-request-failed")).toEqual({ message: expect.stringMatching(/couldn't reach/) });
  });
});
