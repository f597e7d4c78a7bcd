import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CANCELLATION_POLICY, type CancellationPolicy } from "@/lib/domain/cancellation-policy";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, history, later, mailFor, NOW, snapshotAll } from "@/tests/helpers/review-fixtures";
import { seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { approvedAndPaid, deliver, eventFor, refundsOf, soon, startStripeForFile } from "@/tests/helpers/stripe-fixtures";
import { loadBusy } from "../booking/busy-time";
import { updateCancellationPolicy } from "../clinics/cancellation-policy";
import { db } from "../firebase";
import { expireStale } from "./expiry-sweep";
import { countNeedsReview, getRequestQueue } from "./queue";
import { DEFAULT_FILTERS } from "@/lib/domain/request-queue";
import { cancelAppointmentByPatient } from "./patient";
import { approveAppointment, proposeNewTime } from "./review";
import { requestVisitMove, SAME_TIME, VISIT_STARTED_MOVE } from "./visit-move";
import { approveVisitMove, declineVisitMove, withdrawVisitMove } from "./visit-move-answers";

// The patient moves their confirmed visit (Tuesday 09:00 New York, 14:00 UTC) to another free time of the same
// doctor. `soon` is 25 hours before the visit (inside the default 24-hour free window), later(3) 23 hours before.
// The clinic reviews the move unless it lets patients move inside the free window; the money never moves.

const world = startStripeForFile();
beforeEach(seedReviewWorld);

const VISIT_START = Date.parse(at("09:00"));
const setPolicy = (policy: Partial<CancellationPolicy>) => updateCancellationPolicy(callers.admin, { ...DEFAULT_CANCELLATION_POLICY, ...policy });
const visit = async (id: string) => (await db().doc(`visits/${id}`).get()).data()!;
const subjects = async (id: string, to = "ada@example.com") => (await mailFor(id)).filter((m) => m.to === to).map((m) => String(m.message.subject));
const busyStarts = async (now: Date) => (await loadBusy("clinic-a", "dr-a1", Date.parse(at("08:00")), Date.parse(at("17:00")), now)).map((b) => b.start).sort();

async function paidVisit(policy: Partial<CancellationPolicy> = {}) {
  await setPolicy(policy);
  const paid = await approvedAndPaid(world);
  expect((await deliver(world, eventFor(world, "payment_intent.succeeded", paid.intentId))).body).toMatchObject({ outcome: "confirmed" });
  expect(await appointment(paid.id)).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
  return paid;
}

/** Stripe calls that change something (a new intent, a refund, a cancel), made after `from`. */
const stripeWrites = (from: number) => world.standin.requests.slice(from).filter((r) => r.method !== "GET");

describe("a move the clinic reviews", () => {
  it("holds the new time at once and keeps the visit; staff approve: the times swap, the visit moves, the money stays", async () => {
    const { id, token, intentId } = await paidVisit();
    const stripeBefore = world.standin.requests.length;
    const sequenceBefore = (await visit(id)).sequence ?? 0;

    expect(await requestVisitMove(id, token, { start: at("11:00") }, soon)).toMatchObject({ status: "move_requested" });
    const held = await appointment(id);
    expect(held).toMatchObject({ status: "move_requested", start: { _seconds: VISIT_START / 1000 }, move: { start: { _seconds: Date.parse(at("11:00")) / 1000 } } });
    // The request lapses by the hold rule, never after the visit it would move.
    expect(held.expiresAt.toMillis()).toBeLessThanOrEqual(VISIT_START);
    expect(held.expiresAt.toMillis()).toBeGreaterThan(soon.getTime());
    expect(await visit(id)).toMatchObject({ status: "scheduled", start: { _seconds: VISIT_START / 1000 } });
    await expectLocksMatchLiveAppointments();
    // Both times are busy for everyone else.
    expect(await busyStarts(soon)).toEqual([VISIT_START, Date.parse(at("11:00"))]);
    expect((await history(id)).at(-1)).toMatchObject({ action: "move", from: "confirmed", to: "move_requested", actor: "patient" });
    expect(await subjects(id)).toContain(`We asked the clinic to move your visit to Tue, Jan 8, 2030, 11:00 AM EST, New York time`);
    expect((await subjects(id, "staff@a.test")).filter((s) => s.includes("asks to move their visit"))).toHaveLength(1);

    expect(await approveVisitMove(callers.staff, id, { now: later(2) })).toMatchObject({ status: "confirmed" });
    const moved = await appointment(id);
    expect(moved).toMatchObject({ status: "confirmed", move: null, expiresAt: null, start: { _seconds: Date.parse(at("11:00")) / 1000 }, payment: { status: "paid", intentId } });
    expect(moved.confirmedAt.toMillis()).toBe(later(2).getTime());
    expect(await visit(id)).toMatchObject({ status: "scheduled", start: { _seconds: Date.parse(at("11:00")) / 1000 }, sequence: sequenceBefore + 1 });
    await expectLocksMatchLiveAppointments();
    expect(await busyStarts(later(2))).toEqual([Date.parse(at("11:00"))]);
    expect((await history(id)).at(-1)).toMatchObject({ action: "approve_move", from: "move_requested", to: "confirmed", by: "a-staff" });
    const movedMail = (await mailFor(id)).find((m) => String(m.message.subject).startsWith("Moved: "))!;
    expect(movedMail.message.text).toContain("it was Tue, Jan 8, 2030, 9:00 AM EST");
    expect(movedMail.message.attachments).toHaveLength(1);
    // A move is never a second charge and never a refund.
    expect(stripeWrites(stripeBefore)).toEqual([]);
    expect(refundsOf(world, intentId)).toEqual([]);
  });

  it("staff decline: the new time is released, the visit stays as it was, the patient is told why", async () => {
    const { id, token } = await paidVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    expect(await declineVisitMove(callers.staff, id, { reason: "Dr. One is in surgery then" }, { now: later(2) })).toMatchObject({ status: "confirmed" });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", move: null, expiresAt: null, start: { _seconds: VISIT_START / 1000 }, lastMove: { outcome: "declined" }, payment: { status: "paid" } });
    expect(await visit(id)).toMatchObject({ status: "scheduled", start: { _seconds: VISIT_START / 1000 } });
    await expectLocksMatchLiveAppointments();
    expect(await busyStarts(later(2))).toEqual([VISIT_START]);
    const email = (await mailFor(id)).find((m) => String(m.message.subject).startsWith("Your visit was not moved"))!;
    expect(email.message.text).toContain("Dr. One is in surgery then");
  });

  it("the patient withdraws: the new time is released and the clinic hears of it", async () => {
    const { id, token } = await paidVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    expect(await withdrawVisitMove(id, token, later(2))).toMatchObject({ status: "confirmed" });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", lastMove: { outcome: "withdrawn" } });
    await expectLocksMatchLiveAppointments();
    expect(await subjects(id, "staff@a.test")).toContain("Ada Patient withdrew their move request");
    await expect(withdrawVisitMove(id, token, later(2))).rejects.toMatchObject({ code: "conflict" });
    await expect(withdrawVisitMove(id, "wrong-token", later(2))).rejects.toMatchObject({ code: "not_found" });
  });

  it("unanswered, it lapses in the sweep: the new time released, the visit unchanged, the patient told; a late answer is refused", async () => {
    const { id, token } = await paidVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    const deadline = (await appointment(id)).expiresAt.toDate() as Date;
    expect(await expireStale(new Date(deadline.getTime() - 1))).toMatchObject({ expired: 0 });
    expect(await expireStale(deadline)).toMatchObject({ expired: 1 });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", move: null, expiresAt: null, lastMove: { outcome: "lapsed" }, payment: { status: "paid" } });
    expect(await visit(id)).toMatchObject({ status: "scheduled", start: { _seconds: VISIT_START / 1000 } });
    await expectLocksMatchLiveAppointments();
    expect((await history(id)).at(-1)).toMatchObject({ action: "expire", from: "move_requested", to: "confirmed", by: "system" });
    expect(await subjects(id)).toContain("Your move request lapsed: still Tue, Jan 8, 2030, 9:00 AM EST, New York time");
    await expect(approveVisitMove(callers.staff, id, { now: deadline })).rejects.toMatchObject({ code: "conflict" });
  });

  it("an answer after the deadline, before the sweep, lapses it instead (409) and moves nothing", async () => {
    const { id, token } = await paidVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    const deadline = (await appointment(id)).expiresAt.toDate() as Date;
    await expect(approveVisitMove(callers.staff, id, { now: deadline })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/lapsed/) });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", start: { _seconds: VISIT_START / 1000 }, lastMove: { outcome: "lapsed" } });
    await expectLocksMatchLiveAppointments();
  });

  it("the patient cancels while the move waits: both times released, the policy's refund, once", async () => {
    const { id, token, intentId } = await paidVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    expect(await cancelAppointmentByPatient(id, token, soon, { quotedRefundCents: 5000 })).toBe("cancelled");
    expect(await appointment(id)).toMatchObject({ status: "cancelled", lockIds: [], move: null, payment: { status: "refunded", refundedCents: 5000 } });
    expect((await visit(id)).status).toBe("cancelled");
    expect(refundsOf(world, intentId)).toEqual([5000]);
    await expectLocksMatchLiveAppointments();
    expect(await busyStarts(soon)).toEqual([]);
  });

  it("staff see it as its own kind of request in the queue, counted as waiting for a decision", async () => {
    const { id, token } = await paidVisit();
    const before = await countNeedsReview(callers.staff);
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    const queue = await getRequestQueue(callers.staff, DEFAULT_FILTERS);
    const moves = queue.sections.find((s) => s.status === "move_requested")!;
    expect(moves.title).toBe("Move requests");
    expect(moves.rows).toMatchObject([{ id, start: VISIT_START, moveStart: Date.parse(at("11:00")) }]);
    expect(queue.counts.move_requested).toBe(1);
    expect(await countNeedsReview(callers.staff)).toBe(before + 1);
  });

  it("staff cannot propose another time while the patient's move waits; they answer it first", async () => {
    const { id, token } = await paidVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    const before = await snapshotAll();
    await expect(proposeNewTime(callers.staff, id, { start: at("13:00") }, { now: soon })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/approve or decline the move first/) });
    expect(await snapshotAll()).toEqual(before);
  });
});

