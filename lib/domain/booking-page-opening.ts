// A new clinic's booking page opens once one of its admins has proved they
// read the clinic's admin email (Firebase Auth's email verification). Until
// then patients cannot see or book it: a clinic made with someone else's
// address, or a typo, never takes patients' requests to an inbox nobody reads.

/** What a patient sees at a clinic whose booking page is not open yet (the clinic's name at most besides). */
export const BOOKING_PAGE_NOT_OPEN = "This clinic's booking page isn't open yet.";
export const BOOKING_PAGE_NOT_OPEN_DETAIL =
  "The clinic is still setting it up. Please check back later, or contact the clinic directly.";

/**
 * `clinics/{id}.publishedAt`: a Timestamp once the page opened; null while it
 * waits for an admin's verified email (every clinic created since sign-up
 * asks for verification). Missing: a clinic created before that rule, which
 * was already public and stays so.
 */
export function isBookingPageOpen(publishedAt: unknown): boolean {
  return publishedAt !== null;
}

/** At most one verification email a minute, and 5 an hour, per admin (Firebase limits its own sends too). */
export const VERIFICATION_EMAIL_GAP_MS = 60 * 1000;
export const VERIFICATION_EMAIL_WINDOW_MS = 60 * 60 * 1000;
export const VERIFICATION_EMAILS_PER_WINDOW = 5;

export type ResendDecision = { ok: true; sentAt: number[] } | { ok: false; retryInMs: number; message: string };

/** Earlier send times still inside the hour, oldest first. Anything that is not a finite number is dropped. */
export function recentSends(sentAt: readonly unknown[], now: number): number[] {
  return sentAt
    .filter((at): at is number => typeof at === "number" && Number.isFinite(at) && at <= now && now - at < VERIFICATION_EMAIL_WINDOW_MS)
    .sort((a, b) => a - b);
}

/**
 * May another verification email go now? On yes, the send times to store
 * (this one included, at most VERIFICATION_EMAILS_PER_WINDOW); on no, how long
 * until one may, and the words for the admin.
 */
export function decideResend(sentAt: readonly unknown[], now: number): ResendDecision {
  const recent = recentSends(sentAt, now);
  const last = recent.at(-1);
  // Both limits can bind at once: the wait is the longer one, so the time named is one that works.
  const gapWait = last === undefined ? 0 : last + VERIFICATION_EMAIL_GAP_MS - now;
  const hourWait =
    recent.length < VERIFICATION_EMAILS_PER_WINDOW ? 0 : recent[recent.length - VERIFICATION_EMAILS_PER_WINDOW]! + VERIFICATION_EMAIL_WINDOW_MS - now;
  if (hourWait > 0 && hourWait >= gapWait) {
    return {
      ok: false,
      retryInMs: hourWait,
      message: `We've sent ${VERIFICATION_EMAILS_PER_WINDOW} emails in the last hour. Please check your inbox and spam folder, or try again in ${minutes(hourWait)}.`,
    };
  }
  if (gapWait > 0) {
    return { ok: false, retryInMs: gapWait, message: `We just sent it. Check your inbox (and spam folder), or try again in ${seconds(gapWait)}.` };
  }
  return { ok: true, sentAt: [...recent, now].slice(-VERIFICATION_EMAILS_PER_WINDOW) };
}

const seconds = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 1000));
  return `${n} second${n === 1 ? "" : "s"}`;
};

const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return `${n} minute${n === 1 ? "" : "s"}`;
};
