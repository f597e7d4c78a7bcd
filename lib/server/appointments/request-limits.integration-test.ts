import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isRateLimitError } from "@/lib/server/booking/request-limits";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { startSecondServer, type SecondServer } from "@/tests/helpers/second-server-process";
import { patient, seedClinic, setSchedule, testDb } from "@/tests/helpers/clinic-fixtures";
import { cancelAppointmentByPatient } from "./patient";
import { requestAppointment } from "./request";

// Monday 2030-01-07, 07:00 in New York. Slots are on Tuesday the 8th (EST, UTC-5),
// a 30-minute grid with a 10-minute buffer: 09:00, 09:40, 10:20, 11:00, ...
const now = new Date("2030-01-07T12:00:00Z");
const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();
const GRID = ["09:00", "09:40", "10:20", "11:00", "11:40", "12:20", "13:00", "13:40", "14:20", "15:00", "15:40", "16:20"];
const request = (start: string, opts: { email?: string; ip?: string | null; when?: Date; honeypot?: string } = {}) =>
  requestAppointment(
    "test-clinic",
    "dr-test",
    { start, patient: { ...patient, email: opts.email ?? patient.email }, reason: "Check-up" },
    { source: "web", now: opts.when ?? now, ip: opts.ip ?? null, honeypot: opts.honeypot ?? null },
  );
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { code?: string }).code));
const count = async (name: string) => (await testDb().collection(name).get()).size;

beforeEach(async () => {
  await clearFirestore();
  await seedClinic();
});

describe("a lapsed hold in the way of two requests", () => {
  it("both requests get their (non-overlapping) times: the loser of the release retries its own commit", async () => {
    // Three rounds, each a 60-minute hold that lapsed, now wanted by two 30-minute requests.
    await setSchedule("clinic-test", "dr-test", { slotMinutes: 60, bufferMinutes: 0 });
    const holds = ["13:00", "14:00", "15:00"];
    for (const [i, time] of holds.entries()) await request(at(time), { email: `old${i}@example.com` });
    await setSchedule("clinic-test", "dr-test", { slotMinutes: 30, bufferMinutes: 0 });
    const later = new Date(now.getTime() + 25 * 3600_000); // every old hold lapsed at the latest 24 h on
    for (const [i, time] of holds.entries()) {
      const half = at(time.replace(":00", ":30"));
      const results = await Promise.allSettled([
        request(at(time), { email: `a${i}@example.com`, when: later }),
        request(half, { email: `b${i}@example.com`, when: later }),
      ]);
      expect(codes(results)).toEqual(["ok", "ok"]);
    }
    const statuses = (await testDb().collection("appointments").get()).docs.map((d) => d.get("status")).sort();
    expect(statuses).toEqual([...Array(3).fill("expired"), ...Array(6).fill("pending")]);
  });
});

describe("live requests per patient email per clinic", () => {
  it("the 4th is refused with 429, Retry-After and a plain message; writes nothing; cancelling one frees a place", async () => {
    const made = [];
    for (const time of GRID.slice(0, 3)) made.push(await request(at(time)));
    const before = { appointments: await count("appointments"), slotLocks: await count("slotLocks"), mail: await count("mail") };
    const refused = await request(at(GRID[3]!)).catch((e: unknown) => e);
    expect(isRateLimitError(refused)).toBe(true);
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: "You already have 3 requests waiting at this clinic. Please wait for an answer or cancel one.",
    });
    // Until the earliest hold lapses (24 h) at the latest.
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBe(24 * 3600);
    expect({ appointments: await count("appointments"), slotLocks: await count("slotLocks"), mail: await count("mail") }).toEqual(before);
    // Case and spaces do not make a new patient (the schema lowercases; same address here).
    await cancelAppointmentByPatient(made[0]!.id, new URL(made[0]!.statusUrl).searchParams.get("t"), now);
    await expect(request(at(GRID[3]!))).resolves.toMatchObject({ status: "pending" });
    await expect(request(at(GRID[4]!))).rejects.toMatchObject({ code: "rate_limited" });
    // Another clinic does not count.
    await seedClinic({ id: "clinic-two", slug: "clinic-two", doctors: [{ id: "dr-test" }] });
    const other = await requestAppointment("clinic-two", "dr-test", { start: at("09:00"), patient, reason: "x" }, { source: "web", now });
    expect(other.status).toBe("pending");
  });

  it("an expired request no longer counts", async () => {
    for (const time of GRID.slice(0, 3)) await request(at(time));
    const later = new Date(now.getTime() + 24 * 3600_000);
    await expect(request(at("15:00"), { when: later })).resolves.toMatchObject({ status: "pending" });
  });

  it("8 racing requests for one email: exactly 3 held", async () => {
    const results = await Promise.allSettled(GRID.slice(0, 8).map((time) => request(at(time))));
    expect(codes(results).filter((c) => c === "ok")).toHaveLength(3);
    expect(codes(results).filter((c) => c === "rate_limited")).toHaveLength(5);
    expect(await count("appointments")).toBe(3);
  });
});

