import { beforeEach, describe, expect, it } from "vitest";
import { setSchedule, testDb, weekdayHours } from "@/tests/helpers/clinic-fixtures";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, later, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { approvedAndPaid, approvedWithIntent, deliver, eventFor, refundsOf, soon, startStripeForFile } from "@/tests/helpers/stripe-fixtures";
import { cancelByClinic } from "../appointments/clinic-cancel";
import { expireIfLapsed } from "../appointments/expire";
import { cancelAppointmentByPatient, getPatientAppointment, rejectProposal } from "../appointments/patient";
import { approveAppointment, declineAppointment, proposeNewTime } from "../appointments/review";
import { retryAfterCommitEffects } from "./stripe-effects";

// Money that arrives after the appointment left "approved" never overrules
// the clinic: the PaymentIntent is cancelled at Stripe when the appointment
// leaves "approved", and a payment that gets through anyway is refunded,
// unless the patient only let the payment hold lapse and the doctor can
// still see them at that time.

const world = startStripeForFile();
beforeEach(seedReviewWorld);

// Wednesday 9:00 in New York: two days out, so a 24 h payment hold lapses well before the visit.
const WED_9 = "2030-01-09T09:00:00-05:00";
const intentStatus = async (intentId: string) => (await world.stripe.paymentIntents.retrieve(intentId)).status;
const succeeded = (intentId: string) => eventFor(world, "payment_intent.succeeded", intentId);

