import "server-only";
import { policyWords, refundWords } from "@/lib/domain/cancellation-policy";
import { formatMoney, type CurrencyCode } from "@/lib/domain/money";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { AppointmentDoc } from "@/lib/server/appointments/model";
import { policyOf } from "@/lib/server/appointments/cancellation";
import { renderEmail } from "./email-template";
import type { MailMessage } from "./queue-mail";
import { oneLine } from "./review-emails";

// The emails of the patient's own changes to a confirmed visit: a cancellation
// (with what goes back under the clinic's policy) and a move, to the patient
// and to the clinic. The patient's reason for the visit is never included.

type Summary = Pick<
  AppointmentDoc,
  "clinicName" | "clinicContact" | "doctorName" | "timezone" | "start" | "feeCents" | "currency" | "patient" | "cancellationPolicy"
>;

const when = (start: AppointmentDoc["start"], a: Summary) => formatSlotInZone(start.toDate(), a.timezone);
const money = (cents: number, currency: string) => formatMoney(cents, currency.toUpperCase() as CurrencyCode);

function toPatient(a: Summary, subject: string, heading: string, paragraphs: string[], button?: { label: string; url: string }): MailMessage {
  const body = renderEmail({ heading, paragraphs, button, clinic: { name: a.clinicName, ...a.clinicContact } });
  return { to: a.patient.email, subject, ...body };
}

function toClinic(a: Summary, to: string, subject: string, heading: string, paragraphs: string[], url: string, label: string): MailMessage {
  const body = renderEmail({
    heading,
    paragraphs: [...paragraphs, "You get these emails because you review booking requests. Turn them off on your dashboard."],
    button: { label, url },
    clinic: { name: a.clinicName },
  });
  return { to, subject, ...body };
}

/** What happens to the money, in the patient's words (null: nothing was paid); refunds take days to show. */
function refundSentence(paid: { amountCents: number; currency: string } | null, refundCents: number): string | null {
  const words = paid ? refundWords(paid.amountCents, refundCents, paid.currency) : null;
  return words && refundCents > 0 ? `${words} Refunds take 5–10 business days to appear.` : words;
}

/** The patient cancelled their confirmed visit: the time is released, and the money as the policy decided. */
export function visitCancelledEmail(a: Summary, paid: { amountCents: number; currency: string } | null, refundCents: number, bookUrl: string): MailMessage {
  const moneyLine = refundSentence(paid, refundCents);
  return toPatient(
    a,
    `Your visit was cancelled: ${when(a.start, a)}`,
    `Hello ${oneLine(a.patient.name)}, your visit is cancelled`,
    [
      `You cancelled your visit with ${a.doctorName} at ${a.clinicName}, ${when(a.start, a)}. The time has been released.`,
      ...(moneyLine ? [moneyLine, `The clinic's policy: ${policyWords(policyOf(a), a.feeCents, a.currency)}`] : []),
      "You're welcome to book another time whenever suits you.",
    ],
    { label: "Book another time", url: bookUrl },
  );
}

/**
 * The money, for the clinic: what was paid, what goes back and what it keeps. Sent in the cancel's commit,
 * before Stripe is asked for the refund (and retried if that fails), so it says what is refunded, not that it was.
 */
function clinicMoneySentence(paid: { amountCents: number; currency: string }, refundCents: number): string {
  const of = (cents: number) => money(cents, paid.currency);
  if (refundCents >= paid.amountCents) return `They paid ${of(paid.amountCents)}, which is refunded to them in full.`;
  if (refundCents === 0) return `They paid ${of(paid.amountCents)}. Under your cancellation policy you keep all of it; nothing is refunded.`;
  return `They paid ${of(paid.amountCents)}. Under your cancellation policy you keep ${of(paid.amountCents - refundCents)} and ${of(refundCents)} is refunded to them.`;
}

/** To the clinic's contact address and reviewers: a patient cancelled a confirmed visit. */
export function visitCancelledClinicEmail(a: Summary, to: string, url: string, paid: { amountCents: number; currency: string } | null, refundCents: number): MailMessage {
  const name = oneLine(a.patient.name);
  const moneyLine = paid && paid.amountCents > 0 ? clinicMoneySentence(paid, refundCents) : null;
  return toClinic(
    a,
    to,
    `${name} cancelled their visit: ${when(a.start, a)}`,
    "A patient cancelled their visit",
    [`${name} cancelled their visit with ${a.doctorName}, ${when(a.start, a)}. The time is free again.`, ...(moneyLine ? [moneyLine] : [])],
    url,
    "Open the visit",
  );
}
