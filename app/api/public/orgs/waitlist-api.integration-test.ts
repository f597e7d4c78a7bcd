import { beforeAll, describe, expect, it } from "vitest";
import { WAITLIST_MESSAGES } from "@/lib/domain/waitlist";
import { seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { joinWaitlistAction, leaveWaitlistAction } from "@/components/booking/waitlist-actions";
import { POST as postJoin } from "./[slug]/doctors/[doctorId]/waitlist/route";

// POST /api/public/orgs/{slug}/doctors/{doctorId}/waitlist, as Next.js calls it, and the booking page's form action.
const base = "http://localhost:3000/api/public/orgs";
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const doctor = { slug: "wait-clinic", doctorId: "dr-test" };
const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }, params = doctor) =>
  postJoin(new Request(`${base}/${params.slug}/doctors/${params.doctorId}/waitlist`, { method: "POST", body, headers }), ctx(params));

async function countWrites() {
  const sizes = await Promise.all(["waitlist", "mail", "requestCounters", "patientHolds"].map(async (c) => (await testDb().collection(c).get()).size));
  return sizes.reduce((a, b) => a + b, 0);
}

beforeAll(async () => {
  await seedClinic({ id: "clinic-wait", slug: doctor.slug, doctors: [{ id: "dr-test" }, { id: "dr-away", active: false }] });
  await seedClinic({ id: "clinic-closed", slug: "closed-clinic", bookingOpen: false });
});

describe("POST …/waitlist", () => {
  it("adds an entry (201), then updates it for the same email (200)", async () => {
    const first = await post(JSON.stringify({ email: "Wren@Example.com", days: ["wed"] }));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ added: true, expiresAt: expect.any(String) });
    const again = await post(JSON.stringify({ email: "wren@example.com" }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ added: false });
    expect((await testDb().collection("waitlist").where("email", "==", "wren@example.com").get()).size).toBe(1);
  });

  it("rejects bad input with a clear error and writes nothing", async () => {
    const before = await countWrites();
    const cases: [Response, number, string, Record<string, string>?][] = [
      [await post("{not json"), 400, "invalid_request"],
      [await post(JSON.stringify({})), 400, "invalid_request", { email: WAITLIST_MESSAGES.emailMissing }],
      [await post(JSON.stringify({ email: "nope" })), 400, "invalid_request", { email: WAITLIST_MESSAGES.emailInvalid }],
      [await post(JSON.stringify({ email: "a@example.com", days: ["someday"] })), 400, "invalid_request", { "days.0": WAITLIST_MESSAGES.daysInvalid }],
      [await post(JSON.stringify({ email: "a@example.com", days: "mon" })), 400, "invalid_request", { days: WAITLIST_MESSAGES.daysInvalid }],
      [await post(JSON.stringify({ email: "a@example.com" }), { "content-type": "text/plain" }), 415, "unsupported_media_type"],
      [await post(JSON.stringify({ email: "a@example.com", pad: "x".repeat(17 * 1024) })), 413, "payload_too_large"],
      [await post(JSON.stringify({ email: "a@example.com" }), undefined, { slug: "nope-clinic", doctorId: "dr-test" }), 404, "not_found"],
      [await post(JSON.stringify({ email: "a@example.com" }), undefined, { slug: doctor.slug, doctorId: "dr-away" }), 404, "not_found"],
      [await post(JSON.stringify({ email: "a@example.com" }), undefined, { slug: "closed-clinic", doctorId: "dr-test" }), 404, "not_found"],
    ];
    for (const [response, status, code, fields] of cases) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
      expect(body.error.code).toBe(code);
      if (fields) expect(body.error.fields).toEqual(fields);
    }
    expect(await countWrites()).toBe(before);
  });
});

describe("the booking page's form actions", () => {
  it("refuse a bad join with the field's message, writing nothing", async () => {
    const before = await countWrites();
    expect(await joinWaitlistAction(doctor.slug, doctor.doctorId, { email: "", days: [] })).toMatchObject({ ok: false, code: "invalid_request", fields: { email: WAITLIST_MESSAGES.emailMissing } });
    expect(await joinWaitlistAction(doctor.slug, doctor.doctorId, { email: "a@example.com", days: ["funday"] })).toMatchObject({ ok: false, fields: { "days.0": WAITLIST_MESSAGES.daysInvalid } });
    expect(await joinWaitlistAction(42, doctor.doctorId, { email: "a@example.com" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await joinWaitlistAction(doctor.slug, doctor.doctorId, "not an object")).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await countWrites()).toBe(before);
  });

  it("refuse a broken leave link with the broken-link message, writing nothing", async () => {
    const before = await countWrites();
    const form = (entries: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(entries)) data.set(k, v);
      return data;
    };
    const broken: Record<string, string>[] = [{}, { w: "x" }, { w: "x", t: "short" }, { w: "../x", t: "A".repeat(43) }];
    for (const bad of broken) {
      expect(await leaveWaitlistAction(null, form(bad))).toEqual({ ok: false, code: "invalid_request", message: WAITLIST_MESSAGES.leaveLinkBroken, fields: {} });
    }
    expect(await countWrites()).toBe(before);
  });
});
