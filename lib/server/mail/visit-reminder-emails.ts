import "server-only";
import { appointmentPolicy, policyWords } from "@/lib/domain/cancellation-policy";
import { firstName } from "@/lib/domain/reminders";
import { formatDate, formatSlotInZone, formatTime, zoneLabel } from "@/lib/domain/time-format";
import type { AppointmentDoc } from "@/lib/server/appointments/model";
import { oneLine, renderEmail } from "./email-template";
import type { MailMessage } from "./queue-mail";

// The scheduled reminders (lib/server/reminders): the patient's, some hours
// before a confirmed visit, and the doctor's morning list. Not the staff's
// "a request expires soon" (reminder-email.ts). renderEmail folds every
// string onto one line and escapes HTML.

type Visit = Pick<AppointmentDoc, "clinicName" | "clinicContact" | "doctorName" | "timezone" | "start" | "patient" | "feeCents" | "currency"> &
  Partial<Pick<AppointmentDoc, "cancellationPolicy">>;

/**
 * To the patient: when (in the clinic's zone), where, the .ics, the status
 * link (their page for the visit, where they can cancel it), and the
 * cancellation policy the visit was booked under, in the same words as the
 * confirmation, the status page and the .ics (policyWords).
 */
export function visitReminderEmail(a: Visit, manageUrl: string, ics: { filename: string; content: string }): MailMessage {
  const when = formatSlotInZone(a.start.toDate(), a.timezone);
  const body = renderEmail({
    heading: `Hello ${oneLine(a.patient.name)}, a reminder of your visit`,
    paragraphs: [
      `${a.doctorName} at ${a.clinicName}, ${when}.`,
      ...(a.clinicContact.address ? [`Address: ${a.clinicContact.address}.`] : []),
      `Cancellation: ${policyWords(appointmentPolicy(a.cancellationPolicy), a.feeCents, a.currency)} You can cancel your visit from your status page.`,
      "The attached invite adds the visit to your calendar.",
    ],
    button: { label: "See your appointment", url: manageUrl },
    clinic: { name: a.clinicName, ...a.clinicContact },
  });
  return {
    to: a.patient.email,
    subject: `Reminder: ${a.doctorName}, ${when}`,
    ...body,
    attachments: [{ filename: ics.filename, content: ics.content, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }],
  };
}

type DayVisit = Pick<AppointmentDoc, "start" | "patient">;

/**
 * To a doctor, the morning of: the day's confirmed visits, each a time and
 * the patient's first name only (no reasons, no contact details).
 */
export function doctorDayEmail(
  to: string,
  day: { clinicName: string; doctorName: string; timezone: string; date: number; scheduleUrl: string },
  visits: DayVisit[],
): MailMessage {
  const date = formatDate(day.date, day.timezone, { now: day.date });
  const zone = zoneLabel(day.timezone, day.date);
  const count = visits.length === 1 ? "1 visit" : `${visits.length} visits`;
  const body = renderEmail({
    heading: `${day.doctorName}, your visits today, ${date}`,
    paragraphs: [
      `${count} at ${day.clinicName} (times are ${zone}):`,
      ...visits.map((v) => `${formatTime(v.start.toDate(), day.timezone)} — ${firstName(v.patient.name)}`),
      "You get this email because your clinic turned on the doctor's-day email in its settings.",
    ],
    button: { label: "Open your schedule", url: day.scheduleUrl },
    clinic: { name: day.clinicName },
  });
  return { to, subject: `Today, ${date}: ${count}`, ...body };
}
