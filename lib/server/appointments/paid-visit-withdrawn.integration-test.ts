import { beforeEach, describe, expect, it } from "vitest";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, later, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { approvedAndPaid, deliver, eventFor, refundsOf, soon, startStripeForFile, type StripeWorld } from "@/tests/helpers/stripe-fixtures";
import { db } from "../firebase";
import { expireStale } from "./expiry-sweep";
import { acceptProposal, rejectProposal } from "./patient";
import { approveAppointment, proposeNewTime } from "./review";
import { ORIGINAL_TIME_TAKEN, withdrawProposal } from "./withdraw-proposal";

// A clinic moves a confirmed visit, then withdraws the time it proposed.
// Withdrawing never moves money (money.ts): the visit is confirmed again on
// its original time, still paid, with nothing refunded. When that time has
// been taken meanwhile the withdrawal is refused with nothing written, so the
// proposal still stands and the money follows the patient's answer as for
// any moved paid visit: kept if they accept, refunded once otherwise. Money
// is never kept without a visit, and never refunded twice.

const world = startStripeForFile();
beforeEach(seedReviewWorld);

const withdrawnAt = later(2);
const visit = async (id: string) => {
  const v = await db().doc(`visits/${id}`).get();
  return { status: v.get("status") as string, start: (v.get("start") as { toMillis(): number }).toMillis() };
};
/** The Stripe calls that change something (refunds, cancels, captures) made since the `from`th request. */
const stripeWritesSince = (w: StripeWorld, from: number) => w.standin.requests.slice(from).filter((r) => r.method !== "GET");
const intentAt = (w: StripeWorld, intentId: string) => w.stripe.paymentIntents.retrieve(intentId);

async function paidVisitMoved() {
  const paid = await approvedAndPaid(world);
  expect((await deliver(world, eventFor(world, "payment_intent.succeeded", paid.intentId))).body).toMatchObject({ outcome: "confirmed" });
  await proposeNewTime(callers.staff, paid.id, { start: at("11:00") }, { now: soon });
  expect(await appointment(paid.id)).toMatchObject({ status: "rescheduled", payment: { status: "paid" } });
  return paid;
}

