import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CANCELLATION_POLICY, type CancellationPolicy } from "@/lib/domain/cancellation-policy";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, history, later, mailFor, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { approvedAndPaid, deliver, eventFor, refundsOf, soon, startStripeForFile } from "@/tests/helpers/stripe-fixtures";
import { db } from "../firebase";
import { updateCancellationPolicy } from "../clinics/cancellation-policy";
import { retryAfterCommitEffects } from "../payments/stripe-effects";
import { cancelAppointmentByPatient, getPatientAppointment } from "./patient";
import { approveAppointment } from "./review";
import { CONFIRMED_MEANWHILE, REFUND_CHANGED, VISIT_STARTED } from "./visit-cancel";

// The patient cancels a confirmed visit from their status page. One commit:
// cancelled, locks released, the visit off the schedule, history, the
// patient's and the clinic's emails; the money as the policy the visit was
// booked under says, refunded at Stripe after the commit, exactly once.
// The visit is Tuesday 09:00 New York (14:00 UTC); `soon` is 25 hours before
// it, later(3) 23 hours before, so a 24-hour free window sits between them.

const world = startStripeForFile();
beforeEach(seedReviewWorld);

const VISIT_START = Date.parse(at("09:00"));
const setPolicy = (policy: Partial<CancellationPolicy>) => updateCancellationPolicy(callers.admin, { ...DEFAULT_CANCELLATION_POLICY, ...policy });
const visitStatus = async (id: string) => (await db().doc(`visits/${id}`).get()).get("status") as string;

async function paidVisit(policy: Partial<CancellationPolicy> = {}) {
  await setPolicy(policy);
  const paid = await approvedAndPaid(world);
  expect((await deliver(world, eventFor(world, "payment_intent.succeeded", paid.intentId))).body).toMatchObject({ outcome: "confirmed" });
  expect(await appointment(paid.id)).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
  return paid;
}

