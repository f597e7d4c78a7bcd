import { z } from "zod";
import { bookingFormSchema } from "./booking-request";

// "Wrong address?" on the patient's page right after booking. The rules:
// - only within EMAIL_CORRECTION_WINDOW_MS of the request (the app's clock),
// - only while the request is pending, holds its time, and nobody has acted on
//   it (no history besides the request and earlier corrections; at a clinic
//   that asks for email confirmation, not yet confirmed: a confirmed address is
//   proven and the clinic was already told),
// - at most MAX_EMAIL_CORRECTIONS times per request.
// Past any of these the patient sends a new request instead; nothing is written.

export const EMAIL_CORRECTION_WINDOW_MS = 10 * 60_000;
export const MAX_EMAIL_CORRECTIONS = 3;

/** The same rule as the booking form's email field (trimmed, lowercased, valid). */
export const emailCorrectionSchema = z.object({ email: bookingFormSchema.shape.patient.shape.email });

export const TOO_LATE_TO_CORRECT = "It's too late to change the address here. Please send a new request with the right address.";
export const TOO_MANY_CORRECTIONS = "This address has been changed too many times. Please send a new request with the right address.";
export const SAME_ADDRESS = "That's the address we already sent the link to";

export interface CorrectableRequest {
  status: string;
  timeHeld: boolean;
  createdAtMs: number;
  /** History entries so far (the appointment's version). */
  version: number;
  /** Corrections made so far. */
  corrections: number;
  /** Only at clinics that ask for confirmation: whether the patient confirmed. */
  emailConfirmed: boolean;
}

/** Until when the address may still be corrected, or null when it may not (now or ever again). */
export function emailCorrectionDeadline(r: CorrectableRequest, nowMs: number): number | null {
  const until = r.createdAtMs + EMAIL_CORRECTION_WINDOW_MS;
  return emailCorrectionRefusal(r, nowMs) === null ? until : null;
}

/** Why a correction is refused now (the patient's message), or null when it is allowed. */
export function emailCorrectionRefusal(r: CorrectableRequest, nowMs: number): string | null {
  if (r.corrections >= MAX_EMAIL_CORRECTIONS) return TOO_MANY_CORRECTIONS;
  const untouched = r.version === 1 + r.corrections;
  if (r.status !== "pending" || !r.timeHeld || !untouched || r.emailConfirmed) return TOO_LATE_TO_CORRECT;
  if (nowMs - r.createdAtMs > EMAIL_CORRECTION_WINDOW_MS || nowMs < r.createdAtMs) return TOO_LATE_TO_CORRECT;
  return null;
}