describe("staff withdraw the proposal that moved a paid visit", () => {
  it("confirmed again on its original time, the visit back on the schedule, still paid, nothing refunded or cancelled at Stripe", async () => {
    const { id, intentId } = await paidVisitMoved();
    const stripeCalls = world.standin.requests.length;
    expect(await withdrawProposal(callers.staff, id, { now: withdrawnAt })).toMatchObject({ status: "confirmed", timeHeld: true });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "confirmed", expiresAt: null, proposal: null, payment: { status: "paid", amountCents: 5000, refundedCents: 0, refundReason: null } });
    expect(a.start.toMillis()).toBe(Date.parse(at("09:00")));
    expect(await visit(id)).toEqual({ status: "scheduled", start: Date.parse(at("09:00")) });
    expect(refundsOf(world, intentId)).toEqual([]);
    expect(stripeWritesSince(world, stripeCalls)).toEqual([]);
    expect((await intentAt(world, intentId)).status).toBe("succeeded");
    await expectLocksMatchLiveAppointments();

    // A late redelivery of the payment changes nothing.
    await deliver(world, eventFor(world, "payment_intent.succeeded", intentId), later(3));
    expect(await appointment(id)).toMatchObject({ status: "confirmed", payment: { status: "paid", refundedCents: 0 } });
    expect(refundsOf(world, intentId)).toEqual([]);
  });

  describe("when the original time was taken meanwhile", () => {
    async function takenMeanwhile() {
      const paid = await paidVisitMoved();
      // The proposal released 09:00, so another patient could book it and staff approve them.
      const other = await book(at("09:00"), { email: "bo@example.com", now: soon });
      await approveAppointment(callers.staff, other.id, { now: soon });
      return paid;
    }

    it("the withdrawal is refused with nothing written: the money stays paid, nothing refunded", async () => {
      const { id, intentId } = await takenMeanwhile();
      const before = await snapshotAll();
      const stripeCalls = world.standin.requests.length;
      await expect(withdrawProposal(callers.staff, id, { now: withdrawnAt })).rejects.toMatchObject({ code: "conflict", message: ORIGINAL_TIME_TAKEN });
      expect(await snapshotAll()).toEqual(before);
      expect(await appointment(id)).toMatchObject({ status: "rescheduled", payment: { status: "paid" } });
      expect(await visit(id)).toEqual({ status: "scheduled", start: Date.parse(at("11:00")) });
      expect(stripeWritesSince(world, stripeCalls)).toEqual([]);
      expect(refundsOf(world, intentId)).toEqual([]);
    });

    it("the patient then accepts the proposed time: confirmed there, the money kept", async () => {
      const { id, token, intentId } = await takenMeanwhile();
      await expect(withdrawProposal(callers.staff, id, { now: withdrawnAt })).rejects.toMatchObject({ code: "conflict" });
      expect(await acceptProposal(id, token, withdrawnAt)).toBe("confirmed");
      expect(await appointment(id)).toMatchObject({ status: "confirmed", payment: { status: "paid", refundedCents: 0 } });
      expect(await visit(id)).toEqual({ status: "scheduled", start: Date.parse(at("11:00")) });
      expect(refundsOf(world, intentId)).toEqual([]);
    });

    it("the patient turns it down: refunded once; a later withdrawal or expiry sweep refunds nothing more", async () => {
      const { id, token, intentId } = await takenMeanwhile();
      await expect(withdrawProposal(callers.staff, id, { now: withdrawnAt })).rejects.toMatchObject({ code: "conflict" });
      expect(await rejectProposal(id, token, withdrawnAt)).toBe("cancelled");
      expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refunded", refundedCents: 5000 } });
      expect((await visit(id)).status).toBe("cancelled");
      expect(refundsOf(world, intentId)).toEqual([5000]);

      const stripeCalls = world.standin.requests.length;
      await expect(withdrawProposal(callers.staff, id, { now: later(3) })).rejects.toMatchObject({ code: "conflict" });
      await expireStale(later(30));
      expect(refundsOf(world, intentId)).toEqual([5000]);
      expect(stripeWritesSince(world, stripeCalls)).toEqual([]);
      expect((await intentAt(world, intentId)).amount_received).toBe(5000);
    });
  });
});

describe("staff withdraw the proposal that moved a free visit", () => {
  const free = { slug: "clinic-f", doctorId: "dr-f1" };

  async function freeVisitMoved() {
    const { id } = await book(at("09:00"), free);
    await approveAppointment(callers.freeStaff, id, { now: soon });
    await proposeNewTime(callers.freeStaff, id, { start: at("11:00") }, { now: soon });
    return id;
  }

  it("confirmed again on its original time, and Stripe is never called", async () => {
    const stripeCalls = world.standin.requests.length;
    const id = await freeVisitMoved();
    expect(await withdrawProposal(callers.freeStaff, id, { now: withdrawnAt })).toMatchObject({ status: "confirmed" });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", payment: null });
    expect(await visit(id)).toEqual({ status: "scheduled", start: Date.parse(at("09:00")) });
    expect(world.standin.requests.slice(stripeCalls)).toEqual([]);
    await expectLocksMatchLiveAppointments();
  });

  it("the original time taken meanwhile: refused with nothing written, and Stripe is never called", async () => {
    const stripeCalls = world.standin.requests.length;
    const id = await freeVisitMoved();
    await book(at("09:00"), { ...free, email: "bo@example.com", now: soon });
    const before = await snapshotAll();
    await expect(withdrawProposal(callers.freeStaff, id, { now: withdrawnAt })).rejects.toMatchObject({ code: "conflict", message: ORIGINAL_TIME_TAKEN });
    expect(await snapshotAll()).toEqual(before);
    expect(world.standin.requests.slice(stripeCalls)).toEqual([]);
  });
});
