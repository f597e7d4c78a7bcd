import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { NOTES_MAX } from "@/lib/domain/visits";
import { at, book, callers, history, later, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import type { AppointmentPayment } from "@/lib/server/appointments/model";
import { cancelByClinic } from "@/lib/server/appointments/clinic-cancel";
import { approveAppointment, proposeNewTime } from "@/lib/server/appointments/review";
import { db } from "@/lib/server/firebase";
import { getVisit, listVisits, saveVisitNotes, setVisitOutcome } from "./staff-visits";

// The schedule's verbs on the free clinic F, whose approval confirms at once
// and creates the visit (the real path). Callers are resolved members, as
// caller.ts builds them; clinic A's members are "another clinic".

const base = { clinicId: "clinic-f", clinicName: "clinic-f" };
const f = {
  staff: callers.freeStaff,
  admin: { ...base, uid: "f-admin", email: "admin@f.test", name: "Fia Admin", role: "admin" } as Caller,
  doctor: { ...base, uid: "f-doc1", email: "doc1@f.test", name: "Dr. Eff", role: "doctor", doctorId: "dr-f1" } as Caller,
  otherDoctor: { ...base, uid: "f-doc2", email: "doc2@f.test", name: "Dr. Gee", role: "doctor", doctorId: "dr-f2" } as Caller,
};
const VISIT_START = at("09:00"); // Tue 2030-01-08 09:00 EST
const DAY = { from: Date.parse("2030-01-08T05:00:00Z"), to: Date.parse("2030-01-09T05:00:00Z") };
const afterStart = new Date(Date.parse(VISIT_START) + 5 * 60_000);

async function confirmedVisit(start = VISIT_START, email?: string): Promise<string> {
  const { id } = await book(start, { slug: "clinic-f", doctorId: "dr-f1", ...(email ? { email } : {}) });
  await expect(approveAppointment(f.staff, id, { now: later(1) })).resolves.toMatchObject({ status: "confirmed" });
  return id;
}

const REFUSED: [string, Caller | null, string][] = [
  ["anonymous", null, "unauthenticated"],
  ["another clinic's admin", callers.admin, "not_found"],
  ["the doctor of another doctor", f.otherDoctor, "not_found"],
];

beforeEach(seedReviewWorld);

describe("listVisits", () => {
  it("lists the day's confirmed visits earliest first, leaving out cancelled ones", async () => {
    const late = await confirmedVisit(at("11:00"), "late@example.com");
    const early = await confirmedVisit(at("09:00"));
    const gone = await confirmedVisit(at("10:20"), "gone@example.com");
    await db().doc(`visits/${gone}`).update({ status: "cancelled" });
    const list = await listVisits(f.doctor, { doctorId: "dr-f1", ...DAY });
    expect(list.map((v) => v.id)).toEqual([early, late]);
    expect(list[0]).toMatchObject({ patientName: "Ada Patient", reason: "SECRET-REASON chest pain", status: "scheduled" });
    expect(await listVisits(f.doctor, { doctorId: "dr-f1", from: DAY.to, to: DAY.to + 86_400_000 })).toEqual([]);
  });

  it("lets staff and admins read any doctor's schedule, a doctor only their own", async () => {
    await confirmedVisit();
    for (const caller of [f.staff, f.admin, f.doctor]) {
      expect(await listVisits(caller, { doctorId: "dr-f1", ...DAY })).toHaveLength(1);
    }
    await expect(listVisits(f.otherDoctor, { doctorId: "dr-f1", ...DAY })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listVisits(null, { doctorId: "dr-f1", ...DAY })).rejects.toMatchObject({ code: "unauthenticated" });
    // Another clinic asks for the same doctor id: its own clinic has no such visits.
    expect(await listVisits(callers.admin, { doctorId: "dr-f1", ...DAY })).toEqual([]);
  });

  it("refuses a malformed doctor id or range", async () => {
    await expect(listVisits(f.staff, { doctorId: "../x", ...DAY })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(listVisits(f.staff, { doctorId: "dr-f1", from: DAY.to, to: DAY.from })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(listVisits(f.staff, { doctorId: "dr-f1", from: 0, to: 30 * 86_400_000 })).rejects.toMatchObject({ code: "invalid_request" });
  });
});

describe("getVisit", () => {
  it("shows the clinic's members the patient, the history and the payment state", async () => {
    const id = await confirmedVisit();
    for (const caller of [f.staff, f.admin, f.doctor]) {
      const visit = await getVisit(caller, id);
      expect(visit.patient.email).toBe("ada@example.com");
      expect(visit.history.map((h) => h.action)).toEqual(["request", "approve"]);
      expect(visit.payment).toMatchObject({ state: "free" });
      expect(visit.canWriteNotes).toBe(caller !== f.staff);
      expect(visit.canSetOutcome).toBe(true);
    }
  });

  it.each(REFUSED)("refuses %s", async (_who, caller, code) => {
    const id = await confirmedVisit();
    await expect(getVisit(caller, id)).rejects.toMatchObject({ code });
  });

  it("reads the payment the payments code records: paid, then refunded", async () => {
    const id = await confirmedVisit();
    const payment: AppointmentPayment = {
      status: "paid",
      amountCents: 5000,
      currency: "usd",
      intentId: "pi_1",
      chargeId: "ch_1",
      paidAt: Timestamp.fromMillis(500),
      refundReason: null,
      refundId: null,
      refundedCents: 0,
      refundedAt: null,
      flagged: null,
    };
    await db().doc(`appointments/${id}`).update({ payment });
    expect((await getVisit(f.staff, id)).payment).toEqual({ state: "paid", amountCents: 5000, currency: "USD", refundedAt: null });
    await db().doc(`appointments/${id}`).update({ payment: { ...payment, status: "refunded", refundedCents: 5000, refundedAt: Timestamp.fromMillis(1_000) } });
    expect((await getVisit(f.staff, id)).payment).toEqual({ state: "refunded", amountCents: 5000, currency: "USD", refundedAt: 1_000 });
  });

  it("answers unknown and malformed ids with not_found", async () => {
    await expect(getVisit(f.staff, "nosuchvisit")).rejects.toMatchObject({ code: "not_found" });
    await expect(getVisit(f.staff, "../appointments/x")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("saveVisitNotes", () => {
  it("saves for the visit's doctor and an admin, bumping the version", async () => {
    const id = await confirmedVisit();
    await expect(saveVisitNotes(f.doctor, id, { notes: "BP 120/80", expectedVersion: 0 })).resolves.toMatchObject({ notesVersion: 1 });
    await expect(saveVisitNotes(f.admin, id, { notes: "BP 120/80. Follow up.", expectedVersion: 1 })).resolves.toMatchObject({
      notesVersion: 2,
    });
    expect(await getVisit(f.staff, id)).toMatchObject({ notes: "BP 120/80. Follow up.", notesVersion: 2, notesUpdatedBy: "Fia Admin" });
  });

  it.each([...REFUSED, ["staff (they read notes, never write them)", f.staff, "forbidden"] as [string, Caller, string]])(
    "refuses %s, writing nothing",
    async (_who, caller, code) => {
      const id = await confirmedVisit();
      const before = await snapshotAll();
      await expect(saveVisitNotes(caller, id, { notes: "x", expectedVersion: 0 })).rejects.toMatchObject({ code });
      expect(await snapshotAll()).toEqual(before);
    },
  );

  it("refuses a save from a stale version (another tab saved first) and keeps the other text", async () => {
    const id = await confirmedVisit();
    await saveVisitNotes(f.doctor, id, { notes: "from tab one", expectedVersion: 0 });
    await expect(saveVisitNotes(f.doctor, id, { notes: "from tab two", expectedVersion: 0 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/changed elsewhere \(Dr\. Eff at \d+:\d\d [AP]M\)/),
    });
    expect((await getVisit(f.doctor, id)).notes).toBe("from tab one");
  });

  it("refuses notes over the cap with a clear message, and malformed input", async () => {
    const id = await confirmedVisit();
    await expect(saveVisitNotes(f.doctor, id, { notes: "x".repeat(NOTES_MAX + 1), expectedVersion: 0 })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringContaining("at most 20,000 characters"),
    });
    await expect(saveVisitNotes(f.doctor, id, { notes: 5, expectedVersion: 0 })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(saveVisitNotes(f.doctor, id, { notes: "x" })).rejects.toMatchObject({ code: "invalid_request" });
    expect((await getVisit(f.doctor, id)).notesVersion).toBe(0);
  });
});

describe("setVisitOutcome", () => {
  it("marks completed in one commit with a history entry under the next version", async () => {
    const id = await confirmedVisit();
    await expect(setVisitOutcome(f.doctor, id, "completed", afterStart)).resolves.toBe("completed");
    const entries = await history(id);
    expect(entries.at(-1)).toMatchObject({ action: "complete", from: "confirmed", to: "confirmed", by: "f-doc1", byName: "Dr. Eff" });
    const appointment = (await db().doc(`appointments/${id}`).get()).data()!;
    expect(appointment).toMatchObject({ status: "confirmed", version: entries.length });
    expect((await listVisits(f.staff, { doctorId: "dr-f1", ...DAY }))[0]!.status).toBe("completed");
  });

  it("lets staff and admins mark a no-show; a second outcome is refused", async () => {
    for (const caller of [f.staff, f.admin]) {
      await seedReviewWorld();
      const id = await confirmedVisit();
      await expect(setVisitOutcome(caller, id, "no_show", afterStart)).resolves.toBe("no_show");
      await expect(setVisitOutcome(caller, id, "completed", afterStart)).rejects.toMatchObject({
        code: "conflict",
        message: "This visit is already marked No-show.",
      });
      expect((await history(id)).filter((h) => h.action === "no_show")).toHaveLength(1);
    }
  });

  it("refuses before the visit's start, writing nothing", async () => {
    const id = await confirmedVisit();
    const before = await snapshotAll();
    await expect(setVisitOutcome(f.doctor, id, "completed", new Date(Date.parse(VISIT_START) - 1000))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("once its start time has come"),
    });
    expect(await snapshotAll()).toEqual(before);
  });

  it.each(REFUSED)("refuses %s, writing nothing", async (_who, caller, code) => {
    const id = await confirmedVisit();
    const before = await snapshotAll();
    await expect(setVisitOutcome(caller, id, "completed", afterStart)).rejects.toMatchObject({ code });
    expect(await snapshotAll()).toEqual(before);
  });

  it("refuses an unknown outcome", async () => {
    const id = await confirmedVisit();
    await expect(setVisitOutcome(f.doctor, id, "vanished", afterStart)).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("lets only one of two racing outcomes land", async () => {
    const id = await confirmedVisit();
    const results = await Promise.allSettled([
      setVisitOutcome(f.doctor, id, "completed", afterStart),
      setVisitOutcome(f.staff, id, "no_show", afterStart),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const outcomes = (await history(id)).filter((h) => h.action === "complete" || h.action === "no_show");
    expect(outcomes).toHaveLength(1);
  });
});

describe("a visit that has taken place", () => {
  // Its appointment stays "confirmed", so the state machine alone would let
  // staff move or call it off; the verbs refuse in their transaction.
  for (const outcome of ["completed", "no_show"] as const) {
    it(`can't be moved or cancelled once marked ${outcome}, and nothing is written`, async () => {
      const id = await confirmedVisit();
      await expect(setVisitOutcome(f.staff, id, outcome, afterStart)).resolves.toBe(outcome);
      const before = await snapshotAll();
      const refused = { code: "conflict", message: "This visit has already taken place." };
      await expect(proposeNewTime(f.staff, id, { start: at("13:00") }, { now: afterStart })).rejects.toMatchObject(refused);
      await expect(cancelByClinic(f.staff, id, { reason: "Dr. is ill" }, { now: afterStart })).rejects.toMatchObject(refused);
      await expect(cancelByClinic(f.admin, id, { reason: "Dr. is ill" }, { now: afterStart })).rejects.toMatchObject(refused);
      expect(await snapshotAll()).toEqual(before);
    });
  }

  it("a still-scheduled visit after its start can still be moved (the refusal is the outcome's, not the clock's)", async () => {
    const id = await confirmedVisit();
    await expect(proposeNewTime(f.staff, id, { start: at("13:00") }, { now: afterStart })).resolves.toMatchObject({ status: "rescheduled" });
  });
});
