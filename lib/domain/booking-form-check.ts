/**
 * The booking form's check in the browser, written by hand so the patient's
 * page does not load zod (31 KB gzipped) for five fields. The server still
 * parses every request with `bookingFormSchema` (booking-request.ts); this
 * check gives the same verdict and the same first message per field for
 * anything the form can send, which booking-form-check.test.ts proves against
 * the schema. Both read their limits, patterns and words from
 * booking-fields.ts.
 */
import {
  BOOKING_MESSAGES as M,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PHONE_DIGITS,
  MAX_PHONE_LENGTH,
  MAX_REASON_LENGTH,
  MIN_PHONE_DIGITS,
  NAME_FORBIDDEN,
  NAME_LOOKS_LIKE_URL,
  PHONE_CHARACTERS,
  UTC_INSTANT,
  normalizeLineBreaks,
  phoneDigitCount,
} from "./booking-fields";
import { characterCount, EMAIL_PATTERN } from "./field-rules";
import type { FieldErrors } from "./validation";

/** What the booking form sends: the chosen time, the patient's details, and the consent box (which must be ticked). */
export type BookingFormFields = {
  start: string;
  patient: { name: string; email: string; phone: string };
  reason: string;
  consent: boolean;
};

// Each returns the field's first problem, in the order the schema checks them, or null.

function nameProblem(typed: string): string | null {
  const name = typed.trim();
  if (name === "") return M.nameMissing;
  if (characterCount(name) > MAX_NAME_LENGTH) return M.nameTooLong;
  if (NAME_FORBIDDEN.test(name)) return M.nameOneLine;
  if (NAME_LOOKS_LIKE_URL.test(name)) return M.nameNotALink;
  return null;
}

function emailProblem(typed: string): string | null {
  // Lowercased before measuring, as the schema does: lowercasing can lengthen a string ("İ").
  const email = typed.trim().toLowerCase();
  if (email === "") return M.emailMissing;
  if (characterCount(email) > MAX_EMAIL_LENGTH) return M.emailTooLong;
  if (!EMAIL_PATTERN.test(email)) return M.emailInvalid;
  return null;
}

function phoneProblem(typed: string): string | null {
  const phone = typed.trim();
  if (phone === "") return M.phoneMissing;
  if (characterCount(phone) > MAX_PHONE_LENGTH) return M.phoneTooLong;
  if (!PHONE_CHARACTERS.test(phone)) return M.phoneCharacters;
  const digits = phoneDigitCount(phone);
  if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) return M.phoneDigits;
  return null;
}

function reasonProblem(typed: string): string | null {
  const reason = normalizeLineBreaks(typed).trim();
  if (reason === "") return M.reasonMissing;
  if (characterCount(reason) > MAX_REASON_LENGTH) return M.reasonTooLong;
  return null;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// The shape, then a date that exists (no Feb 30) and a time of day that does (no 24:00).
function startProblem(start: string): string | null {
  if (!UTC_INSTANT.test(start)) return M.startInvalid;
  const [year, month, day, hour, minute, second] = start.match(/\d+/g)!.map(Number) as [number, number, number, number, number, number];
  const exists =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  return exists ? null : M.startInvalid;
}

/** The form's problems, one message per field keyed as the server keys them ("patient.email"); empty when it may be sent. */
export function checkBookingForm(form: BookingFormFields): FieldErrors {
  const problems: [string, string | null][] = [
    ["start", startProblem(form.start)],
    ["patient.name", nameProblem(form.patient.name)],
    ["patient.email", emailProblem(form.patient.email)],
    ["patient.phone", phoneProblem(form.patient.phone)],
    ["reason", reasonProblem(form.reason)],
    ["consent", form.consent ? null : M.consentMissing],
  ];
  const errors: FieldErrors = {};
  for (const [key, message] of problems) if (message) errors[key] = message;
  return errors;
}
