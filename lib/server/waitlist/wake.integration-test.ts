import { beforeAll, describe, expect, it } from "vitest";
import { Timestamp } from "firebase-admin/firestore";
import { WAKE_BATCH_SIZE, WAITLIST_MS } from "@/lib/domain/waitlist";
import type { Caller } from "@/lib/domain/roles";
import { seedClinic, testDb, weekdayHours } from "@/tests/helpers/clinic-fixtures";
import { requestAppointment } from "@/lib/server/appointments/request";
import { cancelAppointmentByPatient } from "@/lib/server/appointments/patient";
import { reopenClinicDate } from "@/lib/server/clinics/closures";
import { updateDoctorSchedule } from "@/lib/server/doctors/schedule";
import { db } from "@/lib/server/firebase";
import { enqueueWake } from "./freed-time";
import { joinWaitlist } from "./join";
import { processWakeups } from "./wake";

// Who is told when time frees up, and that each is told once per freed time.
// NOW is a Monday; 2030-01-08 a Tuesday (clinics in New York).
const NOW = new Date("2030-01-07T12:00:00Z");
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
const TUESDAY_9AM = "2030-01-08T14:00:00.000Z";
const patient = (email: string) => ({ name: "Pat Booker", email, phone: "+1 555 010 1234" });

const openedMail = async (clinicId: string) =>
  (await testDb().collection("mail").where("clinicId", "==", clinicId).get()).docs
    .map((d) => d.data())
    .filter((m) => String(m.message.subject).startsWith("A time opened"));
const recipients = async (clinicId: string) => (await openedMail(clinicId)).map((m) => m.to as string).sort();

async function join(clinicId: string, doctorId: string, email: string, days: ("mon" | "tue" | "wed" | "thu" | "fri")[], at: Date) {
  await joinWaitlist(clinicId, doctorId, { email, days }, { ip: null, now: at });
}

/** Books Tuesday 9:00 and cancels it (the patient's cancel: its commit releases the locks). */
async function bookAndCancel(slug: string, doctorId: string, at: Date) {
  const created = await requestAppointment(slug, doctorId, { start: TUESDAY_9AM, patient: patient(`booker-${slug}@example.com`), reason: "Check-up" }, { source: "web", now: at });
  await cancelAppointmentByPatient(created.id, new URL(created.statusUrl).searchParams.get("t"), at);
}

beforeAll(async () => {
  for (const id of ["clinic-c", "clinic-i", "clinic-b", "clinic-r", "clinic-h"]) await seedClinic({ id, slug: id, doctors: [{ id: "dr-1" }, { id: "dr-2" }] });
});

describe("a cancelled visit", () => {
  it("at once emails those waiting for that doctor who want that day, still waiting, with the calendar at that date", async () => {
    await join("clinic-c", "dr-1", "any@example.com", [], minutes(0));
    await join("clinic-c", "dr-1", "tuesdays@example.com", ["tue"], minutes(1));
    await join("clinic-c", "dr-1", "fridays@example.com", ["fri"], minutes(2));
    await join("clinic-c", "dr-2", "other-doctor@example.com", [], minutes(3));
    await join("clinic-c", "dr-1", "lapsed@example.com", [], new Date(NOW.getTime() - WAITLIST_MS - 60_000));
    await bookAndCancel("clinic-c", "dr-1", minutes(10));

    expect(await recipients("clinic-c")).toEqual(["any@example.com", "tuesdays@example.com"]);
    const [mail] = (await openedMail("clinic-c")).filter((m) => m.to === "tuesdays@example.com");
    expect(mail!.message.subject).toBe("A time opened: Dr. dr-1, Tue, Jan 8");
    expect(mail!.message.text).toContain("See free times on Tue, Jan 8: http://localhost:3000/book/clinic-c/dr-1?date=2030-01-08");
    expect(mail!.message.text).toMatch(/Stop these emails \(leave the waiting list\): http:\/\/localhost:3000\/waitlist\/leave\?w=\S+&t=\S{43}/);
    // Every wake-up is done: a later run finds nothing to do.
    expect(await processWakeups(minutes(11))).toMatchObject({ wakeups: 0, emailed: 0 });
  });
});

