import { Timestamp } from "firebase-admin/firestore";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { one, parseIcs, parseUtc, type IcsComponent } from "@/lib/domain/calendar-feed/testing/parse-ics";
import { seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { appNow } from "@/lib/server/clock";
import { db } from "@/lib/server/firebase";
import { hashToken } from "@/lib/server/appointments/tokens";
import { cancelVisit, moveVisit, visits } from "@/lib/server/visits/visit-docs";
import { createCalendarFeed, getFeedStates, renderFeed, setFeedFirstNames } from "./feeds";

const base = { clinicId: "clinic-test", clinicName: "Test Clinic" };
const callers = {
  admin: { ...base, uid: "admin", email: "admin@test.test", name: "Ann Admin", role: "admin" },
  staff: { ...base, uid: "staff", email: "staff@test.test", name: "Sid Staff", role: "staff" },
  doctor: { ...base, uid: "doc-one", email: "one@test.test", name: "Dr. One", role: "doctor", doctorId: "dr-one" },
  doctorTwo: { ...base, uid: "doc-two", email: "two@test.test", name: "Dr. Two", role: "doctor", doctorId: "dr-two" },
  otherDoctor: { clinicId: "clinic-b", clinicName: "B", uid: "doc-b", email: "b@test.test", name: "Dr. B", role: "doctor", doctorId: "dr-one" },
} satisfies Record<string, Caller>;

const HOUR = 3_600_000;
const tokenOf = (url: string) => /\/api\/feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
const events = (ics: string): IcsComponent[] => parseIcs(ics).children.filter((c) => c.name === "VEVENT");
const byUid = (ics: string) => Object.fromEntries(events(ics).map((e) => [one(e, "UID"), e]));

async function seedVisit(id: string, o: { clinicId?: string; doctorId: string; doctorName?: string; startIn: number; status?: string; sequence?: number }) {
  const start = appNow().getTime() + o.startIn;
  await visits().doc(id).set({
    clinicId: o.clinicId ?? "clinic-test",
    doctorId: o.doctorId,
    doctorName: o.doctorName ?? `Dr. ${o.doctorId}`,
    appointmentId: id,
    start: Timestamp.fromMillis(start),
    end: Timestamp.fromMillis(start + 30 * 60_000),
    timezone: "America/New_York",
    patient: { name: "Ada Lovelace", email: "ada@example.com", phone: "+1 555 0100" },
    reason: "Persistent cough, private",
    status: o.status ?? "scheduled",
    notes: "secret notes",
    ...(o.sequence === undefined ? {} : { sequence: o.sequence }),
    createdAt: Timestamp.fromMillis(start - 48 * HOUR),
    updatedAt: Timestamp.fromMillis(start - 24 * HOUR),
  });
}

beforeAll(() => {
  db();
});

beforeEach(async () => {
  await clearFirestore();
  await seedClinic({ doctors: [{ id: "dr-one" }, { id: "dr-two" }] });
  await seedClinic({ id: "clinic-b", slug: "clinic-b", doctors: [{ id: "dr-one" }] });
  for (const caller of Object.values(callers)) {
    const { uid, ...member } = caller;
    await testDb().doc(`members/${uid}`).set({ clinicId: member.clinicId, role: member.role, email: member.email, name: member.name, ...("doctorId" in member ? { doctorId: member.doctorId } : {}) });
  }
  await seedVisit("v1", { doctorId: "dr-one", startIn: 24 * HOUR });
  await seedVisit("v2", { doctorId: "dr-one", startIn: 48 * HOUR, status: "cancelled", sequence: 2 });
  await seedVisit("v3", { doctorId: "dr-two", startIn: 24 * HOUR });
  await seedVisit("vb", { clinicId: "clinic-b", doctorId: "dr-one", startIn: 24 * HOUR });
  await seedVisit("old", { doctorId: "dr-one", startIn: -60 * 24 * HOUR });
});

describe("a doctor's feed", () => {
  it("is made with a 256-bit token stored only as its SHA-256, and lists the doctor's own visits with no patient data", async () => {
    const { url } = await createCalendarFeed(callers.doctor, "doctor");
    expect(url).toMatch(new RegExp(`^${process.env.APP_URL!.replace(/\/$/, "")}/api/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    const token = tokenOf(url);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await testDb().collection("calendarFeeds").get();
    expect(stored.docs.map((d) => d.id)).toEqual([hashToken(token)]);
    const owner = await testDb().doc("calendarFeedOwners/doc-one_doctor").get();
    expect(JSON.stringify([stored.docs[0]!.data(), owner.data()])).not.toContain(token);

    const feed = (await renderFeed(token))!;
    const found = byUid(feed.ics);
    // Its own clinic's, its own doctor's, in the window (not 60 days ago); the cancelled one marked so.
    expect(Object.keys(found).sort()).toEqual(["visit-v1@clinic-booking", "visit-v2@clinic-booking"]);
    expect(one(found["visit-v1@clinic-booking"]!, "STATUS")).toBe("CONFIRMED");
    expect(one(found["visit-v1@clinic-booking"]!, "SEQUENCE")).toBe("0");
    expect(one(found["visit-v2@clinic-booking"]!, "STATUS")).toBe("CANCELLED");
    expect(one(found["visit-v2@clinic-booking"]!, "SEQUENCE")).toBe("2");
    expect(one(found["visit-v1@clinic-booking"]!, "SUMMARY")).toBe("Visit");
    const v1 = (await visits().doc("v1").get()).get("start") as Timestamp;
    expect(parseUtc(one(found["visit-v1@clinic-booking"]!, "DTSTART"))).toBe(Math.floor(v1.toMillis() / 1000) * 1000);
    for (const secret of ["Ada", "Lovelace", "ada@example.com", "555", "cough", "secret notes"]) expect(feed.ics).not.toContain(secret);
  });

  it("stops the old address at once when a new one is made", async () => {
    const first = tokenOf((await createCalendarFeed(callers.doctor, "doctor")).url);
    const second = tokenOf((await createCalendarFeed(callers.doctor, "doctor")).url);
    expect(second).not.toBe(first);
    expect(await renderFeed(first)).toBeNull();
    expect(await renderFeed(second)).not.toBeNull();
    expect((await testDb().collection("calendarFeeds").get()).size).toBe(1);
    expect((await getFeedStates(callers.doctor)).map((s) => s.scope)).toEqual(["doctor"]);
  });

  it("follows a move with a higher SEQUENCE and the new time, and a cancellation with STATUS:CANCELLED", async () => {
    const token = tokenOf((await createCalendarFeed(callers.doctor, "doctor")).url);
    const newStart = Timestamp.fromMillis(appNow().getTime() + 72 * HOUR);
    await db().runTransaction(async (tx) => {
      moveVisit(tx, await tx.get(visits().doc("v1")), { start: newStart, end: Timestamp.fromMillis(newStart.toMillis() + 30 * 60_000) });
    });
    let v1 = byUid((await renderFeed(token))!.ics)["visit-v1@clinic-booking"]!;
    expect(one(v1, "SEQUENCE")).toBe("1");
    expect(parseUtc(one(v1, "DTSTART"))).toBe(Math.floor(newStart.toMillis() / 1000) * 1000);
    await db().runTransaction(async (tx) => cancelVisit(tx, await tx.get(visits().doc("v1"))));
    v1 = byUid((await renderFeed(token))!.ics)["visit-v1@clinic-booking"]!;
    expect(one(v1, "SEQUENCE")).toBe("2");
    expect(one(v1, "STATUS")).toBe("CANCELLED");
  });

  it("stops when the member leaves the clinic or is no longer that doctor", async () => {
    const token = tokenOf((await createCalendarFeed(callers.doctor, "doctor")).url);
    await testDb().doc("members/doc-one").update({ doctorId: "dr-two" });
    expect(await renderFeed(token)).toBeNull();
    await testDb().doc("members/doc-one").update({ doctorId: "dr-one" });
    expect(await renderFeed(token)).not.toBeNull();
    await testDb().doc("members/doc-one").delete();
    expect(await renderFeed(token)).toBeNull();
  });
});

describe("the clinic feed and first names", () => {
  it("gives an admin every doctor's visits of the clinic, named by doctor", async () => {
    const token = tokenOf((await createCalendarFeed(callers.admin, "clinic")).url);
    const found = byUid((await renderFeed(token))!.ics);
    expect(Object.keys(found).sort()).toEqual(["visit-v1@clinic-booking", "visit-v2@clinic-booking", "visit-v3@clinic-booking"]);
    expect(one(found["visit-v3@clinic-booking"]!, "SUMMARY")).toBe("Visit with Dr. dr-two");
  });

  it("shows the first name only once the clinic opts in, and only admins choose", async () => {
    const token = tokenOf((await createCalendarFeed(callers.admin, "clinic")).url);
    await expect(setFeedFirstNames(callers.staff, true)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setFeedFirstNames(callers.doctor, true)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setFeedFirstNames(callers.admin, "yes")).rejects.toMatchObject({ code: "invalid_request" });
    await setFeedFirstNames(callers.admin, true);
    const ics = (await renderFeed(token))!.ics;
    expect(one(byUid(ics)["visit-v1@clinic-booking"]!, "SUMMARY")).toBe("Visit: Ada with Dr. dr-one");
    expect(ics).not.toContain("Lovelace");
    await setFeedFirstNames(callers.admin, false);
    expect((await renderFeed(token))!.ics).not.toContain("Ada");
  });

  it("lets each role make only its own feeds", async () => {
    await expect(createCalendarFeed(null, "doctor")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(createCalendarFeed(callers.staff, "clinic")).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCalendarFeed(callers.staff, "doctor")).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCalendarFeed(callers.doctor, "clinic")).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCalendarFeed(callers.admin, "doctor")).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCalendarFeed(callers.admin, "everything")).rejects.toMatchObject({ code: "invalid_request" });
    expect((await testDb().collection("calendarFeeds").get()).size).toBe(0);
  });
});
