import { beforeEach, describe, expect, it } from "vitest";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, callers, later, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { approvedAndPaid, deliver, eventFor, refundsOf, soon, startStripeForFile } from "@/tests/helpers/stripe-fixtures";
import { db } from "../firebase";
import { expireStale } from "./expiry-sweep";
import { acceptProposal, cancelAppointmentByPatient } from "./patient";
import { proposeNewTime } from "./review";

// A paid visit that the clinic moves: whatever way the appointment leaves
// "having a time" without the patient taking the new one, the money goes
// back in full (the old time was released when the clinic proposed the new
// one, so there is no old time to keep).

const world = startStripeForFile();
beforeEach(seedReviewWorld);

async function paidVisitMoved() {
  const paid = await approvedAndPaid(world);
  expect((await deliver(world, eventFor(world, "payment_intent.succeeded", paid.intentId))).body).toMatchObject({ outcome: "confirmed" });
  await proposeNewTime(callers.staff, paid.id, { start: at("11:00") }, { now: soon });
  expect(await appointment(paid.id)).toMatchObject({ status: "rescheduled", payment: { status: "paid" } });
  return paid;
}

describe("a paid visit the clinic moved", () => {
  it("the patient cancels instead of answering: cancelled, the visit off the schedule, refunded once", async () => {
    const { id, token, intentId } = await paidVisitMoved();
    expect(await cancelAppointmentByPatient(id, token, soon)).toBe("cancelled");
    expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refunded", refundReason: "proposal_rejected", refundedCents: 5000 } });
    expect(refundsOf(world, intentId)).toEqual([5000]);
    expect((await db().doc(`visits/${id}`).get()).get("status")).toBe("cancelled");
    await expectLocksMatchLiveAppointments();
  });

  it("the proposal lapses unanswered (the expiry sweep): expired and refunded once", async () => {
    const { id, intentId } = await paidVisitMoved();
    const lapsed = later(30);
    expect(await expireStale(lapsed)).toMatchObject({ expired: 1 });
    expect(await appointment(id)).toMatchObject({ status: "expired", payment: { status: "refunded", refundReason: "proposal_expired" } });
    expect(refundsOf(world, intentId)).toEqual([5000]);
    // A second sweep refunds nothing more.
    await expireStale(later(31));
    expect(refundsOf(world, intentId)).toEqual([5000]);
  });

  it("the patient answers after the proposal lapsed: the answer expires it, and the money goes back", async () => {
    const { id, token, intentId } = await paidVisitMoved();
    await expect(acceptProposal(id, token, later(30))).rejects.toMatchObject({ code: "conflict" });
    expect(await appointment(id)).toMatchObject({ status: "expired", payment: { status: "refunded" } });
    expect(refundsOf(world, intentId)).toEqual([5000]);
  });

  it("the patient accepts in time: confirmed at the new time, still paid, nothing refunded", async () => {
    const { id, token, intentId } = await paidVisitMoved();
    expect(await acceptProposal(id, token, soon)).toBe("confirmed");
    expect(await appointment(id)).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
    expect(refundsOf(world, intentId)).toEqual([]);
  });
});
