/**
 * The patient's booking request, validated on the server by this schema. The
 * browser form checks the same fields by hand (booking-form-check.ts, no zod
 * in the patient's bundle); both read their rules and words from
 * booking-fields.ts, and a property test proves they give the same verdict
 * and messages.
 *
 * Messages are shown next to the field in the form and returned in the API's
 * `{ error: { code: "invalid_request", message, fields } }` via `fieldErrors`
 * (lib/domain/validation.ts).
 */
import { z } from "zod";
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
import { EMAIL_PATTERN } from "./field-rules";

// The limits, patterns and words live in booking-fields.ts (no zod), which
// the browser's check (booking-form-check.ts) reads too.
export { MAX_NAME_LENGTH, NAME_NOT_A_LINK, NAME_ONE_LINE } from "./booking-fields";

const nameSchema = z
  .string({ error: M.nameMissing })
  .trim()
  .min(1, { error: M.nameMissing })
  .max(MAX_NAME_LENGTH, { error: M.nameTooLong })
  .refine((name) => !NAME_FORBIDDEN.test(name), { error: M.nameOneLine, abort: true })
  .refine((name) => !NAME_LOOKS_LIKE_URL.test(name), { error: M.nameNotALink });

// Lowercased so the clinic sees one patient, not two, when someone types
// "Ann@Example.com" one day and "ann@example.com" the next. (Local parts are
// case-sensitive in theory; no mainstream mail provider treats them so.) The
// waiting list takes the same address the same way (waitlist.ts).
export const emailSchema = z
  .string({ error: M.emailMissing })
  .trim()
  .toLowerCase()
  .min(1, { error: M.emailMissing })
  .max(MAX_EMAIL_LENGTH, { error: M.emailTooLong })
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: M.emailInvalid }));

// Kept as typed (only trimmed): staff call the number, and the patient's own
// formatting is what they recognise.
const phoneSchema = z
  .string({ error: M.phoneMissing })
  .trim()
  .min(1, { error: M.phoneMissing })
  .max(MAX_PHONE_LENGTH, { error: M.phoneTooLong })
  .regex(PHONE_CHARACTERS, { error: M.phoneCharacters })
  .refine(
    (phone) => {
      const digits = phoneDigitCount(phone);
      return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
    },
    { error: M.phoneDigits },
  );

const reasonSchema = z
  .string({ error: M.reasonMissing })
  .overwrite(normalizeLineBreaks)
  .trim()
  .min(1, { error: M.reasonMissing })
  .max(MAX_REASON_LENGTH, { error: M.reasonTooLong });

const startSchema = z
  .string({ error: M.startMissing })
  .regex(UTC_INSTANT, { error: M.startInvalid })
  .pipe(z.iso.datetime({ error: M.startInvalid })) // also rejects impossible dates like Feb 30
  // Canonical form (always with milliseconds) so the value can be compared
  // with slot ids as a plain string.
  .transform((iso) => new Date(iso).toISOString());

const patientSchema = z.object(
  { name: nameSchema, email: emailSchema, phone: phoneSchema },
  { error: M.contactMissing },
);

const consentSchema = z.literal(true, { error: M.consentMissing });

/** What the patient fills in on the booking page, including the consent checkbox. */
export const bookingFormSchema = z.object(
  {
    start: startSchema,
    patient: patientSchema,
    reason: reasonSchema,
    consent: consentSchema,
  },
  { error: M.formMissing },
);

/**
 * JSON body of the booking API: `{ start, patient: { name, email, phone }, reason }`.
 *
 * There is no consent field on purpose. The API is used by integrations
 * (a clinic's own website, a front-desk tool) acting on the patient's behalf;
 * they collect consent in their own UI, and a `"consent": true` they are
 * forced to hard-code would record nothing. Our own form enforces consent
 * with `bookingFormSchema` before it calls the API.
 */
export const bookingApiSchema = bookingFormSchema.omit({ consent: true });

export type BookingFormInput = z.input<typeof bookingFormSchema>;
export type BookingApiRequest = z.output<typeof bookingApiSchema>;
