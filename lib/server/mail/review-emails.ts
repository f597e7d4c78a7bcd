import "server-only";
import { formatMoney, type CurrencyCode } from "@/lib/domain/money";
import { originalTimeLostWords, type OriginalTimeLost } from "@/lib/domain/no-time-held";
import { formatSlotInZone } from "@/lib/domain/time-format";
import { renderEmail } from "./email-template";
import { appointmentPolicy, policyWords } from "@/lib/domain/cancellation-policy";
import type { MailMessage } from "./queue-mail";
import type { AppointmentDoc } from "@/lib/server/appointments/model";

// The emails of the review step: to the patient (approved, confirmed with an
// .ics, a proposed time, declined, their answer to a proposal) and to the
// clinic (a new request, the patient's answer). The patient's free-text
// reason is never put in an email; every other string a person typed (names,
// the clinic's message or decline reason) is made one line, so it cannot
// start a line of its own in the text version, and renderEmail escapes HTML.

type Summary = Pick<
  AppointmentDoc,
  "clinicName" | "clinicContact" | "doctorName" | "timezone" | "start" | "feeCents" | "currency" | "patient"
> &
  Partial<Pick<AppointmentDoc, "cancellationPolicy">>;

/** The cancellation policy the appointment was booked under, as the status page says it. */
const cancellation = (a: Summary) => `Cancellation: ${policyWords(appointmentPolicy(a.cancellationPolicy), a.feeCents, a.currency)}`;

/** Collapses line breaks, control characters and runs of spaces into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, " ").trim();
}

const when = (start: AppointmentDoc["start"], a: Summary) => formatSlotInZone(start.toDate(), a.timezone);
const fee = (a: Summary) => formatMoney(a.feeCents, a.currency as CurrencyCode);
const patientName = (a: Summary) => oneLine(a.patient.name);
// The hold's real deadline (never past the visit's start) when the caller passes it.
const byDeadline = (a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] }) =>
  a.expiresAt ? `by ${when(a.expiresAt, a)}` : "within 24 hours";

function toPatient(
  a: Summary,
  subject: string,
  heading: string,
  paragraphs: string[],
  button?: { label: string; url: string },
): MailMessage {
  const body = renderEmail({ heading, paragraphs, button, clinic: { name: a.clinicName, ...a.clinicContact } });
  return { to: a.patient.email, subject, ...body };
}

export function approvedPleasePayEmail(a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] }, statusUrl: string): MailMessage {
  return toPatient(
    a,
    `Approved — please pay to confirm: ${when(a.start, a)}`,
    `Hello ${patientName(a)}, your request was approved`,
    [
      `${a.doctorName} at ${a.clinicName}, ${when(a.start, a)}.`,
      `Please pay the ${fee(a)} fee ${byDeadline(a)} to confirm your visit. We're holding the time for you until then.`,
      cancellation(a),
    ],
    { label: "Pay and confirm", url: statusUrl },
  );
}

export function confirmedEmail(a: Summary, statusUrl: string, ics: { filename: string; content: string }): MailMessage {
  const mail = toPatient(
    a,
    `Confirmed: ${a.doctorName}, ${when(a.start, a)}`,
    `Hello ${patientName(a)}, your visit is confirmed`,
    [
      `${a.doctorName} at ${a.clinicName}, ${when(a.start, a)}.`,
      ...(a.clinicContact.address ? [`Address: ${a.clinicContact.address}.`] : []),
      "The attached invite adds the visit to your calendar.",
      `${cancellation(a)} You can cancel your visit from your status page.`,
    ],
    { label: "See your appointment", url: statusUrl },
  );
  return { ...mail, attachments: [{ filename: ics.filename, content: ics.content, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }] };
}

export function proposedTimeEmail(a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] }, previousStart: AppointmentDoc["start"], message: string | null, statusUrl: string): MailMessage {
  return toPatient(
    a,
    `The clinic proposed a new time: ${when(a.start, a)}`,
    `Hello ${patientName(a)}, the clinic proposed a new time`,
    [
      `${a.clinicName} can't see you at ${when(previousStart, a)} and proposes ${when(a.start, a)} with ${a.doctorName} instead.`,
      ...(message ? [`Message from the clinic: ${oneLine(message)}`] : []),
      `Please accept or decline the new time on your request's page ${byDeadline(a)}; we're holding it for you until then.`,
    ],
    { label: "Accept or decline", url: statusUrl },
  );
}

/**
 * Staff replaced the time they proposed while the patient hadn't answered:
 * only the new time can be accepted now (the status page refuses an answer
 * given to the earlier one).
 */
export function differentTimeProposedEmail(
  a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] },
  replacedStart: AppointmentDoc["start"],
  originalStart: AppointmentDoc["start"],
  message: string | null,
  statusUrl: string,
): MailMessage {
  return toPatient(
    a,
    `The clinic proposed a different time: ${when(a.start, a)}`,
    `Hello ${patientName(a)}, the clinic proposed a different time`,
    [
      `${a.clinicName} withdrew the time it proposed, ${when(replacedStart, a)}, and proposes ${when(a.start, a)} with ${a.doctorName} instead of your original time, ${when(originalStart, a)}.`,
      ...(message ? [`Message from the clinic: ${oneLine(message)}`] : []),
      `Please accept or decline the new time on your request's page ${byDeadline(a)}; we're holding it for you until then. The earlier proposal can no longer be accepted.`,
    ],
    { label: "Accept or decline", url: statusUrl },
  );
}

