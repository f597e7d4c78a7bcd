import { beforeAll, describe, expect, it } from "vitest";
import { MAX_WAITLIST_ENTRIES_PER_EMAIL, WAITLIST_MESSAGES, WAITLIST_MS } from "@/lib/domain/waitlist";
import { seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { requestAppointment } from "@/lib/server/appointments/request";
import { joinWaitlist } from "./join";
import { leaveWaitlist, readLeaveLink } from "./leave";
import { waitlistEntryId } from "./entries";

// Joining and leaving a doctor's waiting list, against the local Firestore.
const NOW = new Date("2030-01-07T12:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const DOCTORS = Array.from({ length: MAX_WAITLIST_ENTRIES_PER_EMAIL + 1 }, (_, i) => ({ id: `dr-${i}` }));

beforeAll(async () => {
  await seedClinic({ id: "clinic-w", slug: "clinic-w", doctors: DOCTORS });
  await seedClinic({ id: "clinic-ip", slug: "clinic-ip", doctors: [{ id: "dr-0" }] });
  await testDb().doc("clinics/clinic-ip").update({ ipRequestsPerHour: 2 });
});

const entryOf = async (clinicId: string, doctorId: string, email: string) => testDb().doc(`waitlist/${waitlistEntryId(clinicId, doctorId, email)}`).get();
const mailTo = async (email: string) => (await testDb().collection("mail").where("to", "==", email).get()).docs.map((d) => d.data());
const leaveLinkIn = (text: string) => new URL(/Stop these emails \(leave the waiting list\): (\S+)/.exec(text)![1]!);
const snapshotOf = async (collections: string[]) =>
  Object.fromEntries(await Promise.all(collections.map(async (c) => [c, (await testDb().collection(c).get()).docs.map((d) => [d.id, d.data()])])));
const WRITTEN = ["waitlist", "mail", "requestCounters", "patientHolds"];

describe("joining", () => {
  it("adds one entry with the days and 30 days to wait, and emails the address a leave link and the calendar", async () => {
    const joined = await joinWaitlist("clinic-w", "dr-0", { email: "ann@example.com", days: ["mon", "fri"] }, { ip: "203.0.113.1", now: NOW });
    expect(joined).toEqual({ added: true, expiresAt: new Date(NOW.getTime() + WAITLIST_MS).toISOString() });
    const entry = await entryOf("clinic-w", "dr-0", "ann@example.com");
    expect(entry.data()).toMatchObject({ clinicId: "clinic-w", doctorId: "dr-0", email: "ann@example.com", days: ["mon", "fri"], lastNotifiedAt: null });
    expect(entry.get("joinedAt").toMillis()).toBe(NOW.getTime());
    const [mail] = await mailTo("ann@example.com");
    expect(mail).toMatchObject({ clinicId: "clinic-w", waitlistEntryId: entry.id, message: { subject: "Waiting list: Dr. dr-0, Test Clinic" } });
    expect(mail!.message.text).toContain("(Mondays and Fridays)");
    expect(mail!.message.text).toContain("See free times: http://localhost:3000/book/clinic-w/dr-0");
    expect(mail!.message.html).toContain("/waitlist/leave?w=");
  });

  it("updates the entry on a second join for the same doctor and email, keeping its place and each link", async () => {
    await joinWaitlist("clinic-w", "dr-1", { email: "bo@example.com", days: ["mon"] }, { ip: null, now: NOW });
    await joinWaitlist("clinic-w", "dr-1", { email: "BO@example.com".toLowerCase(), days: [] }, { ip: null, now: later(5) });
    const entries = await testDb().collection("waitlist").where("email", "==", "bo@example.com").get();
    expect(entries.size).toBe(1);
    const entry = entries.docs[0]!;
    expect(entry.get("days")).toEqual([]);
    expect(entry.get("joinedAt").toMillis()).toBe(NOW.getTime());
    expect(entry.get("expiresAt").toMillis()).toBe(later(5).getTime() + WAITLIST_MS);
    // Both emails' leave links open it.
    const mails = await mailTo("bo@example.com");
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(await readLeaveLink(Object.fromEntries(leaveLinkIn(m.message.text).searchParams))).toMatchObject({ state: "waiting" });
  });

  it(`refuses a ${MAX_WAITLIST_ENTRIES_PER_EMAIL + 1}th doctor for one email at one clinic, writing nothing, while re-joining one still works`, async () => {
    const email = "many@example.com";
    for (let i = 0; i < MAX_WAITLIST_ENTRIES_PER_EMAIL; i++) await joinWaitlist("clinic-w", `dr-${i}`, { email, days: [] }, { ip: null, now: NOW });
    const before = await snapshotOf(WRITTEN);
    await expect(joinWaitlist("clinic-w", `dr-${MAX_WAITLIST_ENTRIES_PER_EMAIL}`, { email, days: [] }, { ip: null, now: NOW })).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining(`already on ${MAX_WAITLIST_ENTRIES_PER_EMAIL} waiting lists`),
    });
    expect(await snapshotOf(WRITTEN)).toEqual(before);
    await expect(joinWaitlist("clinic-w", "dr-0", { email, days: ["tue"] }, { ip: null, now: later(1) })).resolves.toMatchObject({ added: false });
    // Once one lapses (30 days), another doctor may be joined.
    await expect(joinWaitlist("clinic-w", `dr-${MAX_WAITLIST_ENTRIES_PER_EMAIL}`, { email, days: [] }, { ip: null, now: new Date(NOW.getTime() + WAITLIST_MS) })).resolves.toMatchObject({ added: true });
  });

  it("refuses a network address over the clinic's hourly limit, writing nothing, and counts it apart from booking requests", async () => {
    const ip = "198.51.100.7";
    await joinWaitlist("clinic-ip", "dr-0", { email: "one@example.com", days: [] }, { ip, now: NOW });
    await joinWaitlist("clinic-ip", "dr-0", { email: "two@example.com", days: [] }, { ip, now: NOW });
    const before = await snapshotOf(WRITTEN);
    await expect(joinWaitlist("clinic-ip", "dr-0", { email: "three@example.com", days: [] }, { ip, now: NOW })).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(await snapshotOf(WRITTEN)).toEqual(before);
    // Booking requests from the address have their own allowance; the next hour, it may join again.
    await expect(
      requestAppointment("clinic-ip", "dr-0", { start: "2030-01-08T14:00:00.000Z", patient: { name: "Ivy", email: "ivy@example.com", phone: "+1 555 010 1234" }, reason: "Check-up" }, { source: "web", ip, now: NOW }),
    ).resolves.toMatchObject({ status: "pending" });
    await expect(joinWaitlist("clinic-ip", "dr-0", { email: "three@example.com", days: [] }, { ip, now: later(1) })).resolves.toMatchObject({ added: true });
  });

  it("refuses an unknown clinic or doctor, writing nothing", async () => {
    const before = await snapshotOf(WRITTEN);
    await expect(joinWaitlist("nope-clinic", "dr-0", { email: "x@example.com", days: [] }, { ip: null, now: NOW })).rejects.toMatchObject({ code: "not_found" });
    await expect(joinWaitlist("clinic-w", "dr-nobody", { email: "x@example.com", days: [] }, { ip: null, now: NOW })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshotOf(WRITTEN)).toEqual(before);
  });

  it("is used by booking that doctor: the entry goes in the request's commit", async () => {
    await joinWaitlist("clinic-w", "dr-2", { email: "cy@example.com", days: [] }, { ip: null, now: NOW });
    await joinWaitlist("clinic-w", "dr-3", { email: "cy@example.com", days: [] }, { ip: null, now: NOW });
    await requestAppointment("clinic-w", "dr-2", { start: "2030-01-08T14:00:00.000Z", patient: { name: "Cy", email: "cy@example.com", phone: "+1 555 010 1234" }, reason: "Check-up" }, { source: "web", now: NOW });
    expect((await entryOf("clinic-w", "dr-2", "cy@example.com")).exists).toBe(false);
    expect((await entryOf("clinic-w", "dr-3", "cy@example.com")).exists).toBe(true);
  });
});

