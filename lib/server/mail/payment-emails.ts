import "server-only";
import { formatMoney, type CurrencyCode } from "@/lib/domain/money";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { AppointmentDoc, RefundReason } from "@/lib/server/appointments/model";
import { oneLine } from "./review-emails";
import { renderEmail } from "./email-template";
import type { MailMessage } from "./queue-mail";

// The payment emails to the patient: a declined card (try again), and money
// going back (with the reason in plain words).

type Summary = Pick<AppointmentDoc, "clinicName" | "clinicContact" | "doctorName" | "timezone" | "start" | "feeCents" | "currency" | "patient">;

const when = (a: Summary) => formatSlotInZone(a.start.toDate(), a.timezone);
const money = (cents: number, currency: string) => formatMoney(cents, currency.toUpperCase() as CurrencyCode);

function toPatient(a: Summary, subject: string, heading: string, paragraphs: string[], button?: { label: string; url: string }): MailMessage {
  const body = renderEmail({ heading, paragraphs, button, clinic: { name: a.clinicName, ...a.clinicContact } });
  return { to: a.patient.email, subject, ...body };
}

export function paymentFailedEmail(a: Summary, statusUrl: string): MailMessage {
  return toPatient(
    a,
    `Your payment didn't go through: ${when(a)}`,
    `Hello ${oneLine(a.patient.name)}, your payment didn't go through`,
    [
      `Your card was not charged for the visit with ${a.doctorName} at ${a.clinicName}, ${when(a)}.`,
      "The time is still held for you. Please try again, with the same or another card.",
    ],
    { label: "Try again", url: statusUrl },
  );
}

const WHY: Record<RefundReason, (a: Summary) => string> = {
  time_taken: (a) => `Your payment arrived after the request had ended, and the time (${when(a)}) had been given to someone else.`,
  amount_mismatch: () => "The amount paid did not match the clinic's fee, so we did not use it to confirm the visit.",
  duplicate: () => "This appointment had already been paid for.",
  clinic_cancelled: (a) => `${a.clinicName} cancelled your visit with ${a.doctorName} on ${when(a)}.`,
  proposal_rejected: () => "You declined the new time the clinic proposed, so the appointment was cancelled.",
  proposal_expired: () => "The new time the clinic proposed lapsed before you answered, so the appointment was cancelled.",
  patient_cancelled: () => "You cancelled the appointment.",
  time_changed: () => "Your payment arrived after the clinic changed the appointment, so we did not use it. Your status page shows what happens next.",
  not_this_appointment: () => "This payment was not the one the appointment asked for, so we did not use it.",
  stripe_dashboard: (a) => `${a.clinicName} refunded your payment.`,
};

export function refundEmail(a: Summary, reason: RefundReason, amountCents: number, currency: string, note?: string | null): MailMessage {
  return toPatient(a, "Your payment is being refunded", `Hello ${oneLine(a.patient.name)}, your payment is being refunded`, [
    WHY[reason](a),
    ...(note ? [`The clinic's reason: ${oneLine(note)}.`] : []),
    `We're refunding ${money(amountCents, currency)} in full to the card you paid with. Refunds take 5–10 business days to appear.`,
    ...(reason === "clinic_cancelled" || reason === "time_taken" ? ["You're welcome to book another time."] : []),
  ]);
}

/** The clinic cancelled an unpaid (approved) or free appointment; a paid one gets refundEmail instead. */
export function clinicCancelledEmail(a: Summary, reason: string, bookUrl: string): MailMessage {
  return toPatient(
    a,
    `Your visit was cancelled: ${when(a)}`,
    `Hello ${oneLine(a.patient.name)}, ${a.clinicName} cancelled your visit`,
    [`${a.clinicName} cancelled your visit with ${a.doctorName} on ${when(a)}.`, `The clinic's reason: ${oneLine(reason)}.`, "We're sorry. You're welcome to book another time."],
    { label: "Book another time", url: bookUrl },
  );
}
