import { beforeEach, describe, expect, it } from "vitest";
import { ERASED } from "@/lib/domain/privacy/erasure";
import { DAY_MS } from "@/lib/domain/slots/local-time";
import { NOW, at, callers, later } from "@/tests/helpers/review-fixtures";
import { ADA, ADA_SECRETS, bookAs, fAdmin, seedPatientWorld, type PatientWorld } from "@/tests/helpers/privacy-fixtures";
import { db } from "@/lib/server/firebase";
import { declineAppointment } from "@/lib/server/appointments/review";
import { getRetentionSettings, sweepRetention, updateRetentionSettings } from "./retention";

// The world's requests at clinic F ended at: declined later(2), cancelled later(3) (NOW = 2030-01-07 12:00Z);
// the visit started 2030-01-08 14:00Z; Bob's request is still pending. Clinic A has Ada's pending request.
let world: PatientWorld;
beforeEach(async () => {
  world = await seedPatientWorld();
});

const erased = async (id: string) => Boolean((await db().doc(`appointments/${id}`).get()).get("erasedAt"));
const erasedSet = async (ids: string[]) => (await Promise.all(ids.map(async (id) => ((await erased(id)) ? id : null)))).filter(Boolean);
const everyId = () => [world.visit.id, world.declined.id, world.cancelled.id, world.bobAtF.id, world.adaAtA.id];

describe("the retention settings", () => {
  it("default to 90 days and no visit period, and save for admins only", async () => {
    expect(await getRetentionSettings(fAdmin)).toEqual({ requestDays: 90, visitYears: null });
    await updateRetentionSettings(fAdmin, { requestDays: 30, visitYears: 10 });
    expect(await getRetentionSettings(fAdmin)).toEqual({ requestDays: 30, visitYears: 10 });
    await updateRetentionSettings(fAdmin, { requestDays: 30, visitYears: null });
    expect(await getRetentionSettings(fAdmin)).toEqual({ requestDays: 30, visitYears: null });
    await expect(updateRetentionSettings(callers.freeStaff, { requestDays: 1, visitYears: null })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the retention sweep", () => {
  it("erases exactly the requests past the clinic's period, one at a time as each passes it", async () => {
    await updateRetentionSettings(fAdmin, { requestDays: 30, visitYears: null });
    const declinedEnd = later(2).getTime();
    // A millisecond before the declined request's 30 days are up: nothing.
    expect(await sweepRetention(new Date(declinedEnd + 30 * DAY_MS - 1))).toMatchObject({ erased: 0, failed: 0 });
    expect(await erasedSet(everyId())).toEqual([]);
    // At 30 days: the declined one only (the cancelled one ended an hour later).
    expect(await sweepRetention(new Date(declinedEnd + 30 * DAY_MS))).toMatchObject({ erased: 1, failed: 0 });
    expect(await erasedSet(everyId())).toEqual([world.declined.id]);
    expect(await sweepRetention(new Date(declinedEnd + 30 * DAY_MS + 3600_000))).toMatchObject({ erased: 1 });
    // The visit has no period set, Bob's request is pending, and clinic A keeps requests 90 days (its own is pending anyway).
    expect((await erasedSet(everyId())).sort()).toEqual([world.declined.id, world.cancelled.id].sort());
    const doc = (await db().doc(`appointments/${world.declined.id}`).get()).data()!;
    expect(doc).toMatchObject({ status: "declined", patient: { name: ERASED, email: ERASED, phone: ERASED }, reason: ERASED });
    expect(JSON.stringify(doc)).not.toContain(ADA.email);
    expect((await db().collection("mail").where("appointmentId", "==", world.declined.id).get()).size).toBe(0);
  });

  it("uses 90 days where the clinic set nothing", async () => {
    const declinedEnd = later(2).getTime();
    await sweepRetention(new Date(declinedEnd + 89 * DAY_MS));
    expect(await erasedSet(everyId())).toEqual([]);
    await sweepRetention(new Date(declinedEnd + 90 * DAY_MS));
    expect(await erasedSet(everyId())).toEqual([world.declined.id]);
  });

  it("erases visits after the clinic's years, counted from the visit", async () => {
    await updateRetentionSettings(fAdmin, { requestDays: 3650, visitYears: 2 });
    await sweepRetention(new Date("2032-01-08T13:59:59.999Z"));
    expect(await erasedSet(everyId())).toEqual([]);
    await sweepRetention(new Date("2032-01-08T14:00:00Z"));
    expect(await erasedSet(everyId())).toEqual([world.visit.id]);
    const visit = (await db().doc(`visits/${world.visit.id}`).get()).data()!;
    expect(visit).toMatchObject({ status: "completed", notes: ERASED });
    for (const secret of ADA_SECRETS) expect(JSON.stringify(visit)).not.toContain(secret);
  });

  it("is idempotent and resumable: a rerun erases nothing twice, a run out of time continues where it stopped", async () => {
    await updateRetentionSettings(fAdmin, { requestDays: 1, visitYears: null });
    // Two more ended requests, so pages of one take several rounds.
    for (const time of ["13:00", "13:40"]) {
      const { id } = await bookAs(ADA, "clinic-f", "dr-f1", at(time));
      await declineAppointment(callers.freeStaff, id, { reason: "Full." }, { now: later(4) });
    }
    const when = new Date(later(4).getTime() + 2 * DAY_MS);
    // A clock that moves one "ms" per look: the budget runs out part-way through clinic F's pages.
    let ticks = 0;
    const first = await sweepRetention(when, { pageSize: 1, budgetMs: 8, clock: () => ticks++ });
    expect(first.more).toBe(true);
    const afterFirst = first.erased;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(4);
    const second = await sweepRetention(when, { pageSize: 1 });
    expect(afterFirst + second.erased).toBe(4);
    expect(second.more).toBe(false);
    const log = await db().collection("accessLog").where("action", "==", "retention_erase").get();
    expect(log.size).toBe(4);
    expect(await sweepRetention(when, { pageSize: 1 })).toMatchObject({ erased: 0, checked: 0 });
    expect((await db().collection("accessLog").where("action", "==", "retention_erase").get()).size).toBe(4);
  });
});

describe("the waiting list's retention", () => {
  it("deletes entries (and the email they hold) once their 30 days are over, not before", async () => {
    // The world has Ada waiting at clinics F and A since NOW.
    const entries = async () => (await db().collection("waitlist").get()).docs.map((d) => d.get("email"));
    expect(await entries()).toEqual([ADA.email, ADA.email]);
    expect(await sweepRetention(new Date(NOW.getTime() + 30 * DAY_MS - 1))).toMatchObject({ waitlistDeleted: 0 });
    expect(await entries()).toHaveLength(2);
    expect(await sweepRetention(new Date(NOW.getTime() + 30 * DAY_MS))).toMatchObject({ waitlistDeleted: 2 });
    expect(await entries()).toEqual([]);
  });
});
