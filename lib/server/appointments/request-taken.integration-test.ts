import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { recordRpcs } from "@/tests/helpers/firestore-rpcs";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { patient, seedClinic, setSchedule, testDb } from "@/tests/helpers/clinic-fixtures";
import { requestAppointment } from "./request";

// A request for a time a live hold covers is turned away after one read of the
// time's locks, writing nothing; a hold that lapsed never turns one away; and
// however many ask for one time at once, one gets it.

// Monday 2030-01-07, 07:00 in New York. Slots are on Tuesday the 8th (EST, UTC-5),
// a 30-minute grid with a 10-minute buffer: 09:00, 09:40, 10:20, 11:00, 11:40, ...
const now = new Date("2030-01-07T12:00:00Z");
const HOUR = 3600_000;
const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();
const request = (start: string, email: string, opts: { when?: Date; ip?: string } = {}) =>
  requestAppointment("test-clinic", "dr-test", { start, patient: { ...patient, email }, reason: "Check-up" }, { source: "api", now: opts.when ?? now, ip: opts.ip ?? null });
const codeOf = (outcome: PromiseSettledResult<unknown>) => (outcome.status === "fulfilled" ? "ok" : (outcome.reason as { code?: string }).code);

/** Every document the request verb writes or touches, by path. */
async function snapshotWorld(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of ["appointments", "slotLocks", "mail", "patientHolds", "requestCounters", "history"]) {
    const docs = name === "history" ? await testDb().collectionGroup(name).get() : await testDb().collection(name).get();
    for (const doc of docs.docs) out[doc.ref.path] = { ...doc.data(), updateTime: doc.updateTime.toMillis() };
  }
  return out;
}

const statusOf = async (id: string) => (await testDb().doc(`appointments/${id}`).get()).get("status") as string;

beforeEach(async () => {
  await clearFirestore();
  await seedClinic();
});

describe("a request for a taken time", () => {
  it("answers taken after reading only the clinic, the doctor and the time's locks, and writes nothing", async () => {
    await request(at("09:00"), "first@example.com", { ip: "203.0.113.7" });
    const before = await snapshotWorld();

    // Another patient, from the same address: a request that got further would count against it.
    const { rpcs, outcome } = await recordRpcs(() => request(at("09:00"), "second@example.com", { ip: "203.0.113.7" }));
    expect(codeOf(outcome)).toBe("slot_unavailable");
    // Three reads (the clinic's slug, create-only, was remembered from the first request):
    // no query (busy time, members, limits), no transaction.
    expect(rpcs).toEqual(Array(3).fill("batchGetDocuments"));
    expect(await snapshotWorld()).toEqual(before);
  });

  it("answers taken when the time only overlaps a held one (another grid), writing nothing", async () => {
    await request(at("09:40"), "first@example.com");
    await setSchedule("clinic-test", "dr-test", { slotMinutes: 60, bufferMinutes: 0 });
    const before = await snapshotWorld();
    // 10:00–11:00 against the held 09:40–10:20 (with its buffer).
    const { rpcs, outcome } = await recordRpcs(() => request(at("10:00"), "second@example.com"));
    expect(codeOf(outcome)).toBe("slot_unavailable");
    expect(rpcs.filter((rpc) => rpc !== "batchGetDocuments")).toEqual([]);
    expect(await snapshotWorld()).toEqual(before);
  });
});

describe("a hold that lapsed", () => {
  it("gives way to the next request, which expires it; beside a live hold it does not, and stays as it was", async () => {
    // A: 11:00–11:40, held one hour. B: 11:40–12:20, held the default 24 hours.
    await testDb().doc("clinics/clinic-test").update({ holdHours: 1 });
    const a = await request(at("11:00"), "a@example.com");
    await testDb().doc("clinics/clinic-test").update({ holdHours: 24 });
    const b = await request(at("11:40"), "b@example.com");
    const later = new Date(now.getTime() + 2 * HOUR); // A's hold lapsed, B's not

    // 11:00–12:00 needs both A's time and B's: taken, and A is left for the sweep.
    await setSchedule("clinic-test", "dr-test", { slotMinutes: 60, bufferMinutes: 0 });
    const before = await snapshotWorld();
    await expect(request(at("11:00"), "c@example.com", { when: later })).rejects.toMatchObject({ code: "slot_unavailable" });
    expect(await snapshotWorld()).toEqual(before);

    // 11:00–11:40 needs A's time alone: granted, A expired, B untouched.
    await setSchedule("clinic-test", "dr-test", { slotMinutes: 40, bufferMinutes: 0 });
    const c = await request(at("11:00"), "c@example.com", { when: later });
    expect([await statusOf(a.id), await statusOf(b.id), await statusOf(c.id)]).toEqual(["expired", "pending", "pending"]);
    await expectLocksMatchLiveAppointments();
  });

  it("of an unconfirmed request (held 30 minutes) lets the next patient book its time", async () => {
    await testDb().doc("clinics/clinic-test").update({ requireEmailConfirmation: true });
    const first = await request(at("10:20"), "first@example.com");
    const second = await request(at("10:20"), "second@example.com", { when: new Date(now.getTime() + 31 * 60_000) });
    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(["expired", "pending"]);
    await expectLocksMatchLiveAppointments();
  });
});

describe("many requests for one time at once", () => {
  it("exactly one gets it, the rest are told it is taken, whatever their number and whether a lapsed hold was in the way", async () => {
    // Any hold made at `now` lapsed by then (08:00 on the day: times from 10:00 on are bookable).
    const later = new Date(now.getTime() + 25 * HOUR);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 40 }), fc.boolean(), fc.constantFrom("11:00", "13:00", "15:40"), async (n, lapsedFirst, time) => {
        await clearFirestore();
        await seedClinic();
        const old = lapsedFirst ? await request(at(time), "old@example.com") : null;
        const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, i) => request(at(time), `p${i}@example.com`, { when: later })));
        const codes = outcomes.map(codeOf).sort();
        expect(codes).toEqual(["ok", ...Array(n - 1).fill("slot_unavailable")]);
        const live = await testDb().collection("appointments").where("status", "==", "pending").get();
        expect(live.size).toBe(1);
        if (old) expect(await statusOf(old.id)).toBe("expired");
        // The losers wrote nothing: one "request received" email, to the winner (plus the clinic's).
        const received = await testDb().collection("mail").where("to", "!=", "clinic@test.test").get();
        const winner = live.docs[0]!;
        expect(received.docs.map((d) => d.get("to")).filter((to) => to !== "old@example.com")).toEqual([winner.get("patient.email")]);
        await expectLocksMatchLiveAppointments();
      }),
      { numRuns: 8 },
    );
  });
});
