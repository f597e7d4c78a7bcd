import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { patient, seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";
import { requestAppointment } from "./request";

// Doctor ids are only unique within a clinic. Two clinics
// whose doctors share the id "dr-lee" must not block each other, see each
// other's busy time, or expire each other's requests.
const now = new Date("2030-01-07T12:00:00Z");
const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();
const book = (slug: string, start: string, when = now) =>
  requestAppointment(slug, "dr-lee", { start, patient, reason: "Check-up" }, { source: "web", now: when });

beforeEach(async () => {
  await clearFirestore();
  await seedClinic({ id: "clinic-one", slug: "clinic-one", doctors: [{ id: "dr-lee" }] });
  await seedClinic({ id: "clinic-two", slug: "clinic-two", doctors: [{ id: "dr-lee" }] });
});

describe("locks and busy time are keyed by clinic and doctor", () => {
  it("the same doctor id at two clinics books the same time independently", async () => {
    const one = await book("clinic-one", at("09:00"));
    // Before the fix this was slot_unavailable: the lock ids were dr-lee_<granule>.
    const two = await book("clinic-two", at("09:00"));
    expect(one.status).toBe("pending");
    expect(two.status).toBe("pending");
    const locks = await testDb().collection("slotLocks").get();
    expect(locks.docs.every((d) => d.id.startsWith(`${d.get("clinicId")}_dr-lee_`))).toBe(true);
    await expectLocksMatchLiveAppointments();
  });

  it("one clinic's held time does not show as busy at the other", async () => {
    const before = await listFreeSlots("clinic-two", "dr-lee", "2030-01-08", "2030-01-08", now);
    await book("clinic-one", at("10:20"));
    const after = await listFreeSlots("clinic-two", "dr-lee", "2030-01-08", "2030-01-08", now);
    expect(after.slots).toEqual(before.slots);
    const own = await listFreeSlots("clinic-one", "dr-lee", "2030-01-08", "2030-01-08", now);
    expect(own.slots.map((s) => s.start)).not.toContain(at("10:20"));
  });

  it("a lapsed hold at one clinic is released only by that clinic's bookings", async () => {
    const one = await book("clinic-one", at("11:00"));
    const later = new Date(now.getTime() + 25 * 3600_000);
    await book("clinic-two", at("11:00"), later);
    expect((await testDb().doc(`appointments/${one.id}`).get()).get("status")).toBe("pending");
    await book("clinic-one", at("11:00"), later);
    expect((await testDb().doc(`appointments/${one.id}`).get()).get("status")).toBe("expired");
    await expectLocksMatchLiveAppointments();
  });
});
