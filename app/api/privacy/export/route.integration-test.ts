import { Timestamp } from "firebase-admin/firestore";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, fixtureDb, PASSWORD, seedWorld } from "@/tests/helpers/dashboard-fixtures";
import { startSession } from "@/lib/server/auth/session";
import { GET as accessLogGET } from "../access-log/route";
import { POST } from "./route";

const APP = process.env.APP_URL!.replace(/\/$/, "");
const request = (path: string, cookie?: string) => new NextRequest(`${APP}${path}`, { headers: cookie ? { cookie: `__session=${cookie}` } : {} });
/** The privacy page's form post: form-encoded fields, from the app's own origin unless told otherwise. */
const exportPost = (fields: Record<string, string>, cookie?: string, origin: string | null = APP) =>
  POST(
    new NextRequest(`${APP}/api/privacy/export`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}), ...(cookie ? { cookie: `__session=${cookie}` } : {}) },
    }),
  );
const sessionOf = async (email: string) => (await startSession(email, PASSWORD)).cookie;
const at = Timestamp.fromDate(new Date("2030-01-07T12:00:00Z"));
const appointment = (clinicId: string) => ({
  clinicId,
  status: "declined",
  patient: { name: "Ada Quillfeather", email: "ada@example.com", phone: "+1 555 010 7788" },
  reason: "knee",
  start: at,
  end: at,
  timezone: "UTC",
  doctorName: "Dr. One",
  feeCents: 0,
  currency: "USD",
  tokenHash: "secret-hash",
  createdAt: at,
  updatedAt: at,
});

beforeAll(async () => {
  await clearAuth();
  await seedWorld();
  await fixtureDb().doc("appointments/a-ada").set(appointment("clinic-a"));
  await fixtureDb().doc("appointments/b-ada").set(appointment("clinic-b"));
});

describe("POST /api/privacy/export", () => {
  it("downloads the admin's clinic's records of the email as JSON or CSV, never cached, and logs it", async () => {
    const cookie = await sessionOf("admin@a.test");
    const response = await exportPost({ email: "ADA@example.com", format: "json" }, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="patient-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = await response.json();
    expect(body.appointments.map((a: { id: string }) => a.id)).toEqual(["a-ada"]);
    expect(JSON.stringify(body)).not.toContain("secret-hash");
    const csv = await exportPost({ email: "ada@example.com", format: "csv" }, cookie);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[1]).toContain("a-ada");

    const log = await accessLogGET(request("/api/privacy/access-log", cookie));
    expect(log.status).toBe(200);
    const rows = (await log.text()).trim().split("\r\n");
    expect(rows.slice(1).map((r) => r.split(",")[3])).toEqual(["export", "export"]);
    expect(rows.join("\n")).not.toContain("ada@example.com");
  });

  it("answers staff 403, the signed-out 401 and a bad query 400, with no data", async () => {
    const staff = await exportPost({ email: "ada@example.com" }, await sessionOf("staff@a.test"));
    expect(staff.status).toBe(403);
    expect(await staff.text()).not.toContain("Ada");
    expect((await exportPost({ email: "ada@example.com" })).status).toBe(401);
    const admin = await sessionOf("admin@a.test");
    expect((await exportPost({ email: "ada@example.com", format: "xml" }, admin)).status).toBe(400);
    expect((await exportPost({ email: "nope" }, admin)).status).toBe(400);
    // Another site's form, or none that says where it came from: refused before anything is read.
    expect((await exportPost({ email: "ada@example.com" }, admin, "https://evil.example")).status).toBe(403);
    expect((await exportPost({ email: "ada@example.com" }, admin, null)).status).toBe(403);
    const wrongType = new NextRequest(`${APP}/api/privacy/export`, { method: "POST", body: "email=ada@example.com", headers: { "content-type": "text/plain", origin: APP, cookie: `__session=${admin}` } });
    expect((await POST(wrongType)).status).toBe(400);
    expect((await accessLogGET(request("/api/privacy/access-log", await sessionOf("doctor@a.test")))).status).toBe(403);
    expect((await accessLogGET(request("/api/privacy/access-log?patient=nope", admin))).status).toBe(400);
    // The log's address names a patient by key only: an email there is refused, not looked up.
    expect((await accessLogGET(request("/api/privacy/access-log?patient=ada%40example.com", admin))).status).toBe(400);
  });
});
