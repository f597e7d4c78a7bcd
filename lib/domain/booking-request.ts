/**
 * The patient's booking request, validated by ONE schema in the browser form
 * and again on the server, so both accept and reject exactly the same input
 * with the same words.
 *
 * Messages are written for the patient (no jargon, no field names) and have
 * no trailing full stop, matching the product's consent wording. They are
 * shown next to the field in the form and returned in the API's
 * `{ error: { code: "invalid_request", message, fields } }` via `fieldErrors`
 * (lib/domain/validation.ts).
 */
import { z } from "zod";

export const MAX_NAME_LENGTH = 100;
// RFC 5321 limits a forward path to 256 octets, i.e. 254 for the address itself.
const MAX_EMAIL_LENGTH = 254;
const MAX_REASON_LENGTH = 500;
const MIN_PHONE_DIGITS = 7;
// E.164 numbers have at most 15 digits; 20 leaves room for a trunk prefix or extension.
const MAX_PHONE_DIGITS = 20;
const MAX_PHONE_LENGTH = 40;

// The name is quoted in emails the clinic sends to whatever address was typed,
// so it must not be able to carry a message of its own: one line (no control
// characters, no Unicode line/paragraph separators, no bidi overrides that
// could reorder what staff read), and nothing a mail client would turn into a
// link. Tabs and line breaks are refused rather than folded, so the patient
// sees what will be sent.
const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// A scheme ("https:", "mailto:"), "www.", or a host name with a common
// top-level domain ("evil.example", "pay.com/x"). Real names with a dot
// ("Dr. Ann", "J.R. Lee", "St.John") do not match: the part after the dot is
// not one of these endings followed by the end, a space or a slash.
const NAME_LOOKS_LIKE_URL =
  /(^|[^a-z])[a-z][a-z0-9+.-]*:\/\/|\b(https?|mailto|ftp|data|javascript):|\bwww\.|[a-z0-9-]\.(com|net|org|info|biz|io|co|me|ly|app|dev|xyz|site|online|link|shop|top|ru|cn|uk|us|de|example|test|invalid|localhost)(\/|\s|$|[?#:])/iu;

export const NAME_ONE_LINE = "Please write your name on one line, without special characters";
export const NAME_NOT_A_LINK = "Please enter just your name, not a web address";

const nameSchema = z
  .string({ error: "Please enter your name" })
  .trim()
  .min(1, { error: "Please enter your name" })
  .max(MAX_NAME_LENGTH, { error: `Please shorten your name to ${MAX_NAME_LENGTH} characters or fewer` })
  .refine((name) => !NAME_FORBIDDEN.test(name), { error: NAME_ONE_LINE, abort: true })
  .refine((name) => !NAME_LOOKS_LIKE_URL.test(name), { error: NAME_NOT_A_LINK });

// Lowercased so the clinic sees one patient, not two, when someone types
// "Ann@Example.com" one day and "ann@example.com" the next. (Local parts are
// case-sensitive in theory; no mainstream mail provider treats them so.)
const emailSchema = z
  .string({ error: "Please enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Please enter your email address" })
  .max(MAX_EMAIL_LENGTH, { error: "That email address is too long" })
  .pipe(z.email({ error: "Please enter a valid email address, like name@example.com" }));

// Kept as typed (only trimmed): staff call the number, and the patient's own
// formatting is what they recognise. Letters are rejected so typos like
// "O" for "0" are caught while the patient can still fix them.
const phoneSchema = z
  .string({ error: "Please enter your phone number" })
  .trim()
  .min(1, { error: "Please enter your phone number" })
  .max(MAX_PHONE_LENGTH, { error: "That phone number is too long" })
  .regex(/^[0-9 +\-().]+$/, { error: "Please use only digits, spaces and + - ( ) . in your phone number" })
  .refine(
    (phone) => {
      const digits = phone.replace(/\D/g, "").length;
      return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
    },
    { error: "Please enter a phone number with 7 to 20 digits, including the area code" },
  );

const reasonSchema = z
  .string({ error: "Please tell the clinic briefly why you'd like an appointment" })
  // Browsers submit textarea line breaks as CRLF but count them as one
  // character against maxlength; normalise so the limit matches what the
  // patient saw.
  .overwrite((text) => text.replace(/\r\n?/g, "\n"))
  .trim()
  .min(1, { error: "Please tell the clinic briefly why you'd like an appointment" })
  .max(MAX_REASON_LENGTH, { error: `Please keep this to ${MAX_REASON_LENGTH} characters or fewer` });

// UTC with a "Z", whole seconds, optional milliseconds: what Date#toISOString
// and the slot picker produce. Offsets are refused so no caller can shift a
// booking by accident.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const INVALID_START = "That time isn't valid. Please choose one of the available times";

const startSchema = z
  .string({ error: "Please choose a time for your appointment" })
  .regex(UTC_INSTANT, { error: INVALID_START })
  .pipe(z.iso.datetime({ error: INVALID_START })) // also rejects impossible dates like Feb 30
  // Canonical form (always with milliseconds) so the value can be compared
  // with slot ids as a plain string.
  .transform((iso) => new Date(iso).toISOString());

const patientSchema = z.object(
  { name: nameSchema, email: emailSchema, phone: phoneSchema },
  { error: "Please fill in your contact details" },
);

const consentSchema = z.literal(true, { error: "Please agree to be contacted about this request" });

/** What the patient fills in on the booking page, including the consent checkbox. */
export const bookingFormSchema = z.object(
  {
    start: startSchema,
    patient: patientSchema,
    reason: reasonSchema,
    consent: consentSchema,
  },
  { error: "Please fill in the booking form" },
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
