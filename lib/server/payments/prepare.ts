import "server-only";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type Stripe from "stripe";
import { AppError } from "@/lib/domain/errors";
import type { PaymentStep } from "@/lib/domain/payment-view";
import { isAppointmentId } from "@/lib/domain/validation";
import { db } from "../firebase";
import { appointments, type AppointmentDoc } from "../appointments/model";
import { isLapsed } from "../appointments/appointment-locks";
import { appointmentTokenMatches } from "../appointments/tokens";
import { queueIntentCancel, runAfterCommit } from "./stripe-effects";
import { stripeClient } from "./stripe";
import { appNow } from "../clock";

export interface PreparedPayment {
  intentId: string;
  clientSecret: string;
  amountCents: number;
  currency: string;
  /** "succeeded" while the webhook has not landed yet: show "Payment processing". */
  intentStatus: Stripe.PaymentIntent.Status;
}

const notFound = () => new AppError("not_found", "We couldn't find that appointment.");

async function payable(id: string, token: string | null | undefined, now: Date): Promise<AppointmentDoc> {
  if (!isAppointmentId(id)) throw notFound();
  const a = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!a || !appointmentTokenMatches(token, a)) throw notFound();
  if (a.status !== "approved" || a.feeCents <= 0 || a.payment) throw new AppError("conflict", "There is nothing to pay for this appointment.");
  if (isLapsed(a, now)) throw new AppError("conflict", "This request expired: it wasn't paid in time.");
  return a;
}

/**
 * The PaymentIntent for the appointment's fee snapshot: the stored one, or a
 * new one. The idempotency key is the appointment id, its version and fee,
 * so two tabs (or a retry) get the same intent from Stripe, and the patient
 * can never pay twice; an appointment that left "approved" and came back (a
 * proposal accepted) gets a new one, its old intent having been cancelled.
 * The Stripe call is outside any transaction; the id is stored in the
 * following one (first writer wins; the other got the same intent anyway).
 * If the appointment changed meanwhile, the new intent is cancelled at once
 * and the patient is told to reload.
 */
export async function preparePayment(
  id: string,
  token: string | null | undefined,
  opts: { stripe?: Stripe; now?: Date } = {},
): Promise<PreparedPayment> {
  const a = await payable(id, token, opts.now ?? appNow());
  const stripe = opts.stripe ?? stripeClient();
  const intent = a.paymentIntentId
    ? await stripe.paymentIntents.retrieve(a.paymentIntentId)
    : await stripe.paymentIntents.create(
        {
          amount: a.feeCents,
          currency: a.currency.toLowerCase(),
          // Nothing about the patient goes to Stripe.
          metadata: { appointmentId: id, clinicId: a.clinicId },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: `pi-${id}-v${a.version}-${a.feeCents}-${a.currency.toLowerCase()}` },
      );
  if (!a.paymentIntentId) {
    const ref = appointments().doc(id);
    const stored = await db().runTransaction(async (tx) => {
      const fresh = (await tx.get(ref)).data() as AppointmentDoc | undefined;
      if (!fresh) return false;
      // Every intent made for it is its own, so a payment on it is refunded if it cannot be used.
      const own = { paymentIntentIds: FieldValue.arrayUnion(intent.id), updatedAt: Timestamp.fromDate(appNow()) };
      if (fresh.status !== "approved" || fresh.version !== a.version) {
        tx.update(ref, own);
        queueIntentCancel(tx, intent.id, id, appNow());
        return false;
      }
      tx.update(ref, fresh.paymentIntentId ? own : { ...own, paymentIntentId: intent.id });
      return true;
    });
    if (!stored) {
      await runAfterCommit([{ kind: "cancel_intent", intentId: intent.id }], stripe);
      throw new AppError("conflict", "This appointment changed while the payment was being prepared. Please reload the page.");
    }
  }
  return { intentId: intent.id, clientSecret: intent.client_secret ?? "", amountCents: intent.amount, currency: intent.currency, intentStatus: intent.status };
}

/** Test cards, as in Stripe's test mode: their PaymentMethod ids. */
const TEST_CARDS: Record<string, string> = {
  "4242424242424242": "pm_card_visa",
  "4000000000000002": "pm_card_chargeDeclined",
};

/**
 * The "Test payment (no real card)" form, offline only: confirms the intent
 * at the local stand-in with a test card, which then delivers the signed
 * webhook like Stripe. Answers Stripe's message for a declined card.
 */
export async function confirmTestPayment(
  id: string,
  token: string | null | undefined,
  cardNumber: string,
  opts: { stripe?: Stripe; env?: Record<string, string | undefined> } = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const env = opts.env ?? process.env;
  // Never against real Stripe: there the Payment Element takes the card.
  if (!env.STRIPE_API_HOST) throw new AppError("forbidden", "Test payments work only with the local Stripe stand-in.");
  const pm = TEST_CARDS[cardNumber.replace(/[\s-]/g, "")];
  if (!pm) return { ok: false, message: "Use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined." };
  const stripe = opts.stripe ?? stripeClient(env);
  const prepared = await preparePayment(id, token, { stripe });
  if (prepared.intentStatus === "succeeded") return { ok: true };
  try {
    await stripe.paymentIntents.confirm(prepared.intentId, { payment_method: pm });
    return { ok: true };
  } catch (error) {
    if ((error as { type?: string }).type === "StripeCardError") return { ok: false, message: (error as Error).message };
    throw error;
  }
}

/**
 * What the status page's pay step shows: "processing" once the intent has
 * succeeded (until the webhook confirms the appointment), the Payment Element
 * with a real publishable key, else the stand-in's test form.
 */
export async function getPaymentStep(id: string, token: string | null | undefined, env: Record<string, string | undefined> = process.env): Promise<PaymentStep> {
  let prepared: PreparedPayment;
  try {
    prepared = await preparePayment(id, token);
  } catch (error) {
    console.error("preparePayment failed", error);
    return { mode: "unavailable", message: "Online payment isn't available right now. Please reload the page in a minute." };
  }
  if (prepared.intentStatus === "succeeded" || prepared.intentStatus === "processing") return { mode: "processing" };
  const key = env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? "";
  if (/^pk_(test|live)_\w+$/.test(key) && !env.STRIPE_API_HOST) return { mode: "element", publishableKey: key, clientSecret: prepared.clientSecret };
  return env.STRIPE_API_HOST ? { mode: "test" } : { mode: "unavailable", message: "Online payment isn't set up for this clinic yet. Please contact the clinic." };
}
