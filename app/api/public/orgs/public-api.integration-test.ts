import { beforeAll, describe, expect, it } from "vitest";
import { seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { GET as getOrg } from "./[slug]/route";
import { POST as postRequest } from "./[slug]/doctors/[doctorId]/requests/route";
import { GET as getSlots } from "./[slug]/doctors/[doctorId]/slots/route";

// The route handlers, called as Next.js calls them, against the local Firestore.
const base = "http://localhost:3000/api/public/orgs";
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const doctor = { slug: "test-clinic", doctorId: "dr-test" };

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }, params = doctor) =>
  postRequest(new Request(`${base}/${params.slug}/doctors/${params.doctorId}/requests`, { method: "POST", body, headers }), ctx(params));
const slots = (query: string, params = doctor) => getSlots(new Request(`${base}/${params.slug}/doctors/${params.doctorId}/slots?${query}`), ctx(params));

// A window of real dates: the routes use the real clock.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const validBody = (start: string) => JSON.stringify({ start, patient: { name: "Ada", email: "ada@example.com", phone: "+1 555 010 0199" }, reason: "Check-up" });

async function firstFreeSlot(): Promise<string> {
  const response = await slots(`from=${day(3)}&to=${day(16)}`);
  const { slots: list } = (await response.json()) as { slots: { start: string }[] };
  return list[0]!.start;
}

async function countWrites() {
  const sizes = await Promise.all(["appointments", "slotLocks", "mail"].map(async (c) => (await testDb().collection(c).get()).size));
  return sizes.reduce((a, b) => a + b, 0);
}

beforeAll(async () => {
  await seedClinic({
    doctors: [{ id: "dr-test" }, { id: "dr-away", active: false }, { id: "dr-no-hours", schedule: { weeklyHours: {}, dateOverrides: {} } }],
  });
});

describe("GET /api/public/orgs/{slug}", () => {
  it("returns the clinic and its active doctors only, with their slugs and whether they take bookings", async () => {
    const response = await getOrg(new Request(`${base}/test-clinic`), ctx({ slug: "test-clinic" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      slug: "test-clinic", name: "Test Clinic", timezone: "America/New_York", feeCents: 5000, currency: "USD",
      doctors: [
        // A doctor with no hours is listed, marked as not taking bookings (fixture doctors have no slug field: the id serves).
        { id: "dr-no-hours", slug: "dr-no-hours", name: "Dr. dr-no-hours", specialty: "General practice", takingBookings: false },
        { id: "dr-test", slug: "dr-test", name: "Dr. dr-test", specialty: "General practice", takingBookings: true },
      ],
    });
  });

  it("404s an unknown clinic", async () => {
    const response = await getOrg(new Request(`${base}/nope-clinic`), ctx({ slug: "nope-clinic" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("GET …/slots", () => {
  it("returns ISO UTC slots and the clinic's zone", async () => {
    const response = await slots(`from=${day(1)}&to=${day(14)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { timezone: string; slots: { start: string; end: string }[] };
    expect(body.timezone).toBe("America/New_York");
    expect(body.slots.length).toBeGreaterThan(0);
    for (const slot of body.slots) expect(slot.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(Object.keys(body.slots[0]!)).toEqual(["start", "end"]);
  });

  it.each([
    ["", ["from", "to"]],
    ["from=2030-01-01", ["to"]],
    ["from=2030-02-30&to=2030-03-01", ["from"]],
    ["from=tomorrow&to=2030-01-01", ["from"]],
    ["from=2030-01-10&to=2030-01-09", ["to"]],
    ["from=2030-01-01&to=2030-03-04", ["to"]],
  ])("400s bad query %j", async (query, fields) => {
    const response = await slots(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toBeTruthy();
    expect(Object.keys(body.error.fields).sort()).toEqual(fields);
  });

  it("404s a reserved document id (__x__), which Firestore would refuse with INVALID_ARGUMENT", async () => {
    for (const doctorId of ["__x__", "__id1__", "____"]) {
      const response = await slots(`from=${day(1)}&to=${day(2)}`, { slug: "test-clinic", doctorId });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
      const posted = await post(validBody(await firstFreeSlot()), undefined, { slug: "test-clinic", doctorId });
      expect(posted.status).toBe(404);
    }
  });

  it("404s an unknown or deactivated doctor", async () => {
    for (const doctorId of ["dr-nobody", "dr-away"]) {
      const response = await slots(`from=${day(1)}&to=${day(2)}`, { slug: "test-clinic", doctorId });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});

describe("POST …/requests", () => {
  it("creates a pending request (201), then 409s the same slot", async () => {
    const start = await firstFreeSlot();
    const created = await post(validBody(start));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; status: string; expiresAt: string; statusUrl: string };
    expect(body).toMatchObject({ status: "pending" });
    expect(body.statusUrl).toContain(`/appointments/${body.id}?t=`);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    const again = await post(validBody(start));
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: "slot_unavailable", message: expect.stringContaining("just taken") } });
    const listed = await slots(`from=${day(3)}&to=${day(16)}`);
    expect(((await listed.json()) as { slots: { start: string }[] }).slots.map((s) => s.start)).not.toContain(start);
  });

  it("rejects bad input with a clear error and writes nothing", async () => {
    const start = await firstFreeSlot();
    const before = await countWrites();
    const cases: [Response, number, string][] = [
      [await post("{not json"), 400, "invalid_request"],
      [await post(JSON.stringify({ start, patient: { name: "", email: "nope", phone: "x" }, reason: "" })), 400, "invalid_request"],
      [await post(validBody(start), { "content-type": "text/plain" }), 415, "unsupported_media_type"],
      [await post(validBody(start), {}), 415, "unsupported_media_type"],
      [await post(JSON.stringify({ pad: "x".repeat(17 * 1024) })), 413, "payload_too_large"],
      [await post(validBody(start), undefined, { slug: "nope-clinic", doctorId: "dr-test" }), 404, "not_found"],
      [await post(validBody(start), undefined, { slug: "test-clinic", doctorId: "dr-away" }), 404, "not_found"],
      [await post(validBody("2030-01-01T00:00:00Z")), 400, "invalid_request"],
    ];
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const invalid = (await (await post(JSON.stringify({ start, patient: { name: "", email: "nope", phone: "x" }, reason: "" }))).json()) as {
      error: { fields: Record<string, string> };
    };
    expect(Object.keys(invalid.error.fields).sort()).toEqual(["patient.email", "patient.name", "patient.phone", "reason"]);
    expect(await countWrites()).toBe(before);
  });
});

describe("a clinic whose booking page is not open yet (its admin has not verified their email)", () => {
  const waiting = { slug: "waiting-clinic", doctorId: "dr-test" };
  beforeAll(async () => {
    await seedClinic({ id: "clinic-waiting", slug: waiting.slug, bookingOpen: false });
  });

  it("answers 404 'isn't open yet' to the clinic, its slots and a booking, which writes nothing", async () => {
    const before = await countWrites();
    const start = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const responses = [
      await getOrg(new Request(`${base}/${waiting.slug}`), ctx({ slug: waiting.slug })),
      await slots(`from=${day(3)}&to=${day(16)}`, waiting),
      await post(validBody(start), undefined, waiting),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found", message: "This clinic's booking page isn't open yet." } });
    }
    expect(await countWrites()).toBe(before);
  });
});
