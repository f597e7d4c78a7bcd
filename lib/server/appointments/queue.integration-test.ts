import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "@/lib/domain/request-queue";
import type { Caller } from "@/lib/domain/roles";
import { patient, seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { getProposalTimes } from "./proposal-times";
import { getRequestDetail, getRequestQueue, countNeedsReview } from "./queue";
import { requestAppointment } from "./request";

// Monday 2030-01-07, 07:00 in New York; the requests are for Tuesday the 8th (EST, UTC-5).
const now = new Date("2030-01-07T12:00:00Z");
const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();

const base = { email: "m@example.com", clinicId: "clinic-test", clinicName: "Test Clinic" };
const staff: Caller = { ...base, uid: "u-staff", name: "Sam Staff", role: "staff" };
const doctorA: Caller = { ...base, uid: "u-doc", name: "Dr. A", role: "doctor", doctorId: "dr-a" };
const unlinked: Caller = { ...base, uid: "u-doc2", name: "Dr. ?", role: "doctor" };
const otherClinic: Caller = { ...staff, uid: "u-other", clinicId: "clinic-other", clinicName: "Other" };

async function book(doctorId: string, hhmm: string, when: Date, email = patient.email) {
  const created = await requestAppointment("test-clinic", doctorId, { start: at(hhmm), patient: { ...patient, email }, reason: "Check-up" }, { source: "web", now: when });
  return created.id;
}

beforeEach(async () => {
  await clearFirestore();
  await seedClinic({ doctors: [{ id: "dr-a" }, { id: "dr-b" }] });
  await seedClinic({ id: "clinic-other", slug: "other-clinic", doctors: [{ id: "dr-a" }] });
});

describe("getRequestQueue", () => {
  it("lists Needs review oldest first, with every field a row shows, and counts it", async () => {
    const later = await book("dr-a", "09:00", new Date(now.getTime() + 60_000));
    const earlier = await book("dr-b", "09:40", now);
    const queue = await getRequestQueue(staff, DEFAULT_FILTERS);
    expect(queue.sections.map((s) => s.title)).toEqual(["Needs review", "Move requests", "Awaiting patient", "Awaiting payment"]);
    expect(queue.sections[0]!.rows.map((r) => r.id)).toEqual([earlier, later]);
    expect(queue.sections[0]!.rows[0]).toMatchObject({
      status: "pending",
      timeHeld: true,
      patient,
      reason: "Check-up",
      doctorId: "dr-b",
      doctorName: "Dr. dr-b",
      timezone: "America/New_York",
      start: Date.parse(at("09:40")),
      createdAt: now.getTime(),
      expiresAt: now.getTime() + 24 * 3_600_000,
      version: 1,
    });
    expect(queue.counts).toEqual({ pending: 2, move_requested: 0, rescheduled: 0, approved: 0 });
    expect(queue.doctors.map((d) => d.id)).toEqual(["dr-a", "dr-b"]);
    expect(await countNeedsReview(staff)).toBe(2);
  });

  it("filters by doctor and status; the Recent tab lists decided requests newest change first", async () => {
    const a = await book("dr-a", "09:00", now);
    await book("dr-b", "09:40", now);
    const declined = await book("dr-b", "11:00", now);
    // A 4th live request for one email is refused (3 may wait per clinic): another patient.
    const expired = await book("dr-b", "11:40", now, "other@example.com");
    await testDb().doc(`appointments/${declined}`).update({ status: "declined", updatedAt: Timestamp.fromMillis(now.getTime() + 1000) });
    await testDb().doc(`appointments/${expired}`).update({ status: "expired", updatedAt: Timestamp.fromMillis(now.getTime() + 2000) });

    const byDoctor = await getRequestQueue(staff, { view: "open", status: "pending", doctorId: "dr-a" });
    expect(byDoctor.sections.map((s) => s.status)).toEqual(["pending"]);
    expect(byDoctor.sections[0]!.rows.map((r) => r.id)).toEqual([a]);
    expect(byDoctor.counts.pending).toBe(1);

    const recent = await getRequestQueue(staff, { view: "recent", status: null, doctorId: null });
    expect(recent.sections).toEqual([]);
    expect(recent.recent.map((r) => r.id)).toEqual([expired, declined]);
    const onlyDeclined = await getRequestQueue(staff, { view: "recent", status: "declined", doctorId: null });
    expect(onlyDeclined.recent.map((r) => r.id)).toEqual([declined]);
  });

  it("tells the clinic's cancellations from the patient's, in rows and in the status filter", async () => {
    const byClinic = await book("dr-a", "09:00", now);
    const byPatient = await book("dr-b", "09:40", now);
    const changedAt = (ms: number) => Timestamp.fromMillis(now.getTime() + ms);
    await testDb().doc(`appointments/${byClinic}`).update({ status: "cancelled", cancelledBy: "clinic", cancelReason: "Doctor is ill", updatedAt: changedAt(2000) });
    await testDb().doc(`appointments/${byPatient}`).update({ status: "cancelled", updatedAt: changedAt(1000) });

    const recent = await getRequestQueue(staff, { view: "recent", status: null, doctorId: null });
    expect(recent.recent.map((r) => [r.id, r.cancelledBy])).toEqual([[byClinic, "clinic"], [byPatient, null]]);
    expect((await getRequestQueue(staff, { view: "recent", status: "cancelled_by_clinic", doctorId: null })).recent.map((r) => r.id)).toEqual([byClinic]);
    expect((await getRequestQueue(staff, { view: "recent", status: "cancelled", doctorId: null })).recent.map((r) => r.id)).toEqual([byPatient]);
    expect(await getRequestDetail(staff, byClinic)).toMatchObject({ cancelledBy: "clinic", cancelReason: "Doctor is ill", payment: { state: "unpaid" } });
  });

  it("shows a doctor only their own requests, even when the filter names another doctor", async () => {
    const own = await book("dr-a", "09:00", now);
    await book("dr-b", "09:40", now);
    const mine = await getRequestQueue(doctorA, DEFAULT_FILTERS);
    expect(mine.doctorScoped).toBe(true);
    expect(mine.sections[0]!.rows.map((r) => r.id)).toEqual([own]);
    expect(mine.doctors).toEqual([{ id: "dr-a", name: "Dr. dr-a" }]);
    const sneaky = await getRequestQueue(doctorA, { ...DEFAULT_FILTERS, doctorId: "dr-b" });
    expect(sneaky.sections.flatMap((s) => s.rows)).toEqual([]);
    expect(await countNeedsReview(doctorA)).toBe(1);
  });

  it("leaves out requests still waiting for the patient to confirm their email, in rows and counts", async () => {
    const confirmed = await book("dr-a", "09:00", now, "c1@example.com");
    const unconfirmed = await book("dr-a", "09:40", now, "c2@example.com");
    const never = await book("dr-a", "10:20", now, "c3@example.com");
    await testDb().doc(`appointments/${unconfirmed}`).update({ emailConfirmedAt: null });
    await testDb().doc(`appointments/${confirmed}`).update({ emailConfirmedAt: Timestamp.fromDate(now) });
    const queue = await getRequestQueue(staff, DEFAULT_FILTERS);
    expect(queue.sections[0]!.rows.map((r) => r.id).sort()).toEqual([confirmed, never].sort());
    expect(queue.counts.pending).toBe(2);
    expect(await countNeedsReview(staff)).toBe(2);
    expect(await countNeedsReview(doctorA)).toBe(2);
  });

  it("never shows another clinic's requests, and refuses callers without a queue", async () => {
    await book("dr-a", "09:00", now);
    const other = await getRequestQueue(otherClinic, DEFAULT_FILTERS);
    expect(other.sections.flatMap((s) => s.rows)).toEqual([]);
    await expect(getRequestQueue(null, DEFAULT_FILTERS)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getRequestQueue(unlinked, DEFAULT_FILTERS)).rejects.toMatchObject({ code: "forbidden" });
    expect(await countNeedsReview(unlinked)).toBe(0);
  });
});

describe("getRequestDetail", () => {
  it("returns the request with its history; another clinic or doctor gets not_found", async () => {
    const id = await book("dr-b", "09:00", now);
    const detail = await getRequestDetail(staff, id);
    expect(detail).toMatchObject({ id, status: "pending", feeCents: 5000, currency: "USD", proposal: null, visit: null, declineReason: null });
    expect(detail.history).toMatchObject([{ seq: "000001", action: "request", from: null, to: "pending", byName: "Patient" }]);
    await expect(getRequestDetail(otherClinic, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getRequestDetail(doctorA, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getRequestDetail(staff, "../x")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("getProposalTimes", () => {
  it("counts the request's own time free (so it can shift within it), but not another patient's", async () => {
    // Booked on a 20-minute grid at 09:20; on today's 30 + 10 grid, 09:00–09:30 overlaps it and is offered
    // only because the request's own time counts as free.
    await testDb().doc("clinics/clinic-test/doctors/dr-a").update({ "schedule.slotMinutes": 20, "schedule.bufferMinutes": 0 });
    const id = await book("dr-a", "09:20", now, "p1@example.com");
    await testDb().doc("clinics/clinic-test/doctors/dr-a").update({ "schedule.slotMinutes": 30, "schedule.bufferMinutes": 10 });
    await book("dr-a", "10:20", now, "p2@example.com");
    const { slots, timezone, window } = await getProposalTimes(staff, id, { from: "2030-01-08", to: "2030-01-08" }, now);
    expect(timezone).toBe("America/New_York");
    expect(window.from).toBe("2030-01-07");
    const starts = slots.map((s) => s.start);
    expect(starts).toContain(at("09:00"));
    expect(starts).not.toContain(at("10:20"));

    // The exact time it already holds is no proposal.
    const other = await book("dr-a", "11:40", now, "p3@example.com");
    const again = (await getProposalTimes(staff, other, { from: "2030-01-08", to: "2030-01-08" }, now)).slots.map((s) => s.start);
    expect(again).not.toContain(at("11:40"));
    expect(again).toContain(at("11:00"));
    // Without a range: the month of the request's own time, with its date to open on.
    const first = await getProposalTimes(staff, id, undefined, now);
    expect(first.ownDate).toBe("2030-01-08");
    expect(first.range).toEqual({ from: "2030-01-07", to: "2030-01-31" });
    await expect(getProposalTimes(doctorA, await book("dr-b", "09:00", now, "p4@example.com"), undefined, now)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