describe("the patient cancels a paid, confirmed visit", () => {
  it("inside the free window: cancelled in one commit, the time free, refunded in full once, both told", async () => {
    const { id, token, intentId } = await paidVisit();
    expect(await cancelAppointmentByPatient(id, token, soon, { quotedRefundCents: 0 })).toBe("cancelled");

    const a = await appointment(id);
    expect(a).toMatchObject({ status: "cancelled", lockIds: [], expiresAt: null, payment: { status: "refunded", refundedCents: 5000, keptCents: 0, refundReason: "patient_cancelled" } });
    expect(refundsOf(world, intentId)).toEqual([5000]);
    expect(await visitStatus(id)).toBe("cancelled");
    await expectLocksMatchLiveAppointments();
    expect((await history(id)).at(-1)).toMatchObject({ action: "cancel", from: "confirmed", to: "cancelled", actor: "patient", by: "patient" });

    const mail = await mailFor(id);
    const toPatient = mail.filter((m) => m.to === "ada@example.com").map((m) => m.message.subject as string);
    expect(toPatient.filter((subject) => subject.startsWith("Your visit was cancelled: "))).toHaveLength(1);
    expect(mail.find((m) => String(m.message.subject).startsWith("Your visit was cancelled"))!.message.text).toContain("You get a full refund of $50.00");
    // The clinic hears of it (its contact address and the reviewers who want request emails).
    const toClinic = mail.filter((m) => String(m.message.subject).includes("cancelled their visit")).map((m) => m.to);
    expect(toClinic.length).toBeGreaterThan(0);
    expect(toClinic).not.toContain("quiet@a.test");
    expect(mail.some((m) => m.message.subject === "Your payment is being refunded")).toBe(false);

    // Nothing further refunds it again: the scheduled retry, a redelivered payment, the refund's own event.
    await retryAfterCommitEffects(50, world.stripe);
    await deliver(world, eventFor(world, "payment_intent.succeeded", intentId), later(4));
    await deliver(world, eventFor(world, "charge.refunded", a.payment.chargeId ?? intentId), later(4)).catch(() => undefined);
    expect(refundsOf(world, intentId)).toEqual([5000]);
    expect(await getPatientAppointment(id, token)).toMatchObject({ status: "cancelled", money: { state: "refunded", refundCents: 5000 } });
  });

  it("after the free window, with part kept: the rest refunded, the kept part recorded", async () => {
    const { id, token, intentId } = await paidVisit({ late: "keep_part", keepCents: 2000 });
    expect(await cancelAppointmentByPatient(id, token, later(3), { quotedRefundCents: 0 })).toBe("cancelled");
    expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refunded", refundDueCents: 3000, refundedCents: 3000, keptCents: 2000 } });
    expect(refundsOf(world, intentId)).toEqual([3000]);
    const email = (await mailFor(id)).find((m) => String(m.message.subject).startsWith("Your visit was cancelled"))!;
    expect(email.message.text).toContain("the clinic keeps $20.00 and refunds $30.00");
    expect(email.message.text).toContain("Free cancellation up to 24 hours before your visit");
  });

  it("after the free window, no refund: nothing goes to Stripe, the payment stays paid and kept", async () => {
    const { id, token, intentId } = await paidVisit({ late: "no_refund" });
    const stripeCalls = world.standin.requests.length;
    expect(await cancelAppointmentByPatient(id, token, later(3), { quotedRefundCents: 0 })).toBe("cancelled");
    expect(await appointment(id)).toMatchObject({ status: "cancelled", lockIds: [], payment: { status: "paid", keptCents: 5000, refundedCents: 0 } });
    expect(refundsOf(world, intentId)).toEqual([]);
    expect(world.standin.requests.slice(stripeCalls).filter((r) => r.method !== "GET")).toEqual([]);
    expect(await getPatientAppointment(id, token)).toMatchObject({ money: { state: "paid", refundCents: 0 } });
    await expectLocksMatchLiveAppointments();
  });

  it("the policy the visit was booked under applies, not one the clinic saved later", async () => {
    const { id, token, intentId } = await paidVisit({ late: "full_refund" });
    await setPolicy({ late: "no_refund" });
    await cancelAppointmentByPatient(id, token, later(3), { quotedRefundCents: 0 });
    expect(refundsOf(world, intentId)).toEqual([5000]);
  });

  it("once the visit has started, refused with nothing written", async () => {
    const { id, token } = await paidVisit();
    const before = await snapshotAll();
    await expect(cancelAppointmentByPatient(id, token, new Date(VISIT_START), { quotedRefundCents: 0 })).rejects.toMatchObject({ code: "conflict", message: VISIT_STARTED });
    await expect(cancelAppointmentByPatient(id, token, new Date(VISIT_START + 60_000), { quotedRefundCents: 0 })).rejects.toMatchObject({ code: "conflict", message: VISIT_STARTED });
    expect(await snapshotAll()).toEqual(before);
  });

  it("a refund smaller than the page quoted (the window closed meanwhile) is refused with nothing written", async () => {
    const { id, token } = await paidVisit({ late: "no_refund" });
    const before = await snapshotAll();
    await expect(cancelAppointmentByPatient(id, token, later(3), { quotedRefundCents: 5000 })).rejects.toMatchObject({ code: "conflict", message: REFUND_CHANGED });
    expect(await snapshotAll()).toEqual(before);
    // The same quote inside the window goes through.
    expect(await cancelAppointmentByPatient(id, token, soon, { quotedRefundCents: 5000 })).toBe("cancelled");
  });

  it("a cancel sent from the request's page (no refund quoted) that meets the visit confirmed meanwhile is refused with nothing written", async () => {
    const { id, token } = await paidVisit();
    const before = await snapshotAll();
    await expect(cancelAppointmentByPatient(id, token, soon)).rejects.toMatchObject({ code: "conflict", message: CONFIRMED_MEANWHILE });
    expect(await snapshotAll()).toEqual(before);
  });

  it("a double submit cancels once and refunds once", async () => {
    const { id, token, intentId } = await paidVisit();
    const answers = await Promise.allSettled([cancelAppointmentByPatient(id, token, soon, { quotedRefundCents: 0 }), cancelAppointmentByPatient(id, token, soon, { quotedRefundCents: 0 })]);
    expect(answers.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(answers.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(refundsOf(world, intentId)).toEqual([5000]);
    expect((await history(id)).filter((e) => e.action === "cancel")).toHaveLength(1);
    expect((await mailFor(id)).filter((m) => String(m.message.subject).startsWith("Your visit was cancelled"))).toHaveLength(1);
  });

  it("Stripe unreachable after the commit: the cancel stands, the refund stays due, and the retry makes it exactly once", async () => {
    const { id, token, intentId } = await paidVisit({ late: "keep_part", keepCents: 1500 });
    const port = process.env.STRIPE_API_PORT;
    process.env.STRIPE_API_PORT = "9";
    try {
      expect(await cancelAppointmentByPatient(id, token, later(3), { quotedRefundCents: 0 })).toBe("cancelled");
    } finally {
      process.env.STRIPE_API_PORT = port;
    }
    expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refund_pending", refundDueCents: 3500 } });
    expect(refundsOf(world, intentId)).toEqual([]);
    expect(await retryAfterCommitEffects(50, world.stripe)).toMatchObject({ refunded: 1, failed: 0 });
    expect(await retryAfterCommitEffects(50, world.stripe)).toMatchObject({ refunded: 0, failed: 0 });
    expect(refundsOf(world, intentId)).toEqual([3500]);
    expect(await appointment(id)).toMatchObject({ payment: { status: "refunded", refundedCents: 3500 } });
  });
});

describe("the patient cancels a free, confirmed visit", () => {
  it("cancelled and the time released; Stripe is never called", async () => {
    const stripeCalls = world.standin.requests.length;
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    await approveAppointment(callers.freeStaff, id, { now: soon });
    expect(await cancelAppointmentByPatient(id, token, later(3), { quotedRefundCents: 0 })).toBe("cancelled");
    expect(await appointment(id)).toMatchObject({ status: "cancelled", lockIds: [], payment: null });
    expect(world.standin.requests.length).toBe(stripeCalls);
    expect(await visitStatus(id)).toBe("cancelled");
    await expectLocksMatchLiveAppointments();
  });
});
