import "server-only";
import { daysInWords } from "@/lib/domain/waitlist";
import type { Weekday } from "@/lib/domain/slots";
import { formatDate } from "@/lib/domain/time-format";
import type { MailMessage } from "./queue-mail";
import { renderEmail } from "./email-template";

export interface WaitlistMailContext {
  clinic: { name: string; phone: string; email: string; address: string; timezone: string };
  doctorName: string;
  to: string;
  leaveUrl: string;
  /** Where a mail app's one-click unsubscribe POSTs (RFC 8058): leaves at once. */
  oneClickLeaveUrl: string;
}

const footer = (leaveUrl: string) => ({ label: "Stop these emails (leave the waiting list)", url: leaveUrl });
/** RFC 2369 and 8058: mail apps show their own "Unsubscribe", which POSTs to the one-click address. */
const listHeaders = (c: WaitlistMailContext) => ({ "List-Unsubscribe": `<${c.oneClickLeaveUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

/** Sent at each join: says what was asked for, and how to undo it (anyone can type anyone's address). */
export function joinedEmail(c: WaitlistMailContext, days: readonly Weekday[], expiresAt: Date, calendarUrl: string, now: Date): MailMessage {
  const until = formatDate(expiresAt, c.clinic.timezone, { now });
  const body = renderEmail({
    heading: `You're on the waiting list for ${c.doctorName}`,
    paragraphs: [
      `We'll email you as soon as a time opens with ${c.doctorName} at ${c.clinic.name} (${daysInWords(days)}), until ${until}.`,
      "Times are not held for the waiting list: the first person to book a freed time gets it, so book soon after our email.",
      "If you didn't ask for this, use the link at the bottom of this email and we'll forget your address.",
    ],
    button: { label: "See free times", url: calendarUrl },
    clinic: c.clinic,
    footerLink: footer(c.leaveUrl),
  });
  return { to: c.to, subject: `Waiting list: ${c.doctorName}, ${c.clinic.name}`, ...body, headers: listHeaders(c) };
}

/** A time opened on `date` (the clinic's local date): the link opens the calendar there. */
export function timeOpenedEmail(c: WaitlistMailContext, date: string, calendarUrl: string, now: Date): MailMessage {
  // Noon UTC of the local date names the same day in every zone's words.
  const day = formatDate(Date.parse(`${date}T12:00:00Z`), "UTC", { now });
  const body = renderEmail({
    heading: `A time opened with ${c.doctorName}`,
    paragraphs: [
      `A time is free with ${c.doctorName} at ${c.clinic.name} on ${day}.`,
      "It isn't held for you: the first person to book it gets it. Use the button below to see the free times and book.",
    ],
    button: { label: `See free times on ${day}`, url: calendarUrl },
    clinic: c.clinic,
    footerLink: footer(c.leaveUrl),
  });
  return { to: c.to, subject: `A time opened: ${c.doctorName}, ${day}`, ...body, headers: listHeaders(c) };
}
