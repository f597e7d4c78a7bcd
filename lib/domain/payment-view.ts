/**
 * The money of one appointment as staff pages show it (the request page and
 * the visit page), pure: lib/server reads the appointment's `payment` into a
 * PaymentView; the pages say it with `paymentWords`.
 */
import { CURRENCY_CODES, formatMoney, type CurrencyCode } from "./money";
import { formatDate } from "./time-format";

export interface PaymentView {
  /** "free", "unpaid" (a fee is due, nothing recorded yet), or the recorded payment's own status. */
  state: "free" | "unpaid" | "paid" | "refund_pending" | "refunded";
  amountCents: number | null;
  /** Upper-case ISO code. */
  currency: string;
  refundedAt: number | null;
}

function amountOf(p: PaymentView): string {
  if (p.amountCents === null) return "";
  if ((CURRENCY_CODES as readonly string[]).includes(p.currency)) return formatMoney(p.amountCents, p.currency as CurrencyCode);
  return `${(p.amountCents / 100).toFixed(2)} ${p.currency}`;
}

/** "No fee", "Not paid ($50.00 due)", "Paid $50.00", "Refund of $50.00 under way", "Refunded $50.00 on Fri, Dec 4". */
export function paymentWords(p: PaymentView, timeZone: string, now: number): string {
  const amount = amountOf(p);
  switch (p.state) {
    case "free":
      return "No fee";
    case "unpaid":
      return `Not paid (${amount} due)`;
    case "paid":
      return `Paid ${amount}`;
    case "refund_pending":
      return `Refund of ${amount} under way`;
    case "refunded":
      return p.refundedAt !== null ? `Refunded ${amount} on ${formatDate(p.refundedAt, timeZone, { now })}` : `Refunded ${amount}`;
  }
}

/**
 * The patient's money on an appointment that ended without a visit (they
 * cancelled, or it expired), for their status page. `intentMade`: a payment
 * form was ever opened for it, so a charge from another window may still be
 * on its way to us (the webhook refunds it).
 */
export interface PatientMoney {
  state: "none" | "paid" | "refund_pending" | "refunded";
  amountCents: number;
  /** ISO code, either case. */
  currency: string;
  refundedAt: number | null;
  intentMade: boolean;
  /**
   * Set when the patient cancelled a paid visit under the clinic's
   * cancellation policy: what goes back (the rest the clinic keeps).
   * Missing = everything that was paid goes back.
   */
  refundCents?: number;
}

/** "You weren't charged.", "Your payment of $50.00 is being refunded…", "…was refunded on Fri, Dec 4…"; null when there is nothing to say. */
export function endedMoneyWords(m: PatientMoney, feeCents: number, timeZone: string, now: number): string | null {
  const amount = amountOf({ state: "paid", amountCents: m.amountCents, currency: m.currency.toUpperCase(), refundedAt: null });
  const part = m.refundCents !== undefined && m.refundCents < m.amountCents ? m.refundCents : null;
  if (part !== null && m.state !== "none") {
    const of = (cents: number) => amountOf({ state: "paid", amountCents: cents, currency: m.currency.toUpperCase(), refundedAt: null });
    const kept = `the clinic keeps ${of(m.amountCents - part)} under its cancellation policy`;
    if (m.state === "paid") return `Under the clinic's cancellation policy, your payment of ${amount} is not refunded.`;
    if (m.state === "refund_pending") return `Of your ${amount} payment, ${of(part)} is being refunded to the card you paid with; ${kept}.`;
    return m.refundedAt !== null
      ? `Of your ${amount} payment, ${of(part)} was refunded on ${formatDate(m.refundedAt, timeZone, { now })} to the card you paid with; ${kept}.`
      : `Of your ${amount} payment, ${of(part)} was refunded to the card you paid with; ${kept}.`;
  }
  switch (m.state) {
    case "none":
      if (feeCents === 0 && !m.intentMade) return null;
      return m.intentMade
        ? "You weren't charged. If a payment went through in another window as this ended, it is refunded in full automatically, and this page will say so."
        : "You weren't charged.";
    case "refund_pending":
      return `Your payment of ${amount} is being refunded in full to the card you paid with.`;
    case "refunded":
      return m.refundedAt !== null
        ? `Your payment of ${amount} was refunded in full on ${formatDate(m.refundedAt, timeZone, { now })}, to the card you paid with. Your bank may take a few days to show it.`
        : `Your payment of ${amount} was refunded in full to the card you paid with.`;
    case "paid":
      // Money is never kept on an ended appointment (its refund is set due in the same commit), so claim nothing.
      return null;
  }
}

/** What the patient's pay step shows (lib/server/payments/prepare.ts decides it). */
export type PaymentStep =
  | { mode: "processing" }
  | { mode: "element"; publishableKey: string; clientSecret: string }
  | { mode: "test" }
  | { mode: "unavailable"; message: string };
