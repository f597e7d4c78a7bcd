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
