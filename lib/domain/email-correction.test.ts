import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  EMAIL_CORRECTION_WINDOW_MS,
  MAX_EMAIL_CORRECTIONS,
  TOO_LATE_TO_CORRECT,
  TOO_MANY_CORRECTIONS,
  emailCorrectionDeadline,
  emailCorrectionRefusal,
  emailCorrectionSchema,
} from "./email-correction";

const fresh = { status: "pending", timeHeld: true, createdAtMs: 1_000_000, version: 1, corrections: 0, emailConfirmed: false };

describe("emailCorrectionRefusal", () => {
  it("allows a fresh pending request up to the window's last millisecond, never after", () => {
    expect(emailCorrectionRefusal(fresh, fresh.createdAtMs)).toBeNull();
    expect(emailCorrectionRefusal(fresh, fresh.createdAtMs + EMAIL_CORRECTION_WINDOW_MS)).toBeNull();
    expect(emailCorrectionRefusal(fresh, fresh.createdAtMs + EMAIL_CORRECTION_WINDOW_MS + 1)).toBe(TOO_LATE_TO_CORRECT);
  });

  it("refuses once anyone acted, the status moved, no time is held, or the address was confirmed", () => {
    expect(emailCorrectionRefusal({ ...fresh, version: 2 }, fresh.createdAtMs)).toBe(TOO_LATE_TO_CORRECT);
    expect(emailCorrectionRefusal({ ...fresh, status: "approved", version: 2 }, fresh.createdAtMs)).toBe(TOO_LATE_TO_CORRECT);
    expect(emailCorrectionRefusal({ ...fresh, timeHeld: false }, fresh.createdAtMs)).toBe(TOO_LATE_TO_CORRECT);
    expect(emailCorrectionRefusal({ ...fresh, emailConfirmed: true }, fresh.createdAtMs)).toBe(TOO_LATE_TO_CORRECT);
  });

  it("counts earlier corrections as nobody acting, up to the maximum", () => {
    expect(emailCorrectionRefusal({ ...fresh, version: 3, corrections: 2 }, fresh.createdAtMs)).toBeNull();
    expect(emailCorrectionRefusal({ ...fresh, version: 1 + MAX_EMAIL_CORRECTIONS, corrections: MAX_EMAIL_CORRECTIONS }, fresh.createdAtMs)).toBe(
      TOO_MANY_CORRECTIONS,
    );
  });

  it("property: a deadline is given exactly when a correction is allowed, and it is the window's end", () => {
    fc.assert(
      fc.property(fc.integer({ min: -60_000, max: 2 * EMAIL_CORRECTION_WINDOW_MS }), fc.nat(5), fc.nat(5), fc.boolean(), (dt, corrections, extra, confirmed) => {
        const r = { ...fresh, corrections, version: 1 + corrections + extra, emailConfirmed: confirmed };
        const now = fresh.createdAtMs + dt;
        const allowed = dt >= 0 && dt <= EMAIL_CORRECTION_WINDOW_MS && corrections < MAX_EMAIL_CORRECTIONS && extra === 0 && !confirmed;
        expect(emailCorrectionRefusal(r, now) === null).toBe(allowed);
        expect(emailCorrectionDeadline(r, now)).toBe(allowed ? fresh.createdAtMs + EMAIL_CORRECTION_WINDOW_MS : null);
      }),
    );
  });
});

describe("emailCorrectionSchema", () => {
  it("validates as the booking form does (trimmed, lowercased)", () => {
    expect(emailCorrectionSchema.parse({ email: "  Ana@Example.COM " })).toEqual({ email: "ana@example.com" });
    expect(emailCorrectionSchema.safeParse({ email: "ana@" }).success).toBe(false);
    expect(emailCorrectionSchema.safeParse({}).success).toBe(false);
  });
});
