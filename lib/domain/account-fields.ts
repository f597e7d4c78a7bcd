/**
 * The staff forms' limits and words, in one zod-free place: the server's zod
 * schemas (clinic-settings.ts) and the browser's hand checks for signing in
 * and joining (sign-in-check.ts) both read them, so the sign-in pages do not
 * ship zod and cannot drift from the server.
 */

export const LIMITS = {
  clinicName: 80,
  description: 500,
  address: 200,
  personName: 100,
  specialty: 80,
  bio: 1000,
  email: 254,
  phone: 40,
  passwordMin: 8,
  // Firebase Auth accepts longer ones, but nobody types more, and an upper
  // bound keeps a hostile body from being hashed.
  passwordMax: 128,
} as const;

/**
 * Control characters (Unicode Cc: CR, LF, tab, NUL, ...) and the Unicode line
 * and paragraph separators. A name is one line of text: it is copied into
 * email subjects, headers and calendar files, where a lone CR or a separator
 * can start a new line the reader obeys.
 */
export const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/u;

// "the clinic name", but "your name" (not "the your name").
const article = (label: string) => (/^(your|my|their)\b/.test(label) ? label : `the ${label}`);
const capitalised = (label: string) => article(label).replace(/^./, (c) => c.toUpperCase());

/** The words for a text field called `label` (“clinic name”, “your name”) of at most `max` characters. */
export const textMessages = (label: string, max: number) => ({
  missing: `Enter ${article(label)}.`,
  tooLong: `Keep ${article(label)} to ${max} characters or fewer.`,
  oneLine: `${capitalised(label)} can't contain line breaks, tabs or other control characters.`,
});

export const ACCOUNT_MESSAGES = {
  emailMissing: "Enter an email address.",
  emailTooLong: "That email address is too long.",
  emailInvalid: "Enter a valid email address, like name@example.com.",
  newPasswordMissing: "Choose a password.",
  newPasswordTooShort: `Use at least ${LIMITS.passwordMin} characters.`,
  newPasswordTooLong: `Use at most ${LIMITS.passwordMax} characters.`,
  passwordMissing: "Enter your password.",
  // Longer than any password can be: say what a wrong one says.
  passwordTooLong: "Wrong email or password.",
} as const;
