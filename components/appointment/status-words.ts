import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { formatDate } from "@/lib/domain/time-format";
import { feeAmount } from "@/components/booking/fee";

// The patient's status page names what they have: a request until it is
// confirmed, then a visit, and once paid, what was paid and when (not "Fee",
// which reads as money still owed).

/** Money the patient has paid and that stays paid (not being refunded). */
export type PaidReceipt = { amountCents: number; currency: string; paidAt: number };

// A visit with a move waiting is still the visit, at its own time, until the clinic answers.
export const isVisit = (status: AppointmentStatus) => status === "confirmed" || status === "move_requested";

/** `wasConfirmed`: a visit that ended (cancelled) is still spoken of as the visit it was. */
export function statusPageHeading(status: AppointmentStatus, doctorName: string, wasConfirmed = false): string {
  return isVisit(status) || wasConfirmed ? `Your visit with ${doctorName}` : `Your request with ${doctorName}`;
}

export function detailsHeading(status: AppointmentStatus, wasConfirmed = false): string {
  return isVisit(status) || wasConfirmed ? "Visit details" : "Request details";
}

/** The money row of the details: "Paid · $50.00 on Tue, Dec 1", "Fee · $50.00" or "Fee · Free". */
export function moneyRow(input: {
  feeCents: number;
  currency: string;
  paid: PaidReceipt | null;
  timeZone: string;
  now: number;
}): { term: string; detail: string } {
  const { paid } = input;
  if (paid) {
    const amount = feeAmount(paid.amountCents, paid.currency.toUpperCase());
    return { term: "Paid", detail: `${amount} on ${formatDate(paid.paidAt, input.timeZone, { now: input.now })}` };
  }
  return { term: "Fee", detail: input.feeCents > 0 ? feeAmount(input.feeCents, input.currency) : "Free" };
}