describe("a clinic that lets patients move without review", () => {
  it("inside the free window the times swap at once, nothing charged or refunded; both told", async () => {
    const { id, token, intentId } = await paidVisit({ movesWithoutReview: true });
    const stripeBefore = world.standin.requests.length;
    expect(await requestVisitMove(id, token, { start: at("11:00") }, soon)).toMatchObject({ status: "confirmed" });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", move: null, start: { _seconds: Date.parse(at("11:00")) / 1000 }, payment: { status: "paid", intentId } });
    expect(await visit(id)).toMatchObject({ start: { _seconds: Date.parse(at("11:00")) / 1000 } });
    await expectLocksMatchLiveAppointments();
    expect((await history(id)).at(-1)).toMatchObject({ action: "move", from: "confirmed", to: "confirmed" });
    expect(await subjects(id)).toContain("Moved: Dr. dr-a1, Tue, Jan 8, 2030, 11:00 AM EST, New York time");
    expect((await subjects(id, "staff@a.test")).filter((s) => s.includes("moved their visit"))).toHaveLength(1);
    expect(stripeWrites(stripeBefore)).toEqual([]);
  });

  it("after the free-cancellation cutoff the clinic reviews it after all", async () => {
    const { id, token } = await paidVisit({ movesWithoutReview: true });
    expect(await requestVisitMove(id, token, { start: at("11:00") }, later(3))).toMatchObject({ status: "move_requested" });
  });
});

