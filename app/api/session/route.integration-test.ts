import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { inviteSchema } from "@/lib/domain/clinic-settings";
import { SIGN_IN_MESSAGES } from "@/lib/domain/sign-in-messages";
import { clearAuth, countDocs, fixtureAuth, PASSWORD, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { googleIdToken, passwordIdToken, withClaims } from "@/tests/helpers/emulator-sign-in";
import { sessionFromClientSignIn } from "@/lib/server/auth/id-token-session";
import { verifySession } from "@/lib/server/auth/session";
import { createInvite } from "@/lib/server/team/invites";
import { DELETE, POST } from "./route";

const APP = process.env.APP_URL!.replace(/\/$/, "");

function request(method: "POST" | "DELETE", body: unknown, headers: Record<string, string> = {}) {
  return new NextRequest(`${APP}/api/session`, {
    method,
    headers: { "content-type": "application/json", host: new URL(APP).host, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const sessionCookie = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith("__session="));

const signIn = (idToken: unknown, headers: Record<string, string> = { origin: APP }) => POST(request("POST", { idToken }, headers));

let world: World;

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("POST /api/session", () => {
  it("turns a member's fresh ID token into an httpOnly, Secure, SameSite=Lax __session cookie", async () => {
    const { idToken } = await passwordIdToken("admin@a.test", PASSWORD);
    const response = await signIn(idToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, redirectTo: "/dashboard" });
    const cookie = sessionCookie(response)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=604800/);
    const value = decodeURIComponent(cookie.split(";")[0]!.slice("__session=".length));
    expect(await verifySession(value)).toMatchObject({ ok: true, uid: "a-admin" });
  });

  it("refuses a missing or foreign Origin with 403 and sets no cookie", async () => {
    const { idToken } = await passwordIdToken("admin@a.test", PASSWORD);
    for (const origin of [undefined, "https://evil.example", "null"]) {
      const response = await signIn(idToken, origin ? { origin } : {});
      expect(response.status, String(origin)).toBe(403);
      expect((await response.json()).error.message).toMatch(/didn't come from this app/);
      expect(sessionCookie(response)).toBeUndefined();
    }
  });

  it("accepts the request's own host as origin (e.g. 127.0.0.1 vs localhost)", async () => {
    const { idToken } = await passwordIdToken("admin@a.test", PASSWORD);
    const response = await signIn(idToken, { origin: "http://127.0.0.1:3999", host: "127.0.0.1:3999" });
    expect(response.status).toBe(200);
  });

  it("never takes a password: a body without an ID token is a 400", async () => {
    for (const body of [{ email: "admin@a.test", password: PASSWORD }, { idToken: "" }, { idToken: 42 }]) {
      const response = await POST(request("POST", body, { origin: APP }));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(sessionCookie(response)).toBeUndefined();
    }
  });

  it("refuses a garbage, expired or forged-project token with 401 and asks to sign in again", async () => {
    const { idToken } = await passwordIdToken("staff@a.test", PASSWORD);
    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const token of [
      "not-a-token",
      withClaims(idToken, { exp: nowSeconds - 60, iat: nowSeconds - 3660 }),
      withClaims(idToken, { aud: "another-project", iss: "https://securetoken.google.com/another-project" }),
    ]) {
      const response = await signIn(token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: SIGN_IN_MESSAGES.signInAgain } });
      expect(sessionCookie(response)).toBeUndefined();
    }
  });

  it("refuses a token whose sign-in is more than five minutes old, or claims to be from the future", async () => {
    const { idToken } = await passwordIdToken("staff@a.test", PASSWORD);
    // The token itself is valid for an hour; six minutes after signing in it no longer starts a session.
    await expect(sessionFromClientSignIn(idToken, new Date(Date.now() + 6 * 60_000))).rejects.toMatchObject({
      code: "unauthenticated",
      message: SIGN_IN_MESSAGES.signInAgain,
    });
    await expect(sessionFromClientSignIn(idToken, new Date(Date.now() + 4 * 60_000))).resolves.toMatchObject({ uid: "a-staff" });
    const future = await signIn(withClaims(idToken, { auth_time: Math.floor(Date.now() / 1000) + 10 * 60 }));
    expect(future.status).toBe(401);
    expect(sessionCookie(future)).toBeUndefined();
  });

  it("refuses a disabled account with its own message", async () => {
    await fixtureAuth().createUser({ uid: "a-off", email: "off@a.test", password: PASSWORD });
    const { idToken } = await passwordIdToken("off@a.test", PASSWORD);
    await fixtureAuth().updateUser("a-off", { disabled: true });
    const response = await signIn(idToken);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe(SIGN_IN_MESSAGES.disabled);
  });

  it("refuses an account in no clinic with a clear 403 and the page that says so, and writes nothing", async () => {
    await fixtureAuth().createUser({ uid: "loner", email: "loner@a.test", password: PASSWORD });
    const { idToken } = await passwordIdToken("loner@a.test", PASSWORD);
    const members = await countDocs("members");
    const response = await signIn(idToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: "not_member", message: SIGN_IN_MESSAGES.notMember, redirectTo: "/login/not-a-member" },
    });
    expect(sessionCookie(response)).toBeUndefined();
    expect(await countDocs("members")).toBe(members);
  });

  it("refuses a Google account in no clinic with the Google wording", async () => {
    const { idToken, localId } = await googleIdToken({ sub: "google-stranger", email: "stranger@gmail.test", name: "Stray" });
    const response = await signIn(idToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: "not_member", message: "This Google account isn't a member of any clinic.", redirectTo: "/login/not-a-member?via=google" },
    });
    expect(await readDoc(`members/${localId}`)).toBeUndefined();
  });

  it("a Google account whose verified email has a pending invite joins that clinic and is signed in", async () => {
    const invite = await createInvite(world.admin, inviteSchema.parse({ email: "Gina@Gmail.test", role: "staff" }));
    const { idToken, localId } = await googleIdToken({ sub: "google-gina", email: "gina@gmail.test", name: "Gina Google" });
    const response = await signIn(idToken);
    expect(response.status).toBe(200);
    expect(await readDoc(`members/${localId}`)).toMatchObject({ clinicId: "clinic-a", role: "staff", email: "gina@gmail.test", name: "Gina Google" });
    expect(await readDoc(`invites/${invite.id}`)).toMatchObject({ usedBy: localId });
  });

  it("an unverified email does not accept an invite made out to it", async () => {
    await createInvite(world.admin, inviteSchema.parse({ email: "claimed@a.test", role: "staff" }));
    // Anyone can create a password account for any address with the public API key.
    await fixtureAuth().createUser({ uid: "claimer", email: "claimed@a.test", password: PASSWORD, emailVerified: false });
    const { idToken } = await passwordIdToken("claimed@a.test", PASSWORD);
    expect((await signIn(idToken)).status).toBe(403);
    expect(await readDoc("members/claimer")).toBeUndefined();
  });
});

describe("DELETE /api/session", () => {
  it("revokes the session and clears the cookie", async () => {
    const signedIn = await signIn((await passwordIdToken("staff@a.test", PASSWORD)).idToken);
    const value = decodeURIComponent(sessionCookie(signedIn)!.split(";")[0]!.slice("__session=".length));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // revocation has one-second resolution
    const response = await DELETE(request("DELETE", undefined, { origin: APP, cookie: `__session=${value}` }));
    expect(response.status).toBe(200);
    expect(sessionCookie(response)).toMatch(/Max-Age=0/);
    expect(await verifySession(value)).toEqual({ ok: false, problem: "revoked" });
  });

  it("refuses a foreign Origin", async () => {
    const response = await DELETE(request("DELETE", undefined, { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
  });
});
