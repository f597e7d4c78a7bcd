import "server-only";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import type { Role } from "@/lib/domain/roles";
import { renderEmail } from "./email-template";

// Emails to staff, not patients: an invitation to a clinic, and a new clinic's
// admin's email verification link. (Password resets are Firebase Auth's own emails.)

const dateFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** The invitation to join a clinic: the link works once, until it expires. */
export function inviteEmail(clinic: DocumentSnapshot, invite: { role: Role; doctorName?: string; invitedByName: string; url: string; expiresAt: Date }) {
  const clinicName = String(clinic.get("name"));
  const as = {
    admin: "an admin",
    staff: "a staff member",
    doctor: invite.doctorName ? `a doctor (${invite.doctorName})` : "a doctor",
  }[invite.role];
  const { text, html } = renderEmail({
    heading: `Join ${clinicName} on Clinic booking`,
    paragraphs: [
      // The inviter's name is what they typed when they joined: never at the start of a line.
      `You're invited to join ${clinicName} as ${as}, by ${invite.invitedByName}.`,
      `The link works once and until ${dateFormat.format(invite.expiresAt)}. If you weren't expecting this, you can ignore this email.`,
    ],
    button: { label: "Accept the invitation", url: invite.url },
    clinic: {
      name: clinicName,
      phone: String(clinic.get("phone") ?? ""),
      email: String(clinic.get("email") ?? ""),
      address: String(clinic.get("address") ?? ""),
    },
  });
  return { subject: `You're invited to join ${clinicName}`, text, html };
}

/**
 * The admin's link to verify their email, which opens the clinic's booking page
 * (lib/server/clinics/booking-page-opening.ts says why it is ours, not Firebase's own email).
 */
export function verificationEmail(clinicName: string, url: string) {
  const { text, html } = renderEmail({
    heading: "Verify your email to open your booking page",
    paragraphs: [
      `Patients can book at ${clinicName} once you confirm this is your email address.`,
      "If you didn't create a clinic on Clinic booking, you can ignore this email.",
    ],
    button: { label: "Verify my email", url },
    clinic: { name: clinicName },
  });
  return { subject: `Verify your email to open ${clinicName}'s booking page`, text, html };
}
