import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, PASSWORD, seedWorld } from "@/tests/helpers/dashboard-fixtures";
import { verifySession } from "@/lib/server/auth/session";
import { signInThrottled } from "@/lib/server/auth/sign-in-throttle";
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

beforeAll(async () => {
  await clearAuth();
  await seedWorld();
});

describe("POST /api/session", () => {
  it("signs in from our own origin and sets an httpOnly, Secure, SameSite=Lax __session cookie", async () => {
    const response = await POST(request("POST", { email: "admin@a.test", password: PASSWORD }, { origin: APP }));
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
    for (const origin of [undefined, "https://evil.example", "null"]) {
      const headers: Record<string, string> = origin ? { origin } : {};
      const response = await POST(request("POST", { email: "admin@a.test", password: PASSWORD }, headers));
      expect(response.status, String(origin)).toBe(403);
      expect((await response.json()).error.message).toMatch(/didn't come from this app/);
      expect(sessionCookie(response)).toBeUndefined();
    }
  });

  it("accepts the request's own host as origin (e.g. 127.0.0.1 vs localhost)", async () => {
    const response = await POST(
      request("POST", { email: "admin@a.test", password: PASSWORD }, { origin: "http://127.0.0.1:3999", host: "127.0.0.1:3999" }),
    );
    expect(response.status).toBe(200);
  });

  it("answers a wrong password with 401 and the form's message, never a stack trace", async () => {
    const response = await POST(request("POST", { email: "admin@a.test", password: "nope-nope" }, { origin: APP }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Wrong email or password." } });
    expect(sessionCookie(response)).toBeUndefined();
  });

  it("explains malformed input per field", async () => {
    const response = await POST(request("POST", { email: "not-an-email" }, { origin: APP }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({
      email: "Enter a valid email address, like name@example.com.",
      password: "Enter your password.",
    });
  });
});

describe("sign-in throttle", () => {
  const attempt = (email: string, password: string, ip: string) =>
    POST(request("POST", { email, password }, { origin: APP, "x-forwarded-for": ip }));

  it("answers 429 after 10 failed sign-ins for one email in 15 minutes, even with the right password", async () => {
    for (let i = 1; i <= 10; i++) {
      // A different address each time: the email's own count trips.
      expect((await attempt("doctor@a.test", "wrong-password", `198.51.100.${i}`)).status).toBe(401);
    }
    const blocked = await attempt("doctor@a.test", PASSWORD, "198.51.100.99");
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({
      error: { code: "rate_limited", message: expect.stringMatching(/^Too many failed sign-in attempts\..*try again in 15 minutes\.$/) },
    });
    expect(sessionCookie(blocked)).toBeUndefined();
    // Other accounts are not affected.
    expect((await attempt("staff@a.test", PASSWORD, "198.51.100.99")).status).toBe(200);
  });

  it("answers 429 after 10 failures from one client address, whatever the emails; the right-most X-Forwarded-For entry is the client", async () => {
    for (let i = 1; i <= 10; i++) {
      const spoofed = `10.0.0.${i}, 203.0.113.7`; // the left part is whatever the client sent
      expect((await attempt(`nobody${i}@a.test`, "wrong-password", spoofed)).status).toBe(401);
    }
    expect((await attempt("admin@a.test", PASSWORD, "203.0.113.7")).status).toBe(429);
    expect((await attempt("admin@a.test", PASSWORD, "10.0.0.1, 203.0.113.8")).status).toBe(200);
  });

  it("a success resets the email's count", async () => {
    const base = new Date("2031-01-01T00:00:00Z");
    const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
    for (let i = 0; i < 9; i++) {
      await expect(signInThrottled("admin@a.test", "wrong-password", `192.0.2.${i}`, at(0))).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await signInThrottled("admin@a.test", PASSWORD, "192.0.2.100", at(1));
    for (let i = 0; i < 10; i++) {
      await expect(signInThrottled("admin@a.test", "wrong-password", `192.0.2.${i + 20}`, at(2))).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await expect(signInThrottled("admin@a.test", PASSWORD, "192.0.2.100", at(3))).rejects.toMatchObject({ code: "rate_limited" });
    // 15 minutes after those failures, the account can sign in again.
    await expect(signInThrottled("admin@a.test", PASSWORD, "192.0.2.100", at(17))).resolves.toMatchObject({ uid: "a-admin" });
  });
});

describe("DELETE /api/session", () => {
  it("revokes the session and clears the cookie", async () => {
    const signIn = await POST(request("POST", { email: "staff@a.test", password: PASSWORD }, { origin: APP }));
    const value = decodeURIComponent(sessionCookie(signIn)!.split(";")[0]!.slice("__session=".length));
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
