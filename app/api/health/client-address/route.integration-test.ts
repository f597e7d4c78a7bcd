import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, PASSWORD, seedWorld } from "@/tests/helpers/dashboard-fixtures";
import { startSession } from "@/lib/server/auth/session";
import { GET } from "./route";

const APP = process.env.APP_URL!.replace(/\/$/, "");
// What Google's load balancer hands App Hosting's Cloud Run service: what the sender wrote, then "<client>, <load balancer>".
const FORWARDED = "6.6.6.6, 203.0.113.99, 34.117.22.10";

const request = (cookie?: string) =>
  new NextRequest(`${APP}/api/health/client-address`, {
    headers: { "x-forwarded-for": FORWARDED, ...(cookie ? { cookie: `__session=${cookie}` } : {}) },
  });
const sessionOf = async (email: string) => (await startSession(email, PASSWORD)).cookie;

beforeAll(async () => {
  await clearAuth();
  await seedWorld();
});

describe("GET /api/health/client-address", () => {
  it("shows an admin the raw header, the hops in effect and the address the limits count", async () => {
    const response = await GET(request(await sessionOf("admin@a.test")));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "1");
    expect(await response.json()).toEqual({
      forwardedFor: FORWARDED,
      entries: 3,
      trustedProxyHops: hops,
      derived: FORWARDED.split(", ").at(-hops),
      fewerEntriesThanHops: false,
    });
  });

  it("shows staff, doctors and the signed-out nothing of the header", async () => {
    for (const email of ["staff@a.test", "doctor@a.test"]) {
      const response = await GET(request(await sessionOf(email)));
      expect(response.status, email).toBe(403);
      expect(await response.text(), email).not.toContain("203.0.113.99");
    }
    for (const cookie of [undefined, "not-a-session"]) {
      const response = await GET(request(cookie));
      expect(response.status, String(cookie)).toBe(401);
      expect(await response.text()).not.toContain("203.0.113.99");
    }
  });
});