describe("requests per client address per hour", () => {
  it("the 11th from one address is refused until the next hour; other addresses are not", async () => {
    for (const [i, time] of GRID.slice(0, 10).entries()) {
      await request(at(time), { email: `p${i}@example.com`, ip: "203.0.113.7", when: new Date(now.getTime() + i * 1000) });
    }
    const eleventh = await request(at(GRID[10]!), { email: "p10@example.com", ip: "203.0.113.7", when: new Date(now.getTime() + 30 * 60_000) }).catch((e: unknown) => e);
    expect(eleventh).toMatchObject({ code: "rate_limited" });
    expect((eleventh as { retryAfterSeconds: number }).retryAfterSeconds).toBe(30 * 60);
    expect(await count("appointments")).toBe(10);
    await expect(request(at(GRID[10]!), { email: "p10@example.com", ip: "198.51.100.1" })).resolves.toMatchObject({ status: "pending" });
    await expect(
      request(at(GRID[11]!), { email: "p11@example.com", ip: "203.0.113.7", when: new Date(now.getTime() + 3600_000) }),
    ).resolves.toMatchObject({ status: "pending" });
  });

  it("counts per clinic: one address's full allowance at one clinic leaves another clinic's untouched", async () => {
    await seedClinic({ id: "clinic-two", slug: "clinic-two", doctors: [{ id: "dr-test" }] });
    await testDb().doc("clinics/clinic-test").update({ ipRequestsPerHour: 2 });
    const atClinic = (slug: string, start: string, email: string) =>
      requestAppointment(slug, "dr-test", { start, patient: { ...patient, email }, reason: "x" }, { source: "web", now, ip: "203.0.113.20" });
    await atClinic("test-clinic", at(GRID[0]!), "a@example.com");
    await atClinic("test-clinic", at(GRID[1]!), "b@example.com");
    await expect(atClinic("test-clinic", at(GRID[2]!), "c@example.com")).rejects.toMatchObject({ code: "rate_limited" });
    // The same address at another clinic: that clinic's own allowance (default 10), from zero.
    for (const [i, time] of GRID.slice(0, 10).entries()) {
      await expect(atClinic("clinic-two", at(time), `two${i}@example.com`), time).resolves.toMatchObject({ status: "pending" });
    }
    await expect(atClinic("clinic-two", at(GRID[10]!), "two10@example.com")).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("follows the clinic's setting (ipRequestsPerHour)", async () => {
    await testDb().doc("clinics/clinic-test").update({ ipRequestsPerHour: 2 });
    await request(at(GRID[0]!), { email: "a@example.com", ip: "203.0.113.9" });
    await request(at(GRID[1]!), { email: "b@example.com", ip: "203.0.113.9" });
    await expect(request(at(GRID[2]!), { email: "c@example.com", ip: "203.0.113.9" })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("a taken time does not use up the address's allowance", async () => {
    await request(at(GRID[0]!), { email: "first@example.com", ip: "203.0.113.5" });
    for (let i = 0; i < 12; i++) {
      await expect(request(at(GRID[0]!), { email: `t${i}@example.com`, ip: "203.0.113.6" })).rejects.toMatchObject({ code: "slot_unavailable" });
    }
    await expect(request(at(GRID[1]!), { email: "ok@example.com", ip: "203.0.113.6" })).resolves.toMatchObject({ status: "pending" });
  });
});

describe("limits across two app servers on one Firestore", () => {
  // The second server is started and has loaded the app before a test begins,
  // so each test's race is between two warm processes, however slow Node starts.
  let second: SecondServer;
  // Starting Node and compiling the app's server code takes seconds of CPU: on a
  // busy machine, longer than a test's budget. It is waited for, not timed.
  beforeAll(async () => {
    second = await startSecondServer();
  }, 120_000);
  afterAll(() => second?.stop());

  const jobs = (ip: string, emailOf: (i: number) => string, times: string[]) =>
    times.map((t, i) => ({ slug: "test-clinic", doctorId: "dr-test", start: at(t), email: emailOf(i), ip, now: now.toISOString() }));

  it("one email: 3 held in all when this process and another book it at once", async () => {
    const there = second.book(jobs("198.51.100.2", () => "same@example.com", GRID.slice(0, 3)));
    const here = Promise.allSettled(GRID.slice(3, 6).map((t) => request(at(t), { email: "same@example.com", ip: "198.51.100.3" })));
    const all = [...(await there), ...codes(await here)];
    expect(all.filter((c) => c === "ok")).toHaveLength(3);
    expect(all.filter((c) => c === "rate_limited")).toHaveLength(3);
  });

  it("one address: 10 held in all when this process and another book from it at once", async () => {
    await setSchedule("clinic-test", "dr-test", { slotMinutes: 15, bufferMinutes: 0 });
    const times = Array.from({ length: 12 }, (_, i) => `${String(9 + Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 15).padStart(2, "0")}`);
    const there = second.book(jobs("192.0.2.50", (i) => `s${i}@example.com`, times.slice(0, 6)));
    const here = Promise.allSettled(times.slice(6).map((t, i) => request(at(t), { email: `h${i}@example.com`, ip: "192.0.2.50" })));
    const all = [...(await there), ...codes(await here)];
    expect(all.filter((c) => c === "ok")).toHaveLength(10);
    expect(all.filter((c) => c === "rate_limited")).toHaveLength(2);
    expect(await count("appointments")).toBe(10);
  });
});

describe("the honeypot", () => {
  it("a filled hidden field is answered like a success and holds nothing, sends nothing, counts nothing", async () => {
    const answer = await request(at("09:00"), { honeypot: "http://spam.example", ip: "203.0.113.8" });
    expect(answer).toMatchObject({ status: "pending" });
    for (const name of ["appointments", "slotLocks", "mail", "requestCounters", "patientHolds"]) expect(await count(name)).toBe(0);
    // The time is still free for a person.
    await expect(request(at("09:00"))).resolves.toMatchObject({ status: "pending" });
  });
});
