import { beforeEach, describe, expect, it } from "vitest";
import { appointment, callers, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { approvedAndPaid, deliver, eventFor, refundsOf, soon, startStripeForFile } from "@/tests/helpers/stripe-fixtures";
import { cancelByClinic } from "../appointments/clinic-cancel";

// An appointment's payment record is the money that confirmed it. Any other
// charge that reaches the webhook is recorded and refunded on its own and
// never replaces that record, so a later cancel still refunds the first.

const world = startStripeForFile();
beforeEach(seedReviewWorld);

describe("a second successful PaymentIntent", () => {
  it("is refunded on its own; the visit stays paid with its first payment, and a clinic cancel then refunds that one", async () => {
    const { id, intentId } = await approvedAndPaid(world);
    expect((await deliver(world, eventFor(world, "payment_intent.succeeded", intentId))).body).toMatchObject({ outcome: "confirmed" });
    const second = await world.stripe.paymentIntents.create({ amount: 5000, currency: "usd", metadata: { appointmentId: id, clinicId: "clinic-a" } });
    await world.stripe.paymentIntents.confirm(second.id, { payment_method: "pm_card_visa" });
    const event = eventFor(world, "payment_intent.succeeded", second.id);
    expect((await deliver(world, event)).status).toBe(200);
    expect((await deliver(world, event)).status).toBe(200);
    expect(await appointment(id)).toMatchObject({ status: "confirmed", payment: { status: "paid", intentId, refundedCents: 0 } });
    expect(refundsOf(world, second.id)).toEqual([5000]);
    expect(refundsOf(world, intentId)).toEqual([]);

    expect(await cancelByClinic(callers.staff, id, { reason: "Doctor is ill" }, { now: soon })).toMatchObject({ refunded: true });
    expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refunded", intentId, refundedCents: 5000 } });
    expect(refundsOf(world, intentId)).toEqual([5000]);
    expect(refundsOf(world, second.id)).toEqual([5000]);
  });
});
