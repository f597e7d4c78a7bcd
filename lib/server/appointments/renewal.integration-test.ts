// Renewals of a hold (approve with a fee, propose, the patient's accept) follow
// the clinic's hold rule, like a new request's hold: at a clinic that counts
// only opening hours, a renewal on Friday evening ends in Monday's working
// time, not on Saturday evening. Capped at the visit's start; the default
// clinic keeps 24 h of wall clock.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/firebase";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, book, callers, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { acceptProposal, rejectProposal } from "./patient";
import { approveAppointment, proposeNewTime } from "./review";

const { staff } = callers;
// New York, EST (UTC-5). 2030-01-11 is a Friday; clinic A's doctors work weekdays 09:00–17:00.
const ny = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-05:00`);
const FRI_1600 = ny("2030-01-11", "16:00");
const FRI_1630 = ny("2030-01-11", "16:30");
const FRI_1800 = ny("2030-01-11", "18:00");
const WED_0900 = ny("2030-01-16", "09:00").toISOString();
const WED_1100 = ny("2030-01-16", "11:00").toISOString();

beforeEach(seedReviewWorld);

/** Clinic A counts 4 opening hours: from Friday 18:00 that is Monday 09:00 + 4 h = 13:00. */
const openingHoursClinic = () => db().doc("clinics/clinic-a").update({ holdHours: 4, holdOpeningHoursOnly: true });

/** The appointment's expiresAt, and every one of its locks' (all must be equal). */
async function deadlines(id: string): Promise<{ appointment: number; locks: number[] }> {
  const a = await appointment(id);
  const locks = await db().collection("slotLocks").where("appointmentId", "==", id).get();
  expect(locks.size).toBeGreaterThan(0);
  return { appointment: a.expiresAt.toMillis(), locks: locks.docs.map((d) => d.get("expiresAt").toMillis()) };
}

async function expectDeadline(id: string, expected: Date) {
  const got = await deadlines(id);
  expect(new Date(got.appointment).toISOString()).toBe(expected.toISOString());
  for (const lock of got.locks) expect(new Date(lock).toISOString()).toBe(expected.toISOString());
  await expectLocksMatchLiveAppointments();
}

describe("renewals at a clinic that counts opening hours", () => {
  it("approve on Friday 18:00: approved until Monday 13:00 (working time), on the appointment and every lock", async () => {
    await openingHoursClinic();
    const { id } = await book(WED_0900, { now: FRI_1600 });
    // The request's own hold: 1 h on Friday + 3 h on Monday.
    await expectDeadline(id, ny("2030-01-14", "12:00"));
    expect(await approveAppointment(staff, id, { now: FRI_1800 })).toMatchObject({ status: "approved" });
    await expectDeadline(id, ny("2030-01-14", "13:00"));
  });

  it("propose on Friday 16:30: the new time held until Monday 12:30; the patient's accept on Friday 18:00 renews to Monday 13:00", async () => {
    await openingHoursClinic();
    const { id, token } = await book(WED_0900, { now: FRI_1600 });
    expect(await proposeNewTime(staff, id, { start: WED_1100 }, { now: FRI_1630 })).toMatchObject({ status: "rescheduled" });
    await expectDeadline(id, ny("2030-01-14", "12:30"));
    expect(await acceptProposal(id, token, FRI_1800)).toBe("approved");
    await expectDeadline(id, ny("2030-01-14", "13:00"));
  });

  it("the visit's start still wins when it comes first: a Monday 09:00 visit approved on Friday 18:00 is held until Monday 09:00", async () => {
    await openingHoursClinic();
    const visit = ny("2030-01-14", "09:00");
    const { id } = await book(visit.toISOString(), { now: FRI_1600 });
    expect(await approveAppointment(staff, id, { now: FRI_1800 })).toMatchObject({ status: "approved" });
    await expectDeadline(id, visit);
  });

  it("the patient turns the proposal down on Friday 18:00: the request (holding no time) waits for staff until Monday 13:00, not 24 h", async () => {
    await openingHoursClinic();
    const { id, token } = await book(WED_0900, { now: FRI_1600 });
    await proposeNewTime(staff, id, { start: WED_1100 }, { now: FRI_1630 });
    expect(await rejectProposal(id, token, FRI_1800)).toBe("pending");
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "pending", timeHeld: false, lockIds: [] });
    expect(a.expiresAt.toDate().toISOString()).toBe(ny("2030-01-14", "13:00").toISOString());
    await expectLocksMatchLiveAppointments();
  });

  it("a wall-clock clinic with its own length (6 h): the renewal is 6 h, not 24", async () => {
    await db().doc("clinics/clinic-a").update({ holdHours: 6 });
    const { id } = await book(WED_0900, { now: FRI_1600 });
    await approveAppointment(staff, id, { now: FRI_1800 });
    await expectDeadline(id, new Date(FRI_1800.getTime() + 6 * 3600_000));
  });
});

describe("renewals at the default clinic (24 h, wall clock): unchanged", () => {
  it("approve, propose and accept on Friday each renew to 24 h later, Saturday", async () => {
    const { id } = await book(WED_0900, { now: FRI_1600 });
    await approveAppointment(staff, id, { now: FRI_1800 });
    await expectDeadline(id, ny("2030-01-12", "18:00"));

    const other = await book(ny("2030-01-16", "09:40").toISOString(), { now: FRI_1600, email: "bo@example.com" });
    await proposeNewTime(staff, other.id, { start: ny("2030-01-16", "13:00").toISOString() }, { now: FRI_1630 });
    await expectDeadline(other.id, ny("2030-01-12", "16:30"));
    await acceptProposal(other.id, other.token, FRI_1800);
    await expectDeadline(other.id, ny("2030-01-12", "18:00"));
  });
});
