import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/firebase";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { appointment, at, book, callers, history, later, mailFor, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { signPayload, startStripeStandin, type Standin } from "@clinic/stripe-standin";
import { cancelAppointmentByPatient } from "../appointments/patient";
import { approveAppointment } from "../appointments/review";
import { expireStale } from "@/lib/server/appointments/expiry-sweep";
import { confirmTestPayment } from "./prepare";
import { handleStripeEvent } from "./webhook";

// The scheduled expiry racing the payment webhook and the patient's
// cancel on an approved, unpaid ($50) appointment whose hold is at its
// deadline. The payment arrives the way Stripe sends it: a signed
// payment_intent.succeeded through handleStripeEvent (which also makes any
// refund it decides on, at the stand-in). In odd rounds another patient also
// books the same time at the deadline, so a payment that lands after the
// expiry may find its time taken (the refund path). A payment that lands
// after the patient's own cancel is refunded: only a lapse is undone by it.

const SECRET = "whsec_test";
const ENV = { STRIPE_API_HOST: "127.0.0.1" };
let standin: Standin;
let stripe: Stripe;

beforeAll(async () => {
  standin = await startStripeStandin();
  stripe = new Stripe("sk_test_it", { host: "127.0.0.1", port: standin.port, protocol: "http", maxNetworkRetries: 0 });
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_it", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(standin.port), STRIPE_API_PROTOCOL: "http" });
});
afterAll(() => standin.close());

const succeededEvent = (intentId: string) =>
  standin.events.filter((e) => e.type === "payment_intent.succeeded" && (e.data as { object: { id: string } }).object.id === intentId).at(-1)!;

const deliver = (event: object, now: Date) => {
  const body = JSON.stringify(event);
  return handleStripeEvent(Buffer.from(body), signPayload(body, SECRET), SECRET, { stripe, now });
};

/** The patient's emails after "request received" and "approved, please pay", by what they say. */
function outcomeMail(subjects: string[]): string[] {
  const kind = (s: string): string | null =>
    s.startsWith("Your request expired")
      ? "expired"
      : s.startsWith("Your request was cancelled")
        ? "cancelled"
        : s.startsWith("Confirmed")
          ? "confirmed"
          : s === "Your payment is being refunded"
            ? "refund"
            : null;
  return subjects.map(kind).filter((k): k is string => k !== null).sort();
}

// The email each history step after the approval sends the patient.
const MAIL_OF: Record<string, string> = { expire: "expired", cancel: "cancelled", pay: "confirmed" };

