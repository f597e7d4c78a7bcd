import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, fixtureAuth, PASSWORD } from "@/tests/helpers/dashboard-fixtures";
import { passwordIdToken } from "@/tests/helpers/emulator-sign-in";
import { listEmulatorAuthMail } from "./emulator-auth-mail";

// What the client SDK's sendPasswordResetEmail and sendEmailVerification ask of
// the Auth emulator (accounts:sendOobCode), and what the dev mailbox then shows.

const sendOobCode = async (body: Record<string, string>) => {
  const url = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=${process.env.FIREBASE_API_KEY}`;
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
};

beforeAll(async () => {
  await clearAuth();
  await fixtureAuth().createUser({ uid: "forgetful", email: "forgetful@a.test", password: PASSWORD });
  await fixtureAuth().createUser({ uid: "unverified", email: "new@a.test", password: PASSWORD });
});

describe("listEmulatorAuthMail", () => {
  it("shows a password reset and an email verification with the emulator's links, to their recipients only", async () => {
    expect((await sendOobCode({ requestType: "PASSWORD_RESET", email: "forgetful@a.test" })).status).toBe(200);
    const { idToken } = await passwordIdToken("new@a.test", PASSWORD);
    expect((await sendOobCode({ requestType: "VERIFY_EMAIL", idToken })).status).toBe(200);

    const reset = await listEmulatorAuthMail({ to: "Forgetful@A.test" });
    expect(reset).toEqual([{ id: expect.any(String), to: "forgetful@a.test", subject: "Reset your password", link: expect.stringMatching(/mode=resetPassword/) }]);
    const verify = await listEmulatorAuthMail({ among: ["new@a.test", "someone@else.test"] });
    expect(verify).toEqual([{ id: expect.any(String), to: "new@a.test", subject: "Verify your email", link: expect.stringMatching(/mode=verifyEmail/) }]);
    expect(await listEmulatorAuthMail({ among: [] })).toEqual([]);
    // Unfiltered: everything the emulator holds, newest first (other test files' mail may be among it).
    const ours = (await listEmulatorAuthMail()).filter((mail) => mail.to === "new@a.test" || mail.to === "forgetful@a.test");
    expect(ours.map((mail) => mail.subject)).toEqual(["Verify your email", "Reset your password"]);
  });

  it("has nothing for an email without an account", async () => {
    await sendOobCode({ requestType: "PASSWORD_RESET", email: "nobody@a.test" });
    expect(await listEmulatorAuthMail({ to: "nobody@a.test" })).toEqual([]);
  });
});
