import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, fixtureAuth, fixtureDb, PASSWORD } from "@/tests/helpers/dashboard-fixtures";
import { serverEnv } from "@/lib/server/env";
import { signInWithPassword } from "./identity-toolkit";
import { emulatorResetLink, passwordResetOutcome, requestPasswordReset } from "./password-reset";

// Against the Auth emulator: what Firebase does on a real project (mint a
// reset code for an existing account, nothing for an unknown one), minus the
// email, which the emulator keeps at its oobCodes endpoint.

const mailTo = async (email: string) => (await fixtureDb().collection("mail").where("to", "==", email).get()).docs.map((d) => d.data());

beforeAll(async () => {
  await clearAuth();
  await fixtureAuth().createUser({ uid: "reset-me", email: "forgetful@a.test", password: PASSWORD });
});

describe("requestPasswordReset", () => {
  it("has the emulator mint a reset link for an existing account, and puts it in the dev mailbox", async () => {
    await requestPasswordReset("forgetful@a.test");
    const link = await emulatorResetLink("forgetful@a.test");
    expect(link).toMatch(/mode=resetPassword/);
    const mails = await mailTo("forgetful@a.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "password-reset", message: { subject: "Reset your password" } });
    expect((mails[0]!.message as { text: string }).text).toContain(link!);

    // The link's code really resets the password.
    const oobCode = new URL(link!).searchParams.get("oobCode");
    const { FIREBASE_AUTH_EMULATOR_HOST, FIREBASE_API_KEY } = serverEnv();
    const reset = await fetch(
      `http://${FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:resetPassword?key=${FIREBASE_API_KEY}`,
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ oobCode, newPassword: "a-new-password" }) },
    );
    expect(reset.status).toBe(200);
    await expect(signInWithPassword("forgetful@a.test", "a-new-password")).resolves.toMatchObject({ uid: "reset-me" });
  });

  it("answers an unknown email exactly as a known one, and sends nothing", async () => {
    await expect(requestPasswordReset("nobody@a.test")).resolves.toBeUndefined();
    expect(await emulatorResetLink("nobody@a.test")).toBeNull();
    expect(await mailTo("nobody@a.test")).toEqual([]);
  });
});

describe("passwordResetOutcome", () => {
  it("never tells a stranger that an account is missing", () => {
    expect(passwordResetOutcome("EMAIL_NOT_FOUND")).toBe("sent");
    expect(passwordResetOutcome("USER_DISABLED")).toBe("sent");
    expect(passwordResetOutcome("RESET_PASSWORD_EXCEED_LIMIT")).toMatchObject({ code: "rate_limited" });
    expect(passwordResetOutcome("CONFIGURATION_NOT_FOUND")).toMatchObject({ code: "unavailable" });
  });
});
