import { describe, expect, it, vi } from "vitest";
import { signInError, SIGN_IN_MESSAGES } from "./identity-toolkit";

describe("signInError", () => {
  it("gives every wrong-credentials code the same message, so emails can't be probed", () => {
    for (const raw of ["EMAIL_NOT_FOUND", "INVALID_PASSWORD", "INVALID_LOGIN_CREDENTIALS", "INVALID_EMAIL"]) {
      expect(signInError(raw)).toMatchObject({ code: "unauthenticated", message: SIGN_IN_MESSAGES.wrongCredentials });
    }
  });

  it("reads codes with details after a colon", () => {
    expect(signInError("TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled")).toMatchObject({
      code: "rate_limited",
      message: SIGN_IN_MESSAGES.tooManyAttempts,
    });
    expect(signInError("USER_DISABLED")).toMatchObject({ code: "forbidden", message: SIGN_IN_MESSAGES.disabled });
  });

  it("turns configuration problems into a retry message and logs the code only", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(signInError("API_KEY_INVALID")).toMatchObject({ code: "unavailable", message: SIGN_IN_MESSAGES.unavailable });
    expect(log).toHaveBeenCalledWith("Identity Toolkit sign-in failed: API_KEY_INVALID");
    log.mockRestore();
  });
});
