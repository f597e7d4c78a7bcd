import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideResend,
  isBookingPageOpen,
  VERIFICATION_EMAIL_GAP_MS,
  VERIFICATION_EMAIL_WINDOW_MS,
  VERIFICATION_EMAILS_PER_WINDOW,
} from "./booking-page-opening";

describe("isBookingPageOpen", () => {
  it("is closed only while publishedAt is null (waiting for a verified admin email)", () => {
    expect(isBookingPageOpen(null)).toBe(false);
    expect(isBookingPageOpen({ seconds: 1, nanoseconds: 0 })).toBe(true);
  });

  it("keeps a clinic created before the rule (no publishedAt at all) open", () => {
    expect(isBookingPageOpen(undefined)).toBe(true);
  });
});

// Attempts at increasing moments, as an admin pressing "Resend" whenever they like.
const attemptGaps = fc.array(fc.integer({ min: 0, max: 20 * 60 * 1000 }), { minLength: 1, maxLength: 40 });

function replay(gaps: number[]) {
  let now = 1_800_000_000_000;
  let stored: number[] = [];
  const accepted: number[] = [];
  const refusals: { at: number; retryInMs: number; stored: number[] }[] = [];
  for (const gap of gaps) {
    now += gap;
    const decision = decideResend(stored, now);
    if (decision.ok) {
      stored = decision.sentAt;
      accepted.push(now);
    } else {
      refusals.push({ at: now, retryInMs: decision.retryInMs, stored });
    }
  }
  return { accepted, refusals };
}

describe("decideResend", () => {
  it("never lets two emails go within a minute, nor more than 5 in any hour", () => {
    fc.assert(
      fc.property(attemptGaps, (gaps) => {
        const { accepted } = replay(gaps);
        for (let i = 1; i < accepted.length; i++) expect(accepted[i]! - accepted[i - 1]!).toBeGreaterThanOrEqual(VERIFICATION_EMAIL_GAP_MS);
        for (let i = VERIFICATION_EMAILS_PER_WINDOW; i < accepted.length; i++) {
          expect(accepted[i]! - accepted[i - VERIFICATION_EMAILS_PER_WINDOW]!).toBeGreaterThanOrEqual(VERIFICATION_EMAIL_WINDOW_MS);
        }
      }),
    );
  });

  it("a refusal names a wait after which the email goes", () => {
    fc.assert(
      fc.property(attemptGaps, (gaps) => {
        for (const refusal of replay(gaps).refusals) {
          expect(refusal.retryInMs).toBeGreaterThan(0);
          expect(decideResend(refusal.stored, refusal.at + refusal.retryInMs - 1).ok).toBe(false);
          expect(decideResend(refusal.stored, refusal.at + refusal.retryInMs).ok).toBe(true);
        }
      }),
    );
  });

  it("says why in words: a minute's wait in seconds, the hour's limit in minutes", () => {
    const now = 1_800_000_000_000;
    const justSent = decideResend([now - 15_000], now);
    expect(justSent).toEqual({ ok: false, retryInMs: 45_000, message: expect.stringContaining("try again in 45 seconds") });
    const five = [50, 40, 30, 20, 10].map((minutes) => now - minutes * 60_000);
    const hourly = decideResend(five, now);
    expect(hourly).toEqual({ ok: false, retryInMs: 10 * 60_000, message: expect.stringContaining("try again in 10 minutes") });
  });

  it("ignores stored values that are not past send times", () => {
    const now = 1_800_000_000_000;
    expect(decideResend(["x", null, Number.NaN, now + 5_000, now - 2 * VERIFICATION_EMAIL_WINDOW_MS], now)).toEqual({ ok: true, sentAt: [now] });
  });
});