describe("expiry racing the payment webhook and the patient's cancel", () => {
  it("one outcome per round, one transition out of approved, the outcome's emails only, no money kept without a time (20 rounds)", { timeout: 240_000 }, async () => {
    const winners: Record<string, number> = {};
    const finals: Record<string, number> = {};
    for (let round = 0; round < 20; round++) {
      await seedReviewWorld();
      // Tuesday 11:00 is 28 h away; approved 1 h in, the payment hold lapses at 25 h.
      const { id, token } = await book(at("11:00"));
      await approveAppointment(callers.staff, id, { now: later(1) });
      expect(await confirmTestPayment(id, token, "4242424242424242", { stripe, env: ENV })).toEqual({ ok: true });
      const intentId = (await appointment(id)).paymentIntentId as string;
      const deadline = later(25);
      expect((await appointment(id)).expiresAt.toMillis()).toBe(deadline.getTime());
      const event = succeededEvent(intentId);
      const refundsBefore = standin.refunds.filter((r) => r.payment_intent === intentId).length;
      expect(refundsBefore).toBe(0);

      const racers: Array<() => Promise<unknown>> = [
        () => expireStale(deadline),
        () => deliver(event, deadline),
        () => cancelAppointmentByPatient(id, token, deadline),
      ];
      if (round % 2 === 1) racers.push(() => book(at("11:00"), { email: "grace@example.com", now: deadline }));
      // Each round gives a different racer a head start (0/10/20 ms, rotated),
      // plus 0–10 ms of jitter: a spread of winners, not a clock.
      const settled = await Promise.allSettled(
        racers.map((run, i) => new Promise((r) => setTimeout(r, ((i + round) % racers.length) * 10 + Math.random() * 10)).then(run)),
      );
      // Only refusals (the cancel after another outcome, the rival's "taken") may fail; the webhook never 500s here.
      const refusals = ["conflict", "conflict", "conflict", "slot_unavailable"];
      settled.forEach((s, i) => {
        if (s.status === "rejected") expect(i === 0 || i === 1 ? "thrown" : (s.reason as { code?: string }).code, String(s.reason)).toBe(refusals[i]);
      });
      const answer = (settled[1] as PromiseFulfilledResult<Awaited<ReturnType<typeof deliver>>>).value;
      expect(answer.status).toBe(200);

      const a = await appointment(id);
      // History ids are the version, zero-padded: the documents come back in commit order.
      const steps = await history(id);
      const afterApproval = steps.slice(2);
      expect(steps.slice(0, 2).map((h) => h.action)).toEqual(["request", "approve"]);
      // Exactly one transition out of approved; at most one more (the late payment's reinstatement).
      expect(steps.filter((h) => h.from === "approved"), JSON.stringify(steps)).toHaveLength(1);
      const winner = afterApproval[0]!.action as string;
      winners[winner] = (winners[winner] ?? 0) + 1;
      const path = afterApproval.map((h) => `${h.from}->${h.to}`);
      expect([
        ["approved->confirmed"],
        ["approved->expired"],
        ["approved->cancelled"],
        ["approved->expired", "expired->confirmed"],
      ]).toContainEqual(path);
      expect(a.status).toBe(afterApproval.at(-1)!.to);
      expect(a.version).toBe(steps.length);

      // Money: the payment is on the appointment exactly once; kept only with a confirmed time, else refunded once.
      const refunds = standin.refunds.filter((r) => r.payment_intent === intentId);
      expect(a.payment).toMatchObject({ intentId, amountCents: 5000 });
      if (a.status === "confirmed") {
        expect(a.payment.status).toBe("paid");
        expect(refunds).toEqual([]);
        expect((await db().doc(`visits/${id}`).get()).data()).toMatchObject({ status: "scheduled" });
      } else {
        const reason = a.status === "cancelled" ? "patient_cancelled" : "time_taken";
        expect(a.payment).toMatchObject({ status: "refunded", refundReason: reason, refundId: expect.stringMatching(/^re_/) });
        expect(refunds.map((r) => r.amount)).toEqual([5000]);
        // Only the patient's cancel or a rival booking keeps the time from the payment.
        if (a.status === "expired") expect(round % 2).toBe(1);
      }
      // The webhook's answer names the same outcome.
      expect("outcome" in answer.body && answer.body.outcome).toBe(
        a.status !== "confirmed" ? "refund_due" : path.length === 2 ? "reinstated" : "confirmed",
      );
      const outcome = a.status === "confirmed" ? (path.length === 2 ? `reinstated after ${winner}` : "paid") : `${a.status}, refunded`;
      finals[outcome] = (finals[outcome] ?? 0) + 1;

      // Emails: one per step after the approval, plus the refund notice when the money goes back; never both expired and cancelled.
      const patientSubjects = (await mailFor(id)).filter((m) => m.to === "ada@example.com").map((m) => String(m.message.subject));
      const expected = [...afterApproval.map((h) => MAIL_OF[h.action as string]!), ...(a.payment.status === "paid" ? [] : ["refund"])].sort();
      expect(outcomeMail(patientSubjects), patientSubjects.join(" | ")).toEqual(expected);
      expect(patientSubjects).toHaveLength(2 + expected.length);

      // The same event again changes nothing and refunds nothing more.
      expect((await deliver(event, deadline)).body).toMatchObject({ outcome: "duplicate" });
      expect(standin.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(refunds.length);
      await expectLocksMatchLiveAppointments();
    }
    console.log("payment/expiry/cancel race: first out of approved", JSON.stringify(winners), "final", JSON.stringify(finals));
    expect(Object.values(winners).reduce((x, y) => x + y)).toBe(20);
  });
});
