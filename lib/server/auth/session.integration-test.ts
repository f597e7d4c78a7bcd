import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, fixtureAuth, fixtureDb, PASSWORD, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { callerForUid, resolveCaller } from "./caller";
import { SIGN_IN_MESSAGES } from "./identity-toolkit";
import { endSession, startSession, verifySession } from "./session";

let world: World;

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("startSession", () => {
  it("turns a correct password into a session cookie for that user", async () => {
    const session = await startSession("admin@a.test", PASSWORD);
    expect(session.uid).toBe("a-admin");
    expect(await verifySession(session.cookie)).toEqual({ ok: true, uid: "a-admin", email: "admin@a.test" });
  });

  it("says 'Wrong email or password.' for a wrong password and for an unknown email alike", async () => {
    for (const [email, password] of [["admin@a.test", "not-the-password"], ["nobody@a.test", PASSWORD]]) {
      await expect(startSession(email!, password!)).rejects.toMatchObject({
        code: "unauthenticated",
        message: SIGN_IN_MESSAGES.wrongCredentials,
      });
    }
  });

  it("refuses a disabled account with its own message", async () => {
    await fixtureAuth().createUser({ uid: "disabled", email: "off@a.test", password: PASSWORD, disabled: true });
    await expect(startSession("off@a.test", PASSWORD)).rejects.toMatchObject({
      code: "forbidden",
      message: SIGN_IN_MESSAGES.disabled,
    });
  });
});

describe("verifySession", () => {
  it("reports a missing or garbage cookie", async () => {
    expect(await verifySession(undefined)).toEqual({ ok: false, problem: "missing" });
    expect(await verifySession("not-a-jwt")).toEqual({ ok: false, problem: "invalid" });
  });

  it("reports a session whose user was disabled after sign-in", async () => {
    await fixtureAuth().createUser({ uid: "later-off", email: "later@a.test", password: PASSWORD });
    const { cookie } = await startSession("later@a.test", PASSWORD);
    await fixtureAuth().updateUser("later-off", { disabled: true });
    expect(await verifySession(cookie)).toEqual({ ok: false, problem: "disabled" });
  });
});

describe("endSession", () => {
  it("revokes the session, and every other session of that user", async () => {
    const first = await startSession("staff@a.test", PASSWORD);
    const second = await startSession("staff@a.test", PASSWORD);
    // Revocation works at one-second resolution (auth_time vs validSince).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await endSession(first.cookie);
    expect(await verifySession(first.cookie)).toEqual({ ok: false, problem: "revoked" });
    expect(await verifySession(second.cookie)).toEqual({ ok: false, problem: "revoked" });
    // A later sign-in works again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const third = await startSession("staff@a.test", PASSWORD);
    expect((await verifySession(third.cookie)).ok).toBe(true);
  });

  it("does nothing for a missing or invalid cookie", async () => {
    await expect(endSession(undefined)).resolves.toBeUndefined();
    await expect(endSession("garbage")).resolves.toBeUndefined();
  });
});

describe("resolveCaller", () => {
  it("builds the caller from the member and clinic documents", async () => {
    const { cookie } = await startSession("doctor@a.test", PASSWORD);
    expect(await resolveCaller(cookie)).toEqual({ caller: world.doctor });
    // The fixtures' hand-built callers match what the resolver builds.
    for (const caller of Object.values(world)) {
      expect(await callerForUid(caller.uid, caller.email)).toEqual(caller);
    }
  });

  it("has no caller for a valid account that belongs to no clinic", async () => {
    await fixtureAuth().createUser({ uid: "loner", email: "loner@a.test", password: PASSWORD });
    const { cookie } = await startSession("loner@a.test", PASSWORD);
    expect(await resolveCaller(cookie)).toEqual({ caller: null, reason: "no-clinic" });
  });

  it("drops a member removed from the clinic on the next request", async () => {
    await fixtureAuth().createUser({ uid: "gone", email: "gone@a.test", password: PASSWORD });
    await fixtureDb().doc("members/gone").set({ clinicId: "clinic-a", role: "staff", email: "gone@a.test", name: "Gone" });
    const { cookie } = await startSession("gone@a.test", PASSWORD);
    expect((await resolveCaller(cookie)).caller?.role).toBe("staff");
    await fixtureDb().doc("members/gone").delete();
    expect(await resolveCaller(cookie)).toEqual({ caller: null, reason: "no-clinic" });
  });

  it("ignores a member document with a role it does not know", async () => {
    await fixtureAuth().createUser({ uid: "odd", email: "odd@a.test", password: PASSWORD });
    await fixtureDb().doc("members/odd").set({ clinicId: "clinic-a", role: "owner", email: "odd@a.test", name: "Odd" });
    const { cookie } = await startSession("odd@a.test", PASSWORD);
    expect(await resolveCaller(cookie)).toEqual({ caller: null, reason: "no-clinic" });
  });
});
