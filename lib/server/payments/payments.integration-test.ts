import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/firebase";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, history, later, mailFor, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { signPayload, startStripeStandin, type Standin } from "@clinic/stripe-standin";
import { expireIfLapsed } from "../appointments/expire";
import { cancelByClinic } from "../appointments/clinic-cancel";
import { getPatientAppointment, rejectProposal } from "../appointments/patient";
import { approveAppointment, proposeNewTime } from "../appointments/review";
import { confirmTestPayment, preparePayment } from "./prepare";
import { retryPendingRefunds } from "./refund";
import { handleStripeEvent } from "./webhook";

const SECRET = "whsec_test";
const soon = later(1);
// Wednesday 9:00 in New York: two days out, so a 24 h payment hold lapses well before the visit.
const WED_9 = "2030-01-09T09:00:00-05:00";
let standin: Standin;
let stripe: Stripe;

beforeAll(async () => {
  standin = await startStripeStandin();
  stripe = new Stripe("sk_test_it", { host: "127.0.0.1", port: standin.port, protocol: "http", maxNetworkRetries: 0 });
  // For verbs that build their own client (rejectProposal's refund).
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_it", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(standin.port), STRIPE_API_PROTOCOL: "http" });
});
afterAll(() => standin.close());
beforeEach(seedReviewWorld);

const ENV = { STRIPE_API_HOST: "127.0.0.1" };
const eventFor = (type: string, objectId: string) => {
  const found = standin.events.filter((e) => e.type === type && (e.data as { object: { id: string; payment_intent?: string } }).object.id === objectId);
  if (found.length === 0) throw new Error(`no ${type} for ${objectId}`);
  return found.at(-1)!;
};
const chargeRefunded = (intentId: string) =>
  standin.events.filter((e) => e.type === "charge.refunded" && (e.data as { object: { payment_intent: string } }).object.payment_intent === intentId).at(-1)!;
const deliver = (event: object, now = soon) => {
  const body = JSON.stringify(event);
  return handleStripeEvent(Buffer.from(body), signPayload(body, SECRET), SECRET, { stripe, now });
};
const subjects = async (id: string) => (await mailFor(id)).map((m) => m.message.subject as string);

async function approvedAndPaid(start = at("09:00")) {
  const { id, token } = await book(start);
  await approveAppointment(callers.staff, id, { now: soon });
  expect(await confirmTestPayment(id, token, "4242 4242 4242 4242", { stripe, env: ENV })).toEqual({ ok: true });
  const a = await appointment(id);
  return { id, token, intentId: a.paymentIntentId as string };
}