/** What stands after staff withdrew their proposal: the visit at its original time, the request back for review holding it, or holding no time. */
export type WithdrawnOutcome = "confirmed" | "pending_held" | "pending_not_held";

export function proposalWithdrawnEmail(
  a: Summary,
  withdrawnStart: AppointmentDoc["start"],
  outcome: WithdrawnOutcome,
  statusUrl: string,
  lost: OriginalTimeLost | null = null,
): MailMessage {
  const withdrew = `The clinic withdrew the time it proposed, ${when(withdrawnStart, a)}, so there is nothing for you to answer.`;
  const stands: Record<WithdrawnOutcome, { subject: string; text: string }> = {
    confirmed: {
      subject: `Your visit stays at ${when(a.start, a)}`,
      text: `Your visit with ${a.doctorName} stays at its original time, ${when(a.start, a)}. Nothing else changes.`,
    },
    pending_held: {
      subject: `The clinic withdrew the proposed time: your request for ${when(a.start, a)} stands`,
      text: `Your request for ${when(a.start, a)} with ${a.doctorName} is back with the clinic for review, and we're holding that time for you.`,
    },
    pending_not_held: {
      subject: "The clinic withdrew the proposed time",
      text: `${originalTimeLostWords(lost, when(a.start, a))} The clinic will propose another time or reply to your request; you can still cancel it on its page.`,
    },
  };
  return toPatient(a, stands[outcome].subject, `Hello ${patientName(a)}, the clinic withdrew the time it proposed`, [withdrew, stands[outcome].text], {
    label: "See your request",
    url: statusUrl,
  });
}

export function declinedEmail(a: Summary, reason: string, bookUrl: string): MailMessage {
  return toPatient(
    a,
    `Your request wasn't accepted: ${when(a.start, a)}`,
    `Hello ${patientName(a)}, the clinic couldn't accept your request`,
    [
      `Your request with ${a.doctorName} at ${a.clinicName}, ${when(a.start, a)}, wasn't accepted. The time has been released.`,
      `The clinic's reason: ${oneLine(reason)}`,
      "You're welcome to book another time.",
    ],
    { label: "Book again", url: bookUrl },
  );
}

/** The patient turned the proposed time down; their request waits for the clinic again. */
export function proposalRejectedEmail(a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] }, statusUrl: string): MailMessage {
  return toPatient(
    a,
    "You declined the proposed time",
    `Hello ${patientName(a)}, we told the clinic`,
    [
      `You declined the time ${a.clinicName} proposed. The clinic can propose another time ${byDeadline(a)}; otherwise your request expires.`,
      "You can still cancel your request on its page.",
    ],
    { label: "See your request", url: statusUrl },
  );
}

/** A paid appointment whose patient turned down a proposal is cancelled (and refunded by the payments code). */
export function proposalRejectedCancelledEmail(a: Summary): MailMessage {
  return toPatient(a, "Your appointment was cancelled", "Your appointment was cancelled", [
    `You declined the time ${a.clinicName} proposed, so your appointment with ${a.doctorName} is cancelled and your payment will be refunded.`,
    "You're welcome to book another time.",
  ]);
}

// To the clinic: its contact address and each member who reviews requests.

function toClinic(a: Summary, to: string, subject: string, heading: string, paragraphs: string[], requestUrl: string): MailMessage {
  const body = renderEmail({
    heading,
    paragraphs: [...paragraphs, "You get these emails because you review booking requests. Turn them off on your dashboard."],
    button: { label: "Open the request", url: requestUrl },
    clinic: { name: a.clinicName },
  });
  return { to, subject, ...body };
}

export function newRequestClinicEmail(a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] }, to: string, requestUrl: string): MailMessage {
  return toClinic(
    a,
    to,
    `New request: ${patientName(a)}, ${when(a.start, a)}`,
    "A new booking request needs review",
    [`${patientName(a)} asked for ${when(a.start, a)} with ${a.doctorName}. The time is held until ${a.expiresAt ? when(a.expiresAt, a) : "you review it"} while you review it.`],
    requestUrl,
  );
}

export function patientAnsweredClinicEmail(
  a: Summary & { expiresAt?: AppointmentDoc["expiresAt"] },
  to: string,
  requestUrl: string,
  answer: "accepted" | "declined",
): MailMessage {
  const text =
    answer === "accepted"
      ? `${patientName(a)} accepted the proposed time, ${when(a.start, a)} with ${a.doctorName}.`
      : `${patientName(a)} declined the proposed time. Propose another time or decline the request ${byDeadline(a)}, or it expires.`;
  return toClinic(a, to, `${patientName(a)} ${answer} the proposed time`, `The patient ${answer} the proposed time`, [text], requestUrl);
}