describe("every outside input gets a clear error and writes nothing", () => {
  async function freeVisit() {
    const booked = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    await approveAppointment(callers.freeStaff, booked.id, { now: soon });
    return booked;
  }
  async function refused(move: () => Promise<unknown>, error: object) {
    const before = await snapshotAll();
    await expect(move()).rejects.toMatchObject(error);
    expect(await snapshotAll()).toEqual(before);
  }

  it("a bad token, a bad id", async () => {
    const { id } = await freeVisit();
    await refused(() => requestVisitMove(id, "not-the-token", { start: at("11:00") }, soon), { code: "not_found" });
    await refused(() => requestVisitMove(id, undefined, { start: at("11:00") }, soon), { code: "not_found" });
    await refused(() => requestVisitMove("../x", "t", { start: at("11:00") }, soon), { code: "not_found" });
  });

  it.each([["not a time"], [""], ["2030-01-08 11:00"], [42]])("a bad start: %j", async (start) => {
    const { id, token } = await freeVisit();
    await refused(() => requestVisitMove(id, token, { start }, soon), { code: "invalid_request", fields: { start: expect.any(String) } });
  });

  it("a time the doctor doesn't offer (off the grid, outside hours, the visit's own time)", async () => {
    const { id, token } = await freeVisit();
    await refused(() => requestVisitMove(id, token, { start: at("11:05") }, soon), { code: "invalid_request", fields: { start: expect.any(String) } });
    await refused(() => requestVisitMove(id, token, { start: at("07:00") }, soon), { code: "invalid_request" });
    await refused(() => requestVisitMove(id, token, { start: at("09:00") }, soon), { code: "invalid_request", message: SAME_TIME });
  });

  it("a time taken by another booking", async () => {
    const { id, token } = await freeVisit();
    await book(at("11:00"), { slug: "clinic-f", doctorId: "dr-f1", email: "other@example.com" });
    await refused(() => requestVisitMove(id, token, { start: at("11:00") }, soon), { code: "slot_unavailable" });
  });

  it("a visit that isn't confirmed (a request), or already has a move waiting", async () => {
    const pending = await book(at("13:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    await refused(() => requestVisitMove(pending.id, pending.token, { start: at("11:00") }, soon), { code: "conflict", message: expect.stringMatching(/Only a confirmed visit/) });
    const { id, token } = await freeVisit();
    await requestVisitMove(id, token, { start: at("11:00") }, soon);
    await refused(() => requestVisitMove(id, token, { start: at("11:40") }, soon), { code: "conflict", message: expect.stringMatching(/already asked to move/) });
  });

  it("a visit that has started", async () => {
    const { id, token } = await freeVisit();
    await refused(() => requestVisitMove(id, token, { start: at("11:00") }, new Date(VISIT_START)), { code: "conflict", message: VISIT_STARTED_MOVE });
  });

  it("a day the clinic is closed", async () => {
    const { id, token } = await freeVisit();
    await db().doc("clinics/clinic-f/closures/2030-01-09").set({ date: "2030-01-09", note: "Staff training", closedAt: NOW, closedBy: "x", closedByName: "X" });
    await refused(() => requestVisitMove(id, token, { start: new Date("2030-01-09T10:20:00-05:00").toISOString() }, soon), {
      code: "slot_unavailable",
      message: expect.stringMatching(/clinic is closed that day/),
    });
  });
});

describe("races for one time", () => {
  it("two patients moving to the same time: exactly one holds it", async () => {
    const one = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    const two = await book(at("13:00"), { slug: "clinic-f", doctorId: "dr-f1", email: "bea@example.com" });
    await approveAppointment(callers.freeStaff, one.id, { now: soon });
    await approveAppointment(callers.freeStaff, two.id, { now: soon });
    const answers = await Promise.allSettled([
      requestVisitMove(one.id, one.token, { start: at("11:00") }, soon),
      requestVisitMove(two.id, two.token, { start: at("11:00") }, soon),
    ]);
    expect(answers.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(answers.find((a) => a.status === "rejected")).toMatchObject({ reason: { code: "slot_unavailable" } });
    await expectLocksMatchLiveAppointments();
  });

  it("a move and a new booking for the same time: exactly one wins", async () => {
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    await approveAppointment(callers.freeStaff, id, { now: soon });
    const answers = await Promise.allSettled([
      requestVisitMove(id, token, { start: at("11:00") }, soon),
      book(at("11:00"), { slug: "clinic-f", doctorId: "dr-f1", email: "cy@example.com", now: soon }),
    ]);
    expect(answers.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    await expectLocksMatchLiveAppointments();
  });
});
