import { Timestamp } from "firebase-admin/firestore";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { patient, seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";
import { requestAppointment } from "@/lib/server/appointments/request";
import { db } from "@/lib/server/firebase";
import { getPublicClinic } from "./public-clinic";
import { closeClinicDates, listClosures, reopenClinicDate } from "./closures";

// A booking reads the clinic's closures before its commit (to say why) and
// again inside it. `staleRead` makes the first read miss every closure, as if
// an admin closed the day between the two: only the commit's read is left.
const staleRead = vi.hoisted(() => ({ on: false }));
vi.mock("./closures", async (importActual) => {
  const actual = await importActual<typeof import("./closures")>();
  return { ...actual, readUpcomingClosures: (...args: Parameters<typeof actual.readUpcomingClosures>) => (staleRead.on ? Promise.resolve([]) : actual.readUpcomingClosures(...args)) };
});

// Monday 2030-01-07, 07:00 in New York (EST). Both doctors work 09:00–17:00 on weekdays.
const now = new Date("2030-01-07T12:00:00Z");
const TUESDAY = "2030-01-08";
const WEDNESDAY = "2030-01-09";
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-05:00`).toISOString();

const base = { clinicId: "clinic-test", clinicName: "Test Clinic" };
const callers = {
  admin: { ...base, uid: "admin", email: "admin@test.test", name: "Ann Admin", role: "admin" },
  staff: { ...base, uid: "staff", email: "staff@test.test", name: "Sid Staff", role: "staff" },
  doctor: { ...base, uid: "doc", email: "doc@test.test", name: "Dr. One", role: "doctor", doctorId: "dr-one" },
  otherAdmin: { clinicId: "clinic-b", clinicName: "B", uid: "b-admin", email: "admin@b.test", name: "Bea", role: "admin" },
} satisfies Record<string, Caller>;

const slotsOn = async (doctorId: string, date: string) => (await listFreeSlots("test-clinic", doctorId, date, date, now)).slots;
const book = (doctorId: string, start: string) =>
  requestAppointment("test-clinic", doctorId, { start, patient, reason: "Check-up" }, { source: "web", now });
const count = async (collection: string) => (await testDb().collection(collection).get()).size;

beforeAll(() => {
  db();
});

beforeEach(async () => {
  staleRead.on = false;
  await clearFirestore();
  await seedClinic({ doctors: [{ id: "dr-one" }, { id: "dr-two" }] });
  await seedClinic({ id: "clinic-b", slug: "clinic-b", doctors: [{ id: "dr-b" }] });
});

describe("closeClinicDates", () => {
  it("takes every doctor's slots away on the closed dates only, at once on this server, and reopening brings them back", async () => {
    // Read first, so the profile cache holds the open clinic.
    expect(await slotsOn("dr-one", TUESDAY)).not.toHaveLength(0);
    const wednesdayBefore = await slotsOn("dr-two", WEDNESDAY);

    expect(await closeClinicDates(callers.admin, { from: TUESDAY, note: "Staff training" }, now)).toEqual({ dates: [TUESDAY] });
    expect(await slotsOn("dr-one", TUESDAY)).toEqual([]);
    expect(await slotsOn("dr-two", TUESDAY)).toEqual([]);
    expect(await slotsOn("dr-two", WEDNESDAY)).toEqual(wednesdayBefore);
    expect((await testDb().doc(`clinics/clinic-test/closures/${TUESDAY}`).get()).data()).toMatchObject({
      date: TUESDAY,
      note: "Staff training",
      closedBy: "admin",
    });

    await reopenClinicDate(callers.admin, { date: TUESDAY });
    expect(await slotsOn("dr-one", TUESDAY)).not.toHaveLength(0);
  });

  it("closes a run of dates in one step and leaves other clinics open", async () => {
    await closeClinicDates(callers.admin, { from: TUESDAY, to: "2030-01-10" }, now);
    const closed = await testDb().collection("clinics/clinic-test/closures").get();
    expect(closed.docs.map((d) => d.id)).toEqual([TUESDAY, WEDNESDAY, "2030-01-10"]);
    const other = await listFreeSlots("clinic-b", "dr-b", TUESDAY, TUESDAY, now);
    expect(other.slots).not.toHaveLength(0);
  });

  it("shows the note on the public clinic", async () => {
    await closeClinicDates(callers.admin, { from: WEDNESDAY, note: "Moving to 5 High St" }, now);
    const clinic = await getPublicClinic("test-clinic", now);
    expect(clinic?.closures).toEqual([{ date: WEDNESDAY, note: "Moving to 5 High St" }]);
  });

  it("lets only admins close or reopen, and refuses bad input field by field, writing nothing", async () => {
    await expect(closeClinicDates(null, { from: TUESDAY }, now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(closeClinicDates(callers.staff, { from: TUESDAY }, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(closeClinicDates(callers.doctor, { from: TUESDAY }, now)).rejects.toMatchObject({ code: "forbidden" });
    for (const input of [{}, { from: "2030-01-06" }, { from: "2030-02-30" }, { from: TUESDAY, to: "2030-03-08" }, { from: TUESDAY, note: "a\nb" }, "nonsense", null]) {
      await expect(closeClinicDates(callers.admin, input, now)).rejects.toMatchObject({ code: "invalid_request" });
    }
    await expect(closeClinicDates(callers.admin, { from: "2030-01-06" }, now)).rejects.toMatchObject({ fields: { from: "Pick today or a later day." } });
    await expect(reopenClinicDate(callers.staff, { date: TUESDAY })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reopenClinicDate(callers.admin, { date: TUESDAY })).rejects.toMatchObject({ code: "not_found" });
    expect(await count("clinics/clinic-test/closures")).toBe(0);
  });
});

describe("booking on a closed date", () => {
  it("is refused and writes nothing", async () => {
    await closeClinicDates(callers.admin, { from: TUESDAY, note: "Training" }, now);
    await expect(book("dr-one", at(TUESDAY, "10:00"))).rejects.toMatchObject({
      code: "slot_unavailable",
      message: "The clinic is closed that day. Please choose another day.",
    });
    expect(await count("appointments")).toBe(0);
    expect(await count("slotLocks")).toBe(0);
    expect(await count("mail")).toBe(0);
    // The next day books as usual.
    await expect(book("dr-one", at(WEDNESDAY, "10:20"))).resolves.toMatchObject({ status: "pending" });
  });

  it("is refused by the commit even when the read before it missed the closure", async () => {
    await closeClinicDates(callers.admin, { from: TUESDAY }, now);
    staleRead.on = true;
    await expect(book("dr-two", at(TUESDAY, "11:00"))).rejects.toMatchObject({ code: "slot_unavailable" });
    expect(await count("appointments")).toBe(0);
    expect(await count("slotLocks")).toBe(0);
  });
});

describe("listClosures", () => {
  it("lists the live appointments on each closed date for staff, linked to where they are acted on", async () => {
    const pending = await book("dr-one", at(TUESDAY, "09:00"));
    await book("dr-two", at(WEDNESDAY, "09:00"));
    // A confirmed visit and a cancelled request on the closed day, written as the verbs leave them.
    const start = Timestamp.fromDate(new Date(at(TUESDAY, "14:00")));
    const visitDoc = { clinicId: "clinic-test", doctorId: "dr-two", doctorName: "Dr. dr-two", start, patient: { ...patient, name: "Bo Visit" } };
    await testDb().doc("appointments/confirmed1").set({ ...visitDoc, status: "confirmed" });
    await testDb().doc("appointments/cancelled1").set({ ...visitDoc, status: "cancelled" });
    // Another clinic's appointment that day is not ours.
    await testDb().doc("appointments/other1").set({ ...visitDoc, clinicId: "clinic-b", status: "confirmed" });

    await closeClinicDates(callers.admin, { from: TUESDAY, note: "Training" }, now);
    const listed = await listClosures(callers.staff, now);
    expect(listed.closures).toHaveLength(1);
    expect(listed.closures[0]).toMatchObject({ date: TUESDAY, note: "Training" });
    expect(listed.closures[0]!.affected).toEqual([
      { id: pending.id, status: "pending", start: at(TUESDAY, "09:00"), doctorName: "Dr. dr-one", patientName: patient.name, href: `/dashboard/requests/${pending.id}` },
      { id: "confirmed1", status: "confirmed", start: new Date(at(TUESDAY, "14:00")).toISOString(), doctorName: "Dr. dr-two", patientName: "Bo Visit", href: "/dashboard/schedule/confirmed1" },
    ]);
    await expect(listClosures(callers.doctor, now)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listClosures(callers.otherAdmin, now).catch(() => ({ closures: "no clinic" }))).closures).not.toHaveLength(1);
  });

  it("leaves past closures out", async () => {
    await closeClinicDates(callers.admin, { from: TUESDAY }, now);
    const later = new Date("2030-01-09T12:00:00Z");
    expect((await listClosures(callers.admin, later)).closures).toEqual([]);
  });
});
