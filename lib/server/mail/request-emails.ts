import "server-only";
import { formatMoney, type CurrencyCode } from "@/lib/domain/money";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { MailMessage } from "./queue-mail";
import { renderEmail } from "./email-template";
import type { AppointmentDoc } from "@/lib/server/appointments/model";

type Summary = Pick<AppointmentDoc, "clinicName" | "clinicContact" | "doctorName" | "timezone" | "start" | "feeCents" | "currency" | "patient">;

const when = (a: Summary) => formatSlotInZone(a.start.toDate(), a.timezone);
// The real deadline (the clinic's hold rule, never past the visit), not a fixed "24 hours".
const deadline = (a: Summary & Pick<AppointmentDoc, "expiresAt">) =>
  a.expiresAt ? formatSlotInZone(a.expiresAt.toDate(), a.timezone) : "the clinic answers";

function mail(a: Summary, subject: string, heading: string, paragraphs: string[], statusUrl?: string): MailMessage {
  const body = renderEmail({
    heading,
    paragraphs,
    button: statusUrl ? { label: "See your request", url: statusUrl } : undefined,
    clinic: { name: a.clinicName, ...a.clinicContact },
  });
  return { to: a.patient.email, subject, ...body };
}

export function requestReceivedEmail(a: Summary & Pick<AppointmentDoc, "expiresAt">, statusUrl: string, confirmUrl: string | null = null): MailMessage {
  if (confirmUrl) return confirmYourEmail(a, confirmUrl);
  const payment =
    a.feeCents > 0
      ? `Once approved, you'll be asked to pay the ${formatMoney(a.feeCents, a.currency as CurrencyCode)} fee to confirm.`
      : "There is no fee: your visit is confirmed as soon as the clinic approves it.";
  return mail(
    a,
    `We received your request: ${a.doctorName}, ${when(a)}`,
    `Hello ${a.patient.name}, we received your request`,
    [
      `${a.doctorName} at ${a.clinicName}, ${when(a)}.`,
      `We're holding this time for you until ${deadline(a)} while the clinic reviews your request. ${payment}`,
      "Keep this email: the button below is your private link to check, or cancel, your request.",
    ],
    statusUrl,
  );
}

export function cancelledEmail(a: Summary): MailMessage {
  return mail(a, `Your request was cancelled: ${when(a)}`, "Your request was cancelled", [
    `You cancelled your request with ${a.doctorName} at ${a.clinicName}, ${when(a)}. The time has been released.`,
    "You're welcome to book another time whenever suits you.",
  ]);
}

export function expiredEmail(a: Summary): MailMessage {
  return mail(a, `Your request expired: ${when(a)}`, "Your request expired", [
    `Your request with ${a.doctorName} at ${a.clinicName}, ${when(a)}, was not completed in time, so the time has been released.`,
    "Please book again if you'd still like to be seen.",
  ]);
}

/** At a clinic that asks for it: the request is held 30 minutes until the patient confirms their email. */
function confirmYourEmail(a: Summary & Pick<AppointmentDoc, "expiresAt">, confirmUrl: string): MailMessage {
  const body = renderEmail({
    heading: `Hello ${a.patient.name}, please confirm your request`,
    paragraphs: [
      `${a.doctorName} at ${a.clinicName}, ${when(a)}.`,
      `${a.clinicName} asks you to confirm your email address before your request goes to the clinic. We're holding this time for you until ${deadline(a)}; if you don't confirm by then, the time is released.`,
      "If you didn't ask for this, ignore this email.",
    ],
    button: { label: "Confirm my request", url: confirmUrl },
    clinic: { name: a.clinicName, ...a.clinicContact },
  });
  return { to: a.patient.email, subject: `Please confirm your request: ${a.doctorName}, ${when(a)}`, ...body };
}