describe("exactly once", () => {
  it("emails nobody twice when the same wake-up runs again, or twice at the same time", async () => {
    for (let i = 0; i < 3; i++) await join("clinic-i", "dr-1", `waiter-${i}@example.com`, [], minutes(i));
    const batch = db().batch();
    enqueueWake(batch, { clinicId: "clinic-i", doctorId: "dr-1", from: Timestamp.fromDate(new Date(TUESDAY_9AM)), to: Timestamp.fromMillis(Date.parse(TUESDAY_9AM) + 30 * 60_000), fromDate: null, toDate: null, reason: "released" }, minutes(5));
    await batch.commit();

    const runs = await Promise.all([processWakeups(minutes(6)), processWakeups(minutes(6)), processWakeups(minutes(6), { clinicId: "clinic-i" })]);
    expect(runs.reduce((sum, r) => sum + r.emailed, 0)).toBe(3);
    expect(await recipients("clinic-i")).toEqual(["waiter-0@example.com", "waiter-1@example.com", "waiter-2@example.com"]);

    // As if a run died after emailing, before marking the wake-up done: the next runs email nobody again.
    const wakeups = await testDb().collection("waitlistWakeups").where("clinicId", "==", "clinic-i").get();
    for (const w of wakeups.docs) await w.ref.update({ doneAt: null });
    const again = await Promise.all([processWakeups(minutes(7)), processWakeups(minutes(7))]);
    expect(again.map((r) => r.emailed)).toEqual([0, 0]);
    expect(await openedMail("clinic-i")).toHaveLength(3);
    expect((await testDb().collection("waitlistNotices").where("clinicId", "==", "clinic-i").get()).size).toBe(3);
  });
});

describe("many waiting", () => {
  it(`tells everyone, in batches of ${WAKE_BATCH_SIZE}, the earlier joiners in the earlier batches`, async () => {
    const count = WAKE_BATCH_SIZE + 5;
    // Joined in an order their emails do not sort in, so the order seen is the joining order.
    for (let i = 0; i < count; i++) await join("clinic-b", "dr-1", `p${String(count - i).padStart(2, "0")}@example.com`, [], minutes(i));
    await bookAndCancel("clinic-b", "dr-1", minutes(60));
    const mail = await openedMail("clinic-b");
    expect(mail).toHaveLength(count);
    const sentAt = new Map(mail.map((m) => [m.to as string, (m.createdAt as Timestamp).toMillis()]));
    const joined = Array.from({ length: count }, (_, i) => `p${String(count - i).padStart(2, "0")}@example.com`);
    const firstBatch = joined.slice(0, WAKE_BATCH_SIZE).map((e) => sentAt.get(e)!);
    const secondBatch = joined.slice(WAKE_BATCH_SIZE).map((e) => sentAt.get(e)!);
    expect(Math.max(...firstBatch)).toBeLessThanOrEqual(Math.min(...secondBatch));
    expect(new Set(firstBatch).size).toBe(1); // one commit
  });
});

describe("other ways time opens", () => {
  const admin = (clinicId: string): Caller => ({ uid: `${clinicId}-admin`, email: `admin@${clinicId}.test`, name: "Ann Admin", clinicId, clinicName: "Test Clinic", role: "admin" });

  it("a clinic re-opening a closed date tells those waiting for any of its doctors that day", async () => {
    await testDb().doc("clinics/clinic-r/closures/2030-01-08").set({ date: "2030-01-08", note: "", closedAt: Timestamp.fromDate(NOW), closedBy: "x", closedByName: "X" });
    await join("clinic-r", "dr-1", "r1@example.com", ["tue"], minutes(1));
    await join("clinic-r", "dr-2", "r2@example.com", ["tue"], minutes(2));
    await join("clinic-r", "dr-2", "r-wed@example.com", ["wed"], minutes(3));
    await reopenClinicDate(admin("clinic-r"), { date: "2030-01-08" });
    // No verb ran a wake-up: the scheduled job (and the dev ticker) does.
    expect(await processWakeups(minutes(5))).toMatchObject({ wakeups: 1, emailed: 2 });
    expect(await recipients("clinic-r")).toEqual(["r1@example.com", "r2@example.com"]);
  });

  it("new hours on a day the doctor did not work tell those waiting for that day", async () => {
    await seedClinic({ id: "clinic-h", slug: "clinic-h", doctors: [{ id: "dr-1", schedule: { weeklyHours: weekdayHours([{ start: "09:00", end: "12:00" }]) } }] });
    await testDb().doc("clinics/clinic-h/doctors/dr-1").update({ "schedule.weeklyHours.sat": [] });
    await join("clinic-h", "dr-1", "sat@example.com", ["sat" as "mon"], minutes(1));
    expect(await processWakeups(minutes(2))).toMatchObject({ emailed: 0 });
    await updateDoctorSchedule(admin("clinic-h"), "dr-1", { weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ start: "09:00", end: "12:00" }], sun: [] }, dateOverrides: {}, slotMinutes: 30, bufferMinutes: 10, minNoticeHours: 2, horizonDays: 60 }, minutes(3));
    expect(await processWakeups(minutes(4))).toMatchObject({ wakeups: 1, emailed: 1 });
    const [mail] = await openedMail("clinic-h");
    expect(mail).toMatchObject({ to: "sat@example.com", message: { subject: "A time opened: Dr. dr-1, Sat, Jan 12" } });
  });
});
