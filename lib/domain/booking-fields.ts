/**
 * The booking form's rules and words, in one zod-free place: the server's zod
 * schema (booking-request.ts) and the browser's hand check
 * (booking-form-check.ts) both read them, so the two cannot drift apart, and
 * the booking page does not ship zod to patients' phones.
 *
 * Messages are written for the patient (no jargon, no field names) and have
 * no trailing full stop, matching the product's consent wording.
 */

export const MAX_NAME_LENGTH = 100;
// RFC 5321 limits a forward path to 256 octets, i.e. 254 for the address itself.
export const MAX_EMAIL_LENGTH = 254;
export const MAX_REASON_LENGTH = 500;
export const MIN_PHONE_DIGITS = 7;
// E.164 numbers have at most 15 digits; 20 leaves room for a trunk prefix or extension.
export const MAX_PHONE_DIGITS = 20;
export const MAX_PHONE_LENGTH = 40;

// The name is quoted in emails the clinic sends to whatever address was typed,
// so it must not be able to carry a message of its own: one line (no control
// characters, no Unicode line/paragraph separators, no bidi overrides that
// could reorder what staff read), and nothing a mail client would turn into a
// link. Tabs and line breaks are refused rather than folded, so the patient
// sees what will be sent.
export const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// A scheme ("https:", "mailto:"), "www.", or a host name with a common
// top-level domain ("evil.example", "pay.com/x"). Real names with a dot
// ("Dr. Ann", "J.R. Lee", "St.John") do not match: the part after the dot is
// not one of these endings followed by the end, a space or a slash.
export const NAME_LOOKS_LIKE_URL =
  /(^|[^a-z])[a-z][a-z0-9+.-]*:\/\/|\b(https?|mailto|ftp|data|javascript):|\bwww\.|[a-z0-9-]\.(com|net|org|info|biz|io|co|me|ly|app|dev|xyz|site|online|link|shop|top|ru|cn|uk|us|de|example|test|invalid|localhost)(\/|\s|$|[?#:])/iu;

// Staff call the number, so it is kept as typed; letters are refused so
// typos like "O" for "0" are caught while the patient can still fix them.
export const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;

/** How many digits a phone number has: the count the digit limits are about. */
export const phoneDigitCount = (phone: string) => phone.replace(/\D/g, "").length;

// UTC with a "Z", whole seconds, optional milliseconds: what Date#toISOString
// and the slot picker produce. Offsets are refused so no caller can shift a
// booking by accident.
export const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

// Browsers submit textarea line breaks as CRLF but count them as one
// character against maxlength; normalise so the limit matches what the
// patient saw.
export const normalizeLineBreaks = (text: string) => text.replace(/\r\n?/g, "\n");

export const NAME_ONE_LINE = "Please write your name on one line, without special characters";
export const NAME_NOT_A_LINK = "Please enter just your name, not a web address";

export const BOOKING_MESSAGES = {
  nameMissing: "Please enter your name",
  nameTooLong: `Please shorten your name to ${MAX_NAME_LENGTH} characters or fewer`,
  nameOneLine: NAME_ONE_LINE,
  nameNotALink: NAME_NOT_A_LINK,
  emailMissing: "Please enter your email address",
  emailTooLong: "That email address is too long",
  emailInvalid: "Please enter a valid email address, like name@example.com",
  phoneMissing: "Please enter your phone number",
  phoneTooLong: "That phone number is too long",
  phoneCharacters: "Please use only digits, spaces and + - ( ) . in your phone number",
  phoneDigits: `Please enter a phone number with ${MIN_PHONE_DIGITS} to ${MAX_PHONE_DIGITS} digits, including the area code`,
  reasonMissing: "Please tell the clinic briefly why you'd like an appointment",
  reasonTooLong: `Please keep this to ${MAX_REASON_LENGTH} characters or fewer`,
  startMissing: "Please choose a time for your appointment",
  startInvalid: "That time isn't valid. Please choose one of the available times",
  consentMissing: "Please agree to be contacted about this request",
  contactMissing: "Please fill in your contact details",
  formMissing: "Please fill in the booking form",
} as const;
