import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/firebase";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, history, later, mailFor, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { acceptProposal, getPatientAppointment, rejectProposal, STALE_PROPOSAL } from "./patient";
import { getRequestDetail } from "./queue";
import { approveAppointment, proposeNewTime } from "./review";
import { ORIGINAL_TIME_TAKEN, withdrawProposal } from "./withdraw-proposal";

// Staff withdraw the time they proposed, or propose a different one, while
// the patient hasn't answered: the appointment goes back to where it stood
// at its original time, and the patient can only answer the proposal they see.

const { staff, freeStaff } = callers;
const proposedAt = later(1);
const withdrawnAt = later(2);
const free = { slug: "clinic-f", doctorId: "dr-f1" };

beforeEach(seedReviewWorld);

const latestMail = async (id: string) =>
  (await mailFor(id)).filter((m) => m.to === "ada@example.com").sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis()).at(-1)!;
const visitStart = async (id: string) => ((await db().doc(`visits/${id}`).get()).get("start") as { toMillis(): number }).toMillis();

describe("withdraw a proposal made from a request", () => {
  it("back to pending at the original time, re-held by the clinic's rule; the proposed time released; history and the patient's email in the same commit", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: proposedAt });
    expect(await withdrawProposal(staff, id, { expectedVersion: 2, now: withdrawnAt })).toEqual({ status: "pending", version: 3, timeHeld: true });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "pending", timeHeld: true, proposal: null });
    expect(a.start.toMillis()).toBe(Date.parse(at("09:00")));
    expect(a.expiresAt.toMillis()).toBe(withdrawnAt.getTime() + 24 * 3600_000);
    await expectLocksMatchLiveAppointments();
    expect((await history(id))[2]).toMatchObject({ action: "withdraw", from: "rescheduled", to: "pending", actor: "staff", byName: "Sam Lee", note: expect.stringContaining("Back to the original time") });
    const mail = await latestMail(id);
    expect(mail.message.text).toMatch(/The clinic withdrew the time it proposed, Tue, Jan 8, 2030, 11:00 AM/);
    expect(mail.message.text).toContain("back with the clinic for review");
    const page = await getPatientAppointment(id, token);
    expect(page).toMatchObject({ status: "pending", next: { step: "wait" }, proposal: null, timeHeld: true });
    expect(page.withdrawnProposal?.start).toBe(at("11:00"));
    // Back to review: it can be approved again.
    expect(await approveAppointment(staff, id, { now: withdrawnAt })).toMatchObject({ status: "approved" });
  });

  it("an approval goes back to pending (to be approved and paid again)", async () => {
    const { id } = await book(at("09:00"));
    await approveAppointment(staff, id, { now: proposedAt });
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: proposedAt });
    expect(await withdrawProposal(staff, id, { now: withdrawnAt })).toMatchObject({ status: "pending", timeHeld: true });
    await expectLocksMatchLiveAppointments();
  });

  it("the original time taken meanwhile: pending holding no time, so staff propose another time or decline", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: proposedAt });
    await book(at("09:00"), { email: "bo@example.com", now: proposedAt });
    expect(await withdrawProposal(staff, id, { now: withdrawnAt })).toMatchObject({ status: "pending", timeHeld: false });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "pending", timeHeld: false, lockIds: [], proposal: null });
    expect(a.start.toMillis()).toBe(Date.parse(at("09:00")));
    await expectLocksMatchLiveAppointments();
    expect((await history(id)).at(-1)!.note).toContain("is no longer free");
    expect((await latestMail(id)).message.text).toContain("has since been taken");
    expect(await getPatientAppointment(id, token)).toMatchObject({ timeHeld: false, withdrawnProposal: { start: at("11:00"), originalTimeLost: "taken" } });
    // Staff read that they withdrew it, not that the patient turned it down.
    expect(await getRequestDetail(staff, id)).toMatchObject({ timeHeld: false, withdrawnStart: Date.parse(at("11:00")), turnedDownStart: null });
    await expect(approveAppointment(staff, id, { now: withdrawnAt })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a proposal made after the patient turned one down: back to holding no time, and nobody is told the original time was taken", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: proposedAt });
    const seen = (await getPatientAppointment(id, token)).proposal!.at;
    await rejectProposal(id, token, later(1.2), seen);
    await proposeNewTime(staff, id, { start: at("13:00") }, { now: later(1.5) });
    expect(await withdrawProposal(staff, id, { now: withdrawnAt })).toMatchObject({ status: "pending", timeHeld: false });
    expect((await appointment(id)).withdrawnProposal).toMatchObject({ originalTimeLost: "not_held" });
    expect((await history(id)).at(-1)!.note).toBe("The request held no time when the proposal was made: no time is held.");
    const text = (await latestMail(id)).message.text;
    expect(text).toContain("back where it stood before that proposal");
    expect(text).not.toContain("taken");
    // The latest event is the withdrawal: it is what staff read, though a turned-down time is on record too.
    expect(await getRequestDetail(staff, id)).toMatchObject({ withdrawnStart: Date.parse(at("13:00")), turnedDownStart: Date.parse(at("11:00")) });
    await expectLocksMatchLiveAppointments();
  });
});

