import "server-only";
import { formatSlotInZone } from "@/lib/domain/time-format";
import { renderEmail } from "./email-template";
import type { MailMessage } from "./queue-mail";
import type { AppointmentDoc } from "@/lib/server/appointments/model";
import { oneLine } from "./review-emails";

type Summary = Pick<AppointmentDoc, "clinicName" | "doctorName" | "timezone" | "start" | "expiresAt" | "patient">;

/** To a clinic reviewer, 2 hours before an unreviewed request lapses (sent once: reminderSentAt). */
export function reviewReminderEmail(a: Summary, to: string, requestUrl: string): MailMessage {
  const name = oneLine(a.patient.name);
  const deadline = a.expiresAt ? formatSlotInZone(a.expiresAt.toDate(), a.timezone) : "soon";
  const body = renderEmail({
    heading: "A request expires soon",
    paragraphs: [
      `${name}'s request for ${formatSlotInZone(a.start.toDate(), a.timezone)} with ${a.doctorName} hasn't been reviewed yet.`,
      `It expires ${deadline} and the time is released unless you approve, propose another time or decline it.`,
      "You get these emails because you review booking requests. Turn them off on your dashboard.",
    ],
    button: { label: "Open the request", url: requestUrl },
    clinic: { name: a.clinicName },
  });
  return { to, subject: `Expires soon: ${name}'s request, ${formatSlotInZone(a.start.toDate(), a.timezone)}`, ...body };
}
