import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { patient, seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { searchRequests } from "./queue";
import { requestAppointment } from "./request";

// Staff find a request by the patient's name or email whether it is still
// open or has moved to Recent (a paid, confirmed visit leaves the Open tab).

// Monday 2030-01-07, 07:00 in New York; the requests are for Tuesday the 8th (EST, UTC-5).
const now = new Date("2030-01-07T12:00:00Z");
const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();

const base = { email: "m@example.com", clinicId: "clinic-test", clinicName: "Test Clinic" };
const staff: Caller = { ...base, uid: "u-staff", name: "Sam Staff", role: "staff" };
const doctorA: Caller = { ...base, uid: "u-doc", name: "Dr. A", role: "doctor", doctorId: "dr-a" };
const otherClinic: Caller = { ...staff, uid: "u-other", clinicId: "clinic-other", clinicName: "Other" };

async function book(doctorId: string, hhmm: string, name: string, email: string) {
  const created = await requestAppointment(
    "test-clinic",
    doctorId,
    { start: at(hhmm), patient: { ...patient, name, email }, reason: "Check-up" },
    { source: "web", now },
  );
  return created.id;
}

beforeEach(async () => {
  await clearFirestore();
  await seedClinic({ doctors: [{ id: "dr-a" }, { id: "dr-b" }] });
  await seedClinic({ id: "clinic-other", slug: "other-clinic", doctors: [{ id: "dr-a" }] });
});

describe("searchRequests", () => {
  it("finds open and confirmed requests by part of the name or the email, newest change first", async () => {
    const open = await book("dr-a", "09:00", "Ada Lovelace", "ada@example.com");
    const confirmed = await book("dr-b", "09:40", "Ada Byron", "byron@example.com");
    await book("dr-a", "10:20", "Charles Babbage", "cb@example.com");
    await testDb().doc(`appointments/${confirmed}`).update({ status: "confirmed", updatedAt: Timestamp.fromMillis(now.getTime() + 1000) });

    expect((await searchRequests(staff, "ada", null)).map((r) => r.id)).toEqual([confirmed, open]);
    expect((await searchRequests(staff, "BYRON@", null)).map((r) => r.id)).toEqual([confirmed]);
    expect((await searchRequests(staff, "ada love", null)).map((r) => r.id)).toEqual([open]);
    expect(await searchRequests(staff, "nobody", null)).toEqual([]);
  });

  it("keeps to the caller's clinic and a doctor's own requests, and to a chosen doctor", async () => {
    const own = await book("dr-a", "09:00", "Ada Lovelace", "ada@example.com");
    const others = await book("dr-b", "09:40", "Ada Byron", "byron@example.com");
    expect((await searchRequests(doctorA, "ada", null)).map((r) => r.id)).toEqual([own]);
    expect(await searchRequests(doctorA, "ada", "dr-b")).toEqual([]);
    expect((await searchRequests(staff, "ada", "dr-b")).map((r) => r.id)).toEqual([others]);
    expect(await searchRequests(otherClinic, "ada", null)).toEqual([]);
    await expect(searchRequests(null, "ada", null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