describe("leaving approved cancels the PaymentIntent at Stripe", () => {
  it("clinic cancel, patient cancel, a lapsed hold and a proposed time each cancel the status page's intent; it can no longer be paid", async () => {
    const clinicCancelled = await approvedWithIntent(world, at("09:00"));
    const patientCancelled = await approvedWithIntent(world, at("09:40"), "bea@example.com");
    const lapsed = await approvedWithIntent(world, at("10:20"), "cy@example.com");
    const moved = await approvedWithIntent(world, at("11:00"), "di@example.com");
    await cancelByClinic(callers.staff, clinicCancelled.id, { reason: "Doctor is ill" }, { now: soon });
    await cancelAppointmentByPatient(patientCancelled.id, patientCancelled.token, soon);
    expect(await expireIfLapsed(lapsed.id, new Date(at("10:20")))).toBe(true);
    await proposeNewTime(callers.staff, moved.id, { start: at("13:00") }, { now: soon });
    for (const { intentId } of [clinicCancelled, patientCancelled, lapsed, moved]) expect(await intentStatus(intentId)).toBe("canceled");
    await expect(world.stripe.paymentIntents.confirm(clinicCancelled.intentId, { payment_method: "pm_card_visa" })).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("Stripe unreachable during the cancel: the cancel stands, the intent cancel stays due, and the scheduled retry makes it once", async () => {
    const { id, intentId } = await approvedWithIntent(world, at("09:00"));
    const port = process.env.STRIPE_API_PORT;
    process.env.STRIPE_API_PORT = "9";
    try {
      await cancelByClinic(callers.staff, id, { reason: "Doctor is ill" }, { now: soon });
    } finally {
      process.env.STRIPE_API_PORT = port;
    }
    expect(await appointment(id)).toMatchObject({ status: "cancelled", paymentIntentId: null, paymentIntentIds: [intentId] });
    expect(await intentStatus(intentId)).toBe("requires_payment_method");
    expect((await testDb().doc(`intentCancels/${intentId}`).get()).get("status")).toBe("pending");
    expect(await retryAfterCommitEffects(50, world.stripe)).toEqual({ refunded: 0, cancelled: 1, failed: 0 });
    expect(await retryAfterCommitEffects(50, world.stripe)).toEqual({ refunded: 0, cancelled: 0, failed: 0 });
    expect(await intentStatus(intentId)).toBe("canceled");
  });
});

describe("a payment that arrives after the appointment left approved", () => {
  it("the clinic cancelled (the patient paid from a tab still open): refunded, never reinstated", async () => {
    const { id, intentId } = await approvedAndPaid(world, at("09:00"));
    await cancelByClinic(callers.staff, id, { reason: "Doctor is ill" }, { now: soon });
    expect((await deliver(world, succeeded(intentId))).status).toBe(200);
    expect(await appointment(id)).toMatchObject({ status: "cancelled", cancelledBy: "clinic", lockIds: [] });
    expect(refundsOf(world, intentId)).toEqual([5000]);
    expect((await testDb().doc(`visits/${id}`).get()).get("status") ?? "none").not.toBe("scheduled");
    await expectLocksMatchLiveAppointments();
  });

  it("the patient cancelled (and paid from a tab still open): refunded, and their status page says so", async () => {
    const { id, token, intentId } = await approvedAndPaid(world, at("09:00"));
    await cancelAppointmentByPatient(id, token, soon);
    // Until the money reaches us, the page can only say no charge is recorded.
    expect((await getPatientAppointment(id, token)).money).toMatchObject({ state: "none", intentMade: true });
    expect((await deliver(world, succeeded(intentId))).status).toBe(200);
    expect(refundsOf(world, intentId)).toEqual([5000]);
    const view = await getPatientAppointment(id, token);
    expect(view.status).toBe("cancelled");
    expect(view.money).toMatchObject({ state: "refunded", amountCents: 5000 });
    expect(view.money.refundedAt).toEqual(expect.any(Number));
  });

  it("the clinic declined after the patient turned a proposal down: refunded, never reinstated", async () => {
    const { id, token, intentId } = await approvedAndPaid(world, at("09:00"));
    await proposeNewTime(callers.staff, id, { start: at("11:00") }, { now: soon });
    await rejectProposal(id, token, soon);
    await declineAppointment(callers.staff, id, { reason: "No time left this week" }, { now: soon });
    expect((await deliver(world, succeeded(intentId))).status).toBe(200);
    expect(await appointment(id)).toMatchObject({ status: "declined" });
    expect(refundsOf(world, intentId)).toEqual([5000]);
  });

  it("a pending request holding no time (the patient turned a proposal down): refunded at once, not retried for days", async () => {
    const { id, token, intentId } = await approvedAndPaid(world, at("09:00"));
    await proposeNewTime(callers.staff, id, { start: at("11:00") }, { now: soon });
    expect(await rejectProposal(id, token, soon)).toBe("pending");
    const answer = await deliver(world, succeeded(intentId));
    expect(answer.status).toBe(200);
    expect(await appointment(id)).toMatchObject({ status: "pending", timeHeld: false, lockIds: [] });
    expect(refundsOf(world, intentId)).toEqual([5000]);
  });

  it("after the patient's own lapse, with the doctor deactivated since: refunded, not reinstated", async () => {
    const { id, intentId } = await approvedAndPaid(world, WED_9);
    const late = later(25.5);
    expect(await expireIfLapsed(id, late)).toBe(true);
    await testDb().doc("clinics/clinic-a/doctors/dr-a1").update({ active: false });
    expect((await deliver(world, succeeded(intentId), late)).status).toBe(200);
    expect((await appointment(id)).status).toBe("expired");
    expect(refundsOf(world, intentId)).toEqual([5000]);
    await expectLocksMatchLiveAppointments();
  });

  it("after the patient's own lapse, with the time no longer in the doctor's hours: refunded, not reinstated", async () => {
    const { id, intentId } = await approvedAndPaid(world, WED_9);
    const late = later(25.5);
    expect(await expireIfLapsed(id, late)).toBe(true);
    await setSchedule("clinic-a", "dr-a1", { weeklyHours: weekdayHours([{ start: "13:00", end: "17:00" }]) });
    expect((await deliver(world, succeeded(intentId), late)).status).toBe(200);
    expect((await appointment(id)).status).toBe("expired");
    expect(refundsOf(world, intentId)).toEqual([5000]);
  });
});

describe("the webhook acts only on the appointment's own PaymentIntent", () => {
  it("a PaymentIntent the appointment never made (metadata naming it) does not confirm it; its money is refunded", async () => {
    const { id } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    const foreign = await world.stripe.paymentIntents.create({ amount: 5000, currency: "usd", metadata: { appointmentId: id, clinicId: "clinic-a" } });
    await world.stripe.paymentIntents.confirm(foreign.id, { payment_method: "pm_card_visa" });
    expect((await deliver(world, succeeded(foreign.id))).status).toBe(200);
    expect(await appointment(id)).toMatchObject({ status: "approved", payment: null });
    expect(refundsOf(world, foreign.id)).toEqual([5000]);
  });
});