describe("preparePayment", () => {
  it("one intent per appointment and fee: metadata {appointmentId, clinicId} only, automatic payment methods, id stored", async () => {
    const { id, token } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    const before = standin.requests.length;
    const first = await preparePayment(id, token, { stripe, now: soon });
    const second = await preparePayment(id, token, { stripe, now: soon });
    expect(second.intentId).toBe(first.intentId);
    expect(standin.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/payment_intents", `GET /v1/payment_intents/${first.intentId}`]);
    const intent = await stripe.paymentIntents.retrieve(first.intentId);
    expect(intent).toMatchObject({ amount: 5000, currency: "usd", metadata: { appointmentId: id, clinicId: "clinic-a" }, automatic_payment_methods: { enabled: true } });
    expect((await appointment(id)).paymentIntentId).toBe(first.intentId);
    await expect(preparePayment(id, "wrong-token", { stripe, now: soon })).rejects.toMatchObject({ code: "not_found" });
  });

  it("zero-fee approval: confirmed on the spot, no Stripe call", async () => {
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    const before = standin.requests.length;
    expect(await approveAppointment(callers.freeStaff, id, { now: soon })).toMatchObject({ status: "confirmed" });
    await expect(preparePayment(id, token, { stripe, now: soon })).rejects.toMatchObject({ code: "conflict" });
    expect(standin.requests.length).toBe(before);
  });

  it("a declined test card answers Stripe's message; the same intent is paid on retry", async () => {
    const { id, token } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    expect(await confirmTestPayment(id, token, "4000 0000 0000 0002", { stripe, env: ENV })).toEqual({ ok: false, message: "Your card was declined." });
    const intentId = (await appointment(id)).paymentIntentId;
    expect(await confirmTestPayment(id, token, "4242424242424242", { stripe, env: ENV })).toEqual({ ok: true });
    expect((await appointment(id)).paymentIntentId).toBe(intentId);
    expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe("succeeded");
    await expect(confirmTestPayment(id, token, "4242424242424242", { stripe, env: {} })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("handleStripeEvent", () => {
  it("bad or missing signature: 400 and nothing written", async () => {
    const { intentId } = await approvedAndPaid();
    const event = eventFor("payment_intent.succeeded", intentId);
    const body = JSON.stringify(event);
    const before = await snapshotAll();
    expect((await handleStripeEvent(Buffer.from(body), signPayload(body, "whsec_wrong"), SECRET)).status).toBe(400);
    expect((await handleStripeEvent(Buffer.from(body), undefined, SECRET)).status).toBe(400);
    expect((await handleStripeEvent(Buffer.from(body.replace('"amount":5000', '"amount":1')), signPayload(body, SECRET), SECRET)).status).toBe(400);
    expect(await snapshotAll()).toEqual(before);
    expect((await db().collection("stripeEvents").get()).size).toBe(0);
  });

  it("succeeded ×3: confirmed once — payment recorded, locks permanent, one visit, one confirmation with .ics, history", async () => {
    const { id, intentId } = await approvedAndPaid();
    const event = eventFor("payment_intent.succeeded", intentId);
    const answers = [await deliver(event), await deliver(event), await deliver(event)];
    expect(answers.map((a) => [a.status, "outcome" in a.body ? a.body.outcome : null])).toEqual([
      [200, "confirmed"],
      [200, "duplicate"],
      [200, "duplicate"],
    ]);
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "confirmed", expiresAt: null, payment: { status: "paid", amountCents: 5000, currency: "usd", intentId, chargeId: expect.stringMatching(/^ch_/) } });
    await expectLocksMatchLiveAppointments();
    expect((await db().collection("visits").where("appointmentId", "==", id).get()).size).toBe(1);
    const confirmations = (await mailFor(id)).filter((m) => String(m.message.subject).startsWith("Confirmed"));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.message.attachments[0].filename).toMatch(/\.ics$/);
    expect((await history(id)).at(-1)).toMatchObject({ action: "pay", from: "approved", to: "confirmed", actor: "payment", by: "system" });
  });

  it("succeeded on an intent the appointment never made (before its approval): refunded on its own, the request untouched", async () => {
    const { id } = await book(at("09:00"));
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: "usd", metadata: { appointmentId: id, clinicId: "clinic-a" } });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    const event = eventFor("payment_intent.succeeded", intent.id);
    expect((await deliver(event)).body).toMatchObject({ outcome: "refund_due" });
    expect(await appointment(id)).toMatchObject({ status: "pending", payment: null });
    expect((await db().doc(`extraCharges/${intent.id}`).get()).data()).toMatchObject({ status: "refunded", refundReason: "not_this_appointment", appointmentId: id });
    expect((await deliver(event)).body).toMatchObject({ outcome: "duplicate" });
    expect(standin.refunds.filter((r) => r.payment_intent === intent.id).map((r) => r.amount)).toEqual([5000]);
    await approveAppointment(callers.staff, id, { now: soon });
    expect((await appointment(id)).status).toBe("approved");
  });

  it("out of order: succeeded, then an older payment_failed → stays confirmed, no 'try again' email", async () => {
    const { id, token } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    await confirmTestPayment(id, token, "4000000000000002", { stripe, env: ENV });
    await confirmTestPayment(id, token, "4242424242424242", { stripe, env: ENV });
    const intentId = (await appointment(id)).paymentIntentId;
    await deliver(eventFor("payment_intent.succeeded", intentId));
    expect((await deliver(eventFor("payment_intent.payment_failed", intentId))).body).toMatchObject({ outcome: "ignored" });
    expect((await appointment(id)).status).toBe("confirmed");
    expect((await subjects(id)).filter((s) => s.includes("didn't go through"))).toEqual([]);
  });

  it("payment_failed while approved: no status change, the patient is emailed a link to try again", async () => {
    const { id, token } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    await confirmTestPayment(id, token, "4000000000000002", { stripe, env: ENV });
    const event = eventFor("payment_intent.payment_failed", (await appointment(id)).paymentIntentId);
    expect((await deliver(event)).body).toMatchObject({ outcome: "failure_emailed" });
    await deliver(event);
    expect((await appointment(id)).status).toBe("approved");
    const failed = (await mailFor(id)).filter((m) => String(m.message.subject).includes("didn't go through"));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message.text).toMatch(/\/appointments\/[A-Za-z0-9]+\?t=/);
  });

  it("late payment after expiry with the time still free → reinstated as confirmed", async () => {
    const { id, intentId } = await approvedAndPaid(WED_9);
    const late = later(25.5);
    expect(await expireIfLapsed(id, late)).toBe(true);
    expect((await appointment(id)).status).toBe("expired");
    expect((await deliver(eventFor("payment_intent.succeeded", intentId), late)).body).toMatchObject({ outcome: "reinstated" });
    expect(await appointment(id)).toMatchObject({ status: "confirmed", payment: { status: "paid" } });
    await expectLocksMatchLiveAppointments();
    expect((await db().doc(`visits/${id}`).get()).data()).toMatchObject({ status: "scheduled" });
    expect((await history(id)).at(-1)).toMatchObject({ action: "pay", from: "expired", to: "confirmed" });
    expect(standin.refunds.filter((r) => r.payment_intent === intentId)).toEqual([]);
  });

  it("late payment with the time taken → one refund at the stand-in, recorded, emailed; redeliveries refund nothing more", async () => {
    const { id, intentId } = await approvedAndPaid(WED_9);
    const late = later(25.5);
    await expireIfLapsed(id, late);
    await book(WED_9, { email: "grace@example.com", now: late });
    const event = eventFor("payment_intent.succeeded", intentId);
    expect((await deliver(event, late)).body).toMatchObject({ outcome: "refund_due" });
    await deliver(event, late);
    expect(standin.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([5000]);
    expect(await appointment(id)).toMatchObject({ status: "expired", payment: { status: "refunded", refundReason: "time_taken", refundId: expect.stringMatching(/^re_/) } });
    expect((await subjects(id)).filter((s) => s.includes("refunded"))).toHaveLength(1);
    await expectLocksMatchLiveAppointments();
    // Stripe's own charge.refunded for that refund is recorded without change.
    expect((await deliver(chargeRefunded(intentId), late)).status).toBe(200);
    expect((await appointment(id)).payment).toMatchObject({ status: "refunded", refundedCents: 5000 });
  });

  it("Stripe unreachable while refunding: 500, the refund stays due; the redelivery refunds once", async () => {
    const { id, intentId } = await approvedAndPaid(WED_9);
    const late = later(25.5);
    await expireIfLapsed(id, late);
    await book(WED_9, { email: "grace@example.com", now: late });
    const event = eventFor("payment_intent.succeeded", intentId);
    const body = JSON.stringify(event);
    const down = new Stripe("sk_test_it", { host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0 });
    expect((await handleStripeEvent(body, signPayload(body, SECRET), SECRET, { stripe: down, now: late })).status).toBe(500);
    expect((await appointment(id)).payment).toMatchObject({ status: "refund_pending", refundReason: "time_taken" });
    expect(standin.refunds.filter((r) => r.payment_intent === intentId)).toEqual([]);
    expect((await deliver(event, late)).body).toMatchObject({ outcome: "duplicate" });
    await deliver(event, late);
    expect(standin.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([5000]);
    expect((await appointment(id)).payment).toMatchObject({ status: "refunded" });
    expect((await subjects(id)).filter((s) => s.includes("refunded"))).toHaveLength(1);
  });

  it("a payment whose amount differs from the fee snapshot is refunded and flagged, never confirmed", async () => {
    const { id, token } = await book(at("09:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    const { intentId } = await preparePayment(id, token, { stripe, now: soon });
    // The fee snapshot changed under the intent (data repaired by hand, say): the amount no longer matches.
    await db().doc(`appointments/${id}`).update({ feeCents: 6000 });
    await stripe.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" });
    expect((await deliver(eventFor("payment_intent.succeeded", intentId))).body).toMatchObject({ outcome: "refund_due" });
    expect(await appointment(id)).toMatchObject({ status: "approved", payment: null });
    expect((await db().doc(`extraCharges/${intentId}`).get()).data()).toMatchObject({ status: "refunded", refundReason: "amount_mismatch", flagged: "amount_mismatch", amountCents: 5000 });
    expect(standin.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([5000]);
  });

  it("a refund made in the Stripe dashboard (charge.refunded) is recorded on the appointment", async () => {
    const { id, intentId } = await approvedAndPaid();
    await deliver(eventFor("payment_intent.succeeded", intentId));
    await stripe.refunds.create({ payment_intent: intentId });
    expect((await deliver(chargeRefunded(intentId))).body).toMatchObject({ outcome: "refund_recorded" });
    expect((await appointment(id)).payment).toMatchObject({ status: "refunded", refundedCents: 5000, refundReason: "stripe_dashboard" });
  });
});

describe("refunds from the review flow", () => {
  it("a paid patient who turns down a proposed time: cancelled, refunded once at Stripe, recorded", async () => {
    const { id, token, intentId } = await approvedAndPaid();
    await deliver(eventFor("payment_intent.succeeded", intentId));
    await proposeNewTime(callers.staff, id, { start: at("11:00") }, { now: soon });
    expect(await rejectProposal(id, token, soon)).toBe("cancelled");
    expect(standin.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([5000]);
    expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refunded", refundReason: "proposal_rejected" } });
    await expectLocksMatchLiveAppointments();
  });
});

describe("cancelByClinic", () => {
  it("a paid, confirmed visit: cancelled with the reason, locks released, visit off the schedule, refunded once, the patient told why", async () => {
    const { id, token, intentId } = await approvedAndPaid();
    await deliver(eventFor("payment_intent.succeeded", intentId));
    expect(await cancelByClinic(callers.staff, id, { reason: "Dr. is ill" }, { now: soon })).toMatchObject({ status: "cancelled", refunded: true });
    expect((await getPatientAppointment(id, token)).clinicCancel).toEqual({ reason: "Dr. is ill", refunded: true });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "cancelled", lockIds: [], cancelReason: "Dr. is ill", payment: { status: "refunded", refundReason: "clinic_cancelled" } });
    await expectLocksMatchLiveAppointments();
    expect((await db().doc(`visits/${id}`).get()).data()).toMatchObject({ status: "cancelled" });
    expect(standin.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([5000]);
    expect((await history(id)).at(-1)).toMatchObject({ action: "clinic_cancel", from: "confirmed", to: "cancelled", by: "a-staff", note: "Dr. is ill" });
    const refundMail = (await mailFor(id)).find((m) => String(m.message.subject).includes("refunded"))!;
    expect(refundMail.message.text).toContain("Dr. is ill");
    // Stripe's charge.refunded for it changes nothing more.
    expect((await deliver(chargeRefunded(intentId))).status).toBe(200);
    expect(standin.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1);
  });

  it("an approved, unpaid appointment: cancelled and emailed, no Stripe call; a reason is required; other doctors' and pending ones are refused", async () => {
    const { id } = await book(at("09:00"));
    const pending = await book(at("11:00"));
    await approveAppointment(callers.staff, id, { now: soon });
    const before = await snapshotAll();
    await expect(cancelByClinic(callers.staff, id, { reason: "  " }, { now: soon })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(cancelByClinic(callers.otherDoctor, id, { reason: "x" }, { now: soon })).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelByClinic(callers.otherClinicStaff, id, { reason: "x" }, { now: soon })).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelByClinic(callers.staff, pending.id, { reason: "x" }, { now: soon })).rejects.toMatchObject({ code: "conflict" });
    expect(await snapshotAll()).toEqual(before);
    const requests = standin.requests.length;
    expect(await cancelByClinic(callers.doctor, id, { reason: "Clinic closed for repairs" }, { now: soon })).toMatchObject({ status: "cancelled", refunded: false });
    expect(standin.requests.length).toBe(requests);
    await expectLocksMatchLiveAppointments();
    const mail = (await mailFor(id)).find((m) => String(m.message.subject).startsWith("Your visit was cancelled"))!;
    expect(mail.message.text).toContain("Clinic closed for repairs");
  });
});

describe("refunds after the commit", () => {
  it("Stripe down during a clinic cancel: the cancel stands, the refund stays due, retryPendingRefunds makes it once", async () => {
    const { id, intentId } = await approvedAndPaid();
    await deliver(eventFor("payment_intent.succeeded", intentId));
    const port = process.env.STRIPE_API_PORT;
    process.env.STRIPE_API_PORT = "9";
    try {
      expect(await cancelByClinic(callers.staff, id, { reason: "Dr. is ill" }, { now: soon })).toMatchObject({ status: "cancelled", refunded: true });
    } finally {
      process.env.STRIPE_API_PORT = port;
    }
    expect(await appointment(id)).toMatchObject({ status: "cancelled", payment: { status: "refund_pending" } });
    expect(await retryPendingRefunds(50, stripe)).toEqual({ refunded: 1, failed: 0 });
    expect(await retryPendingRefunds(50, stripe)).toEqual({ refunded: 0, failed: 0 });
    expect(standin.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1);
    expect((await appointment(id)).payment).toMatchObject({ status: "refunded" });
  });
});
