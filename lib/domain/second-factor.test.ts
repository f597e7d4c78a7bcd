import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  maskPhoneNumber,
  normalizePhoneNumber,
  normalizeSmsCode,
  SECOND_FACTOR_MESSAGES,
  secondFactorErrorMessage,
  secondFactorStepMessage,
  sessionMeetsSecondFactorRule,
} from "./second-factor";

describe("secondFactorErrorMessage", () => {
  it("tells a wrong code, an expired code and too many attempts apart", () => {
    expect(secondFactorErrorMessage("auth/invalid-verification-code")).toBe(SECOND_FACTOR_MESSAGES.wrongCode);
    expect(secondFactorErrorMessage("auth/code-expired")).toBe(SECOND_FACTOR_MESSAGES.codeExpired);
    expect(secondFactorErrorMessage("auth/too-many-requests")).toBe(SECOND_FACTOR_MESSAGES.tooManyAttempts);
    expect(new Set([SECOND_FACTOR_MESSAGES.wrongCode, SECOND_FACTOR_MESSAGES.codeExpired, SECOND_FACTOR_MESSAGES.tooManyAttempts]).size).toBe(3);
  });

  it("asks to confirm it's you again when Firebase wants a recent sign-in, and to start over when the pending sign-in lapsed", () => {
    expect(secondFactorErrorMessage("auth/requires-recent-login")).toBe(SECOND_FACTOR_MESSAGES.recentSignIn);
    expect(secondFactorErrorMessage("auth/invalid-multi-factor-session")).toBe(SECOND_FACTOR_MESSAGES.sessionExpired);
    expect(secondFactorErrorMessage("auth/invalid-verification-id")).toBe(SECOND_FACTOR_MESSAGES.sessionExpired);
  });

  it("leaves codes that are not about the second factor to the sign-in words", () => {
    expect(secondFactorErrorMessage("auth/invalid-credential")).toBeNull();
    expect(secondFactorErrorMessage("auth/network-request-failed")).toBeNull();
    expect(secondFactorErrorMessage("")).toBeNull();
  });
});

describe("secondFactorStepMessage", () => {
  it("uses the second-factor words first, then the sign-in words; nothing when the Google window was closed", () => {
    expect(secondFactorStepMessage("auth/invalid-verification-code")).toBe(SECOND_FACTOR_MESSAGES.wrongCode);
    expect(secondFactorStepMessage("auth/too-many-requests")).toBe(SECOND_FACTOR_MESSAGES.tooManyAttempts);
    expect(secondFactorStepMessage("auth/invalid-credential")).toBe("Wrong email or password.");
    expect(secondFactorStepMessage("auth/network-request-failed")).toBe(SECOND_FACTOR_MESSAGES.unavailable);
    expect(secondFactorStepMessage("auth/popup-closed-by-user")).toBeNull();
  });
});

describe("normalizeSmsCode", () => {
  it("accepts exactly six digits, with spaces or dashes between", () => {
    expect(normalizeSmsCode("123456")).toBe("123456");
    expect(normalizeSmsCode(" 123 456 ")).toBe("123456");
    expect(normalizeSmsCode("123-456")).toBe("123456");
    for (const bad of ["", "12345", "1234567", "12345a", "１２３４５６"]) expect(normalizeSmsCode(bad), bad).toBeNull();
  });
});

describe("normalizePhoneNumber", () => {
  it("keeps an international number's digits, reading 00 as +", () => {
    expect(normalizePhoneNumber("+1 (555) 010-0199")).toEqual({ ok: true, phoneNumber: "+15550100199" });
    expect(normalizePhoneNumber("0044 20 7946 0018")).toEqual({ ok: true, phoneNumber: "+442079460018" });
    expect(normalizePhoneNumber("+49.30.901820")).toEqual({ ok: true, phoneNumber: "+4930901820" });
  });

  it("refuses a number without its country code, letters, or more than 15 digits, with one message", () => {
    for (const bad of ["555 010 0199", "+0 555 010 0199", "+1 555 CALL NOW", "+1234567890123456", "+1234", ""]) {
      expect(normalizePhoneNumber(bad), bad).toEqual({ ok: false, message: SECOND_FACTOR_MESSAGES.invalidPhone });
    }
  });

  it("gives E.164 for any formatting of a valid number, and the same number twice", () => {
    const number = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 14 }));
    const separators = fc.array(fc.constantFrom(" ", "-", ".", "(", ")", ""), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(number, separators, fc.boolean(), ([first, rest], seps, doubleZero) => {
        const digits = [first, ...rest].map(String);
        const typed = (doubleZero ? "00" : "+") + digits.map((d, i) => d + seps[i]).join("");
        const result = normalizePhoneNumber(typed);
        expect(result).toEqual({ ok: true, phoneNumber: `+${digits.join("")}` });
        if (result.ok) expect(normalizePhoneNumber(result.phoneNumber)).toEqual(result);
      }),
    );
  });
});

describe("maskPhoneNumber", () => {
  it("shows only the last four digits, of a full number or one Firebase masked", () => {
    expect(maskPhoneNumber("+15550100199")).toBe("•••• 0199");
    expect(maskPhoneNumber("+*******0199")).toBe("•••• 0199");
  });

  it("never shows more than four of the number's digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{7,14}$/), (phone) => {
        expect(maskPhoneNumber(phone).replace(/\D/g, "")).toBe(phone.slice(-4));
      }),
    );
  });
});

describe("sessionMeetsSecondFactorRule", () => {
  it("when the clinic requires it, counts only a sign-in that used a second factor", () => {
    expect(sessionMeetsSecondFactorRule(true, "phone")).toBe(true);
    for (const missing of [undefined, null, "", 1]) expect(sessionMeetsSecondFactorRule(true, missing), String(missing)).toBe(false);
  });

  it("when it does not, counts every sign-in", () => {
    expect(sessionMeetsSecondFactorRule(false, undefined)).toBe(true);
    expect(sessionMeetsSecondFactorRule(false, "phone")).toBe(true);
  });
});
