import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { SECOND_FACTOR_MESSAGES, SECOND_FACTOR_REQUIRED } from "@/lib/domain/second-factor";
import { clearAuth, fixtureAuth, fixtureDb, PASSWORD, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { enrollPhone, passwordAndSmsIdToken, passwordIdToken } from "@/tests/helpers/emulator-sign-in";
import { resolveCaller } from "@/lib/server/auth/caller";
import { getAccountSecurity, REQUIRE_SECOND_FACTOR_MESSAGES, setSecondFactorRequirement } from "@/lib/server/auth/second-factor-settings";
import { POST } from "./route";

// A clinic that requires two-step verification: no session cookie from a
// sign-in without a second factor, and no page, action or verb for a session
// that was started without one before the clinic turned the rule on. The
// tokens are the Auth emulator's own, the second factor enrolled and used over
// its MFA REST API as the client SDK does.

const APP = process.env.APP_URL!.replace(/\/$/, "");

const signIn = (idToken: string) =>
  POST(
    new NextRequest(`${APP}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", host: new URL(APP).host, origin: APP },
      body: JSON.stringify({ idToken }),
    }),
  );

const cookieOf = (response: Response) => {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__session="));
  return header ? decodeURIComponent(header.split(";")[0]!.slice("__session=".length)) : undefined;
};

const requireSecondFactor = (clinicId: string, required: boolean) => fixtureDb().doc(`clinics/${clinicId}`).update({ requireSecondFactor: required });

let world: World;

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
  // Firebase enrols a second factor only for a verified email.
  for (const uid of ["a-admin", "a-staff", "a-doctor"]) await fixtureAuth().updateUser(uid, { emailVerified: true });
  await enrollPhone((await passwordIdToken("doctor@a.test", PASSWORD)).idToken, "+15550100199");
});

describe("POST /api/session when the clinic requires two-step verification", () => {
  it("refuses a sign-in without a second factor with 403 second_factor_required and sets no cookie", async () => {
    await requireSecondFactor("clinic-a", true);
    const response = await signIn((await passwordIdToken("staff@a.test", PASSWORD)).idToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: SECOND_FACTOR_REQUIRED, message: SECOND_FACTOR_MESSAGES.required } });
    expect(cookieOf(response)).toBeUndefined();
  });

  it("starts a session from a sign-in with the SMS code, and that session opens the dashboard", async () => {
    await requireSecondFactor("clinic-a", true);
    const { idToken } = await passwordAndSmsIdToken("doctor@a.test", PASSWORD);
    const response = await signIn(idToken);
    expect(response.status).toBe(200);
    expect(await resolveCaller(cookieOf(response))).toEqual({ caller: world.doctor });
  });

  it("leaves other clinics' members alone, and every member once the rule is off", async () => {
    await requireSecondFactor("clinic-a", true);
    expect((await signIn((await passwordIdToken("admin@b.test", PASSWORD)).idToken)).status).toBe(200);
    await requireSecondFactor("clinic-a", false);
    expect((await signIn((await passwordIdToken("staff@a.test", PASSWORD)).idToken)).status).toBe(200);
  });
});

describe("a session started without a second factor, once the clinic requires one", () => {
  it("no longer resolves to a caller: the member is sent to sign in again with a second factor", async () => {
    await requireSecondFactor("clinic-a", false);
    const plain = cookieOf(await signIn((await passwordIdToken("staff@a.test", PASSWORD)).idToken));
    const withCode = cookieOf(await signIn((await passwordAndSmsIdToken("doctor@a.test", PASSWORD)).idToken));
    expect((await resolveCaller(plain)).caller).toEqual(world.staff);
    await requireSecondFactor("clinic-a", true);
    expect(await resolveCaller(plain)).toEqual({ caller: null, reason: "second-factor" });
    expect(await resolveCaller(withCode)).toEqual({ caller: world.doctor });
  });
});

describe("setSecondFactorRequirement", () => {
  it("lets an admin turn it on only from a session that used a second factor, so they cannot lock themselves out", async () => {
    await requireSecondFactor("clinic-a", false);
    await expect(setSecondFactorRequirement(world.admin, true, undefined)).rejects.toMatchObject({
      code: "conflict",
      message: REQUIRE_SECOND_FACTOR_MESSAGES.turnOnYoursFirst,
    });
    expect((await fixtureDb().doc("clinics/clinic-a").get()).get("requireSecondFactor")).toBe(false);
    expect(await setSecondFactorRequirement(world.admin, true, "phone")).toBe(REQUIRE_SECOND_FACTOR_MESSAGES.on);
    expect((await fixtureDb().doc("clinics/clinic-a").get()).get("requireSecondFactor")).toBe(true);
    // Turning it off needs no second factor: it only loosens.
    await setSecondFactorRequirement(world.admin, false, undefined);
    expect((await fixtureDb().doc("clinics/clinic-a").get()).get("requireSecondFactor")).toBe(false);
  });

  it("is for admins only, and only ever writes the caller's own clinic", async () => {
    for (const caller of [world.staff, world.doctor, null]) {
      await expect(setSecondFactorRequirement(caller, true, "phone")).rejects.toMatchObject({ code: caller ? "forbidden" : "unauthenticated" });
    }
    await setSecondFactorRequirement(world.otherAdmin, true, "phone");
    expect((await fixtureDb().doc("clinics/clinic-a").get()).get("requireSecondFactor")).not.toBe(true);
    await setSecondFactorRequirement(world.otherAdmin, false, undefined);
  });
});

describe("getAccountSecurity", () => {
  it("shows a member's enrolled phone by its last four digits only", async () => {
    const security = await getAccountSecurity(world.doctor);
    expect(security.phones).toEqual([{ id: expect.any(String), masked: "•••• 0199", enrolledAt: expect.any(String) }]);
    expect(JSON.stringify(security)).not.toContain("5550100");
    expect(security.providers).toEqual(["password"]);
    expect((await getAccountSecurity(world.staff)).phones).toEqual([]);
  });
});