describe("withdraw a proposal that moved a confirmed visit", () => {
  it("confirmed again at the original time, its locks permanent and the visit moved back", async () => {
    const { id, token } = await book(at("09:00"), free);
    await approveAppointment(freeStaff, id, { now: proposedAt });
    await proposeNewTime(freeStaff, id, { start: at("11:00") }, { now: proposedAt });
    expect(await visitStart(id)).toBe(Date.parse(at("11:00")));
    expect(await withdrawProposal(freeStaff, id, { now: withdrawnAt })).toMatchObject({ status: "confirmed", timeHeld: true });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "confirmed", expiresAt: null, proposal: null });
    expect(a.start.toMillis()).toBe(Date.parse(at("09:00")));
    expect(await visitStart(id)).toBe(Date.parse(at("09:00")));
    await expectLocksMatchLiveAppointments();
    expect((await latestMail(id)).message.subject).toMatch(/^Your visit stays at Tue, Jan 8, 2030, 9:00 AM/);
    expect(await getPatientAppointment(id, token)).toMatchObject({ status: "confirmed", proposal: null });
  });

  it("the original time taken meanwhile: 409 'propose another time instead', and nothing is written", async () => {
    const { id } = await book(at("09:00"), free);
    await approveAppointment(freeStaff, id, { now: proposedAt });
    await proposeNewTime(freeStaff, id, { start: at("11:00") }, { now: proposedAt });
    await book(at("09:00"), { ...free, email: "bo@example.com", now: proposedAt });
    const before = await snapshotAll();
    await expect(withdrawProposal(freeStaff, id, { now: withdrawnAt })).rejects.toMatchObject({ code: "conflict", message: ORIGINAL_TIME_TAKEN });
    expect(await snapshotAll()).toEqual(before);
  });
});

describe("propose a different time while one awaits the patient", () => {
  it("replaces the proposed time, keeps the original; withdrawing then restores the real original", async () => {
    const { id } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: proposedAt });
    expect(await proposeNewTime(staff, id, { start: at("13:00"), message: "Afternoon instead" }, { now: later(1.5) })).toMatchObject({ status: "rescheduled", version: 3 });
    const a = await appointment(id);
    expect(a.start.toMillis()).toBe(Date.parse(at("13:00")));
    expect(a.proposal.previousStart.toMillis()).toBe(Date.parse(at("09:00")));
    expect(a.proposal.fromStatus).toBe("pending");
    await expectLocksMatchLiveAppointments();
    const mail = await latestMail(id);
    expect(mail.message.subject).toMatch(/^The clinic proposed a different time: Tue, Jan 8, 2030, 1:00 PM/);
    expect(mail.message.text).toMatch(/withdrew the time it proposed, Tue, Jan 8, 2030, 11:00 AM.*proposes Tue, Jan 8, 2030, 1:00 PM.*original time, Tue, Jan 8, 2030, 9:00 AM/s);
    await withdrawProposal(staff, id, { now: withdrawnAt });
    expect((await appointment(id)).start.toMillis()).toBe(Date.parse(at("09:00")));
    await expectLocksMatchLiveAppointments();
  });

  it("an answer to the earlier proposal is refused with nothing written; the current one is accepted", async () => {
    const { id, token } = await book(at("09:00"), free);
    await proposeNewTime(freeStaff, id, { start: at("11:00") }, { now: proposedAt });
    const seen = (await getPatientAppointment(id, token)).proposal!.at;
    await proposeNewTime(freeStaff, id, { start: at("13:00") }, { now: later(1.5) });
    const before = await snapshotAll();
    await expect(acceptProposal(id, token, withdrawnAt, seen)).rejects.toMatchObject({ code: "conflict", message: STALE_PROPOSAL });
    await expect(rejectProposal(id, token, withdrawnAt, seen)).rejects.toMatchObject({ code: "conflict", message: STALE_PROPOSAL });
    expect(await snapshotAll()).toEqual(before);
    const current = (await getPatientAppointment(id, token)).proposal!.at;
    expect(await acceptProposal(id, token, withdrawnAt, current)).toBe("confirmed");
    expect((await appointment(id)).start.toMillis()).toBe(Date.parse(at("13:00")));
  });
});

describe("a withdrawal racing the patient's accept", () => {
  it("exactly one wins; the locks match what the winner left", { timeout: 60_000 }, async () => {
    const wins = { withdraw: 0, accept: 0 };
    for (let round = 0; round < 6; round++) {
      await seedReviewWorld();
      const { id, token } = await book(at("09:00"));
      await proposeNewTime(staff, id, { start: at("11:00") }, { now: proposedAt });
      const seen = (await getPatientAppointment(id, token)).proposal!.at;
      const ops = round % 2 === 0
        ? [withdrawProposal(staff, id, { now: withdrawnAt }), acceptProposal(id, token, withdrawnAt, seen)]
        : [acceptProposal(id, token, withdrawnAt, seen), withdrawProposal(staff, id, { now: withdrawnAt })];
      const results = await Promise.allSettled(ops);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
      const a = await appointment(id);
      if (a.status === "pending") wins.withdraw++;
      else wins.accept++;
      expect(a.version).toBe(3);
      await expectLocksMatchLiveAppointments();
    }
    expect(wins.withdraw + wins.accept).toBe(6);
  });
});
