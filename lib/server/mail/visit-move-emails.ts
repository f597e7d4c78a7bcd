import "server-only";
import { policyWords } from "@/lib/domain/cancellation-policy";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { AppointmentDoc } from "@/lib/server/appointments/model";
import { policyOf } from "@/lib/server/appointments/cancellation";
import { renderEmail } from "./email-template";
import type { MailMessage } from "./queue-mail";
import { oneLine } from "./review-emails";

// The emails of a patient's move of their confirmed visit to another time: to
// the patient at each step (asked, moved, declined, withdrawn, lapsed) and to
// the clinic's reviewers when it has something to answer or to know. The
// patient's reason for the visit is never included.

type Summary = Pick<
  AppointmentDoc,
  "clinicName" | "clinicContact" | "doctorName" | "timezone" | "start" | "feeCents" | "currency" | "patient" | "cancellationPolicy"
>;
type Stamp = AppointmentDoc["start"];

const when = (start: Stamp, a: Summary) => formatSlotInZone(start.toDate(), a.timezone);
const name = (a: Summary) => oneLine(a.patient.name);

function toPatient(a: Summary, subject: string, heading: string, paragraphs: string[], button: { label: string; url: string }): MailMessage {
  const body = renderEmail({ heading, paragraphs, button, clinic: { name: a.clinicName, ...a.clinicContact } });
  return { to: a.patient.email, subject, ...body };
}

function toClinic(a: Summary, to: string, subject: string, heading: string, paragraphs: string[], url: string): MailMessage {
  const body = renderEmail({
    heading,
    paragraphs: [...paragraphs, "You get these emails because you review booking requests. Turn them off on your dashboard."],
    button: { label: "Open the request", url },
    clinic: { name: a.clinicName },
  });
  return { to, subject, ...body };
}

/** The patient asked to move: the new time is held, the visit stays where it is until the clinic answers (by `deadline`). */
export function moveRequestedEmail(a: Summary, newStart: Stamp, deadline: Stamp, statusUrl: string): MailMessage {
  return toPatient(
    a,
    `We asked the clinic to move your visit to ${when(newStart, a)}`,
    `Hello ${name(a)}, your move is waiting for the clinic`,
    [
      `You asked to move your visit with ${a.doctorName} from ${when(a.start, a)} to ${when(newStart, a)}. We're holding the new time for you.`,
      `Your visit stays confirmed at ${when(a.start, a)} until the clinic answers. If it hasn't answered by ${when(deadline, a)}, the new time is released and your visit stays as it is.`,
      "Nothing changes on your payment: a move is never charged again.",
    ],
    { label: "See your visit", url: statusUrl },
  );
}

/** To the clinic's reviewers: a patient asks to move their visit; answer before `deadline`. */
export function moveRequestedClinicEmail(a: Summary, to: string, newStart: Stamp, deadline: Stamp, url: string): MailMessage {
  return toClinic(
    a,
    to,
    `${name(a)} asks to move their visit to ${when(newStart, a)}`,
    "A patient asks to move their visit",
    [
      `${name(a)} asks to move their visit with ${a.doctorName} from ${when(a.start, a)} to ${when(newStart, a)}. Both times are held until you answer.`,
      `Please approve or decline by ${when(deadline, a)}; after that the request lapses and the visit stays at ${when(a.start, a)}.`,
    ],
    url,
  );
}

/** The visit now is at its new time (`a.start`), moved from `previousStart`: the clinic approved, or the clinic lets patients move at once. */
export function visitMovedEmail(a: Summary, previousStart: Stamp, statusUrl: string, ics: { filename: string; content: string }): MailMessage {
  const mail = toPatient(
    a,
    `Moved: ${a.doctorName}, ${when(a.start, a)}`,
    `Hello ${name(a)}, your visit has moved`,
    [
      `Your visit with ${a.doctorName} at ${a.clinicName} is now ${when(a.start, a)} (it was ${when(previousStart, a)}, which is released).`,
      ...(a.clinicContact.address ? [`Address: ${a.clinicContact.address}.`] : []),
      "The attached invite updates the visit in your calendar. Nothing changes on your payment.",
      `Cancellation: ${policyWords(policyOf(a), a.feeCents, a.currency)}`,
    ],
    { label: "See your visit", url: statusUrl },
  );
  return { ...mail, attachments: [{ filename: ics.filename, content: ics.content, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }] };
}

/** To the clinic's reviewers: a patient moved their visit at once (the clinic allows it inside the free window). */
export function visitMovedClinicEmail(a: Summary, to: string, previousStart: Stamp, url: string): MailMessage {
  return toClinic(
    a,
    to,
    `${name(a)} moved their visit to ${when(a.start, a)}`,
    "A patient moved their visit",
    [`${name(a)} moved their visit with ${a.doctorName} from ${when(previousStart, a)} to ${when(a.start, a)}. The old time is free again.`],
    url,
  );
}

export type MoveEnd = "declined" | "withdrawn" | "lapsed";

const END_WORDS: Record<MoveEnd, (a: Summary, newStart: Stamp) => string> = {
  declined: (a, newStart) => `${a.clinicName} couldn't move your visit to ${when(newStart, a)}.`,
  withdrawn: (a, newStart) => `You withdrew your request to move your visit to ${when(newStart, a)}.`,
  lapsed: (a, newStart) => `The clinic didn't answer your request to move your visit to ${when(newStart, a)} in time, so it has lapsed.`,
};

/** The move did not happen (the clinic declined, the patient withdrew, or nobody answered): the visit stays at its own time. */
export function moveEndedEmail(a: Summary, newStart: Stamp, end: MoveEnd, reason: string | null, statusUrl: string): MailMessage {
  const subjects: Record<MoveEnd, string> = {
    declined: "Your visit was not moved",
    withdrawn: "You withdrew your move request",
    lapsed: "Your move request lapsed",
  };
  return toPatient(
    a,
    `${subjects[end]}: still ${when(a.start, a)}`,
    `Hello ${name(a)}, your visit stays at ${when(a.start, a)}`,
    [
      END_WORDS[end](a, newStart),
      ...(reason ? [`Message from the clinic: ${oneLine(reason)}`] : []),
      `Your visit with ${a.doctorName} stays confirmed at ${when(a.start, a)}. You can ask for another time, or cancel, from your visit's page.`,
    ],
    { label: "See your visit", url: statusUrl },
  );
}

/** To the clinic's reviewers: the patient withdrew their move request (nothing left to answer). */
export function moveWithdrawnClinicEmail(a: Summary, to: string, newStart: Stamp, url: string): MailMessage {
  return toClinic(
    a,
    to,
    `${name(a)} withdrew their move request`,
    "A move request was withdrawn",
    [`${name(a)} no longer asks to move their visit to ${when(newStart, a)}; it stays at ${when(a.start, a)}. That time is free again.`],
    url,
  );
}