describe("leaving", () => {
  it("shows the place on GET without changing anything, and leaves on POST; a second POST finds nothing", async () => {
    await joinWaitlist("clinic-w", "dr-4", { email: "di@example.com", days: [] }, { ip: null, now: NOW });
    const [mail] = await mailTo("di@example.com");
    const query = Object.fromEntries(leaveLinkIn(mail!.message.text).searchParams);
    const before = await snapshotOf(["waitlist"]);
    expect(await readLeaveLink(query)).toEqual({ state: "waiting", doctorName: "Dr. dr-4", clinicName: "Test Clinic", clinicSlug: "clinic-w" });
    expect(await snapshotOf(["waitlist"])).toEqual(before);
    expect(await leaveWaitlist(query)).toEqual({ left: true });
    expect((await entryOf("clinic-w", "dr-4", "di@example.com")).exists).toBe(false);
    expect(await leaveWaitlist(query)).toEqual({ left: false });
    expect(await readLeaveLink(query)).toEqual({ state: "gone" });
  });

  it("refuses a link whose token is not the entry's, and malformed links, with a clear error, writing nothing", async () => {
    await joinWaitlist("clinic-w", "dr-5", { email: "ed@example.com", days: [] }, { ip: null, now: NOW });
    const id = waitlistEntryId("clinic-w", "dr-5", "ed@example.com");
    const before = await snapshotOf(["waitlist"]);
    const forged = { w: id, t: "A".repeat(43) };
    expect(await readLeaveLink(forged)).toEqual({ state: "gone" });
    await expect(leaveWaitlist(forged)).rejects.toMatchObject({ code: "not_found" });
    for (const bad of [{}, { w: id }, { w: id, t: "short" }, { w: "a/b", t: "A".repeat(43) }, { w: id, t: ["x", "y"] }, null]) {
      await expect(readLeaveLink(bad)).rejects.toMatchObject({ code: "invalid_request", message: WAITLIST_MESSAGES.leaveLinkBroken });
      await expect(leaveWaitlist(bad)).rejects.toMatchObject({ code: "invalid_request", message: WAITLIST_MESSAGES.leaveLinkBroken });
    }
    expect(await snapshotOf(["waitlist"])).toEqual(before);
  });
});
