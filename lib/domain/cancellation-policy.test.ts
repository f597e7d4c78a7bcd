import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CANCELLATION_POLICY,
  FREE_HOURS_MAX,
  LATE_CANCELLATION,
  NO_POLICY,
  cancellationPolicySchema,
  policyFromStored,
  policyWords,
  refundCents,
  refundWords,
  withinFreeWindow,
  type CancellationPolicy,
} from "./cancellation-policy";

const HOUR = 3_600_000;
const policy: fc.Arbitrary<CancellationPolicy> = fc.record({
  freeHours: fc.nat({ max: FREE_HOURS_MAX }),
  late: fc.constantFrom(...LATE_CANCELLATION),
  keepCents: fc.nat({ max: 200_000 }),
  movesWithoutReview: fc.boolean(),
});
const paid = fc.nat({ max: 100_000_000 });
const start = fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2030-01-01T00:00:00Z") });
// Up to a month before the visit, and a little after it.
const lead = fc.integer({ min: -2 * HOUR, max: 30 * 24 * HOUR });

describe("refundCents", () => {
  it("is never negative and never more than was paid", () => {
    fc.assert(
      fc.property(policy, paid, start, lead, (p, cents, s, before) => {
        const refund = refundCents(p, cents, s, s - before);
        expect(Number.isSafeInteger(refund)).toBe(true);
        expect(refund).toBeGreaterThanOrEqual(0);
        expect(refund).toBeLessThanOrEqual(cents);
      }),
    );
  });

  it("is everything that was paid inside the free window", () => {
    fc.assert(
      fc.property(policy, paid, start, fc.nat({ max: 30 * 24 * HOUR }), (p, cents, s, extra) => {
        const now = s - p.freeHours * HOUR - extra;
        expect(withinFreeWindow(p, s, now)).toBe(true);
        expect(refundCents(p, cents, s, now)).toBe(cents);
      }),
    );
  });

  it("never grows as the visit comes closer", () => {
    fc.assert(
      fc.property(policy, paid, start, lead, lead, (p, cents, s, a, b) => {
        const [earlier, later] = a < b ? [s - b, s - a] : [s - a, s - b];
        expect(refundCents(p, cents, s, later)).toBeLessThanOrEqual(refundCents(p, cents, s, earlier));
      }),
    );
  });

  it("after the free window follows the late rule: all, nothing, or what the clinic does not keep", () => {
    const s = Date.parse("2030-01-09T14:00:00Z");
    const p = { ...DEFAULT_CANCELLATION_POLICY, freeHours: 24 };
    const late = s - 23 * HOUR;
    expect(refundCents({ ...p, late: "full_refund" }, 5000, s, late)).toBe(5000);
    expect(refundCents({ ...p, late: "no_refund" }, 5000, s, late)).toBe(0);
    expect(refundCents({ ...p, late: "keep_part", keepCents: 2000 }, 5000, s, late)).toBe(3000);
    expect(refundCents({ ...p, late: "keep_part", keepCents: 9000 }, 5000, s, late)).toBe(0);
    // The window's edge: exactly freeHours before is still free.
    expect(refundCents({ ...p, late: "no_refund" }, 5000, s, s - 24 * HOUR)).toBe(5000);
    expect(refundCents({ ...p, late: "no_refund" }, 5000, s, s - 24 * HOUR + 1)).toBe(0);
  });

  it("an appointment without a policy is refunded in full until its start", () => {
    fc.assert(fc.property(paid, start, fc.nat({ max: 30 * 24 * HOUR }), (cents, s, before) => { expect(refundCents(NO_POLICY, cents, s, s - before)).toBe(cents); }));
  });

  it("refuses an amount that is not minor units", () => {
    expect(() => refundCents(DEFAULT_CANCELLATION_POLICY, -1, 0, 0)).toThrow(RangeError);
    expect(() => refundCents(DEFAULT_CANCELLATION_POLICY, 1.5, 0, 0)).toThrow(RangeError);
  });
});

describe("policyFromStored", () => {
  it("keeps a valid policy as it is and repairs anything else field by field", () => {
    fc.assert(fc.property(policy, (p) => { expect(policyFromStored(p)).toEqual(p); }));
    expect(policyFromStored(undefined)).toEqual(DEFAULT_CANCELLATION_POLICY);
    expect(policyFromStored({ freeHours: -3, late: "maybe", keepCents: 1.5, movesWithoutReview: "yes" })).toEqual(DEFAULT_CANCELLATION_POLICY);
  });
});

describe("policyWords", () => {
  it("says the window, the fee and what a late cancellation costs", () => {
    expect(policyWords(DEFAULT_CANCELLATION_POLICY, 5000, "usd")).toBe(
      "Free cancellation up to 24 hours before your visit (full refund of $50.00); after that, the $50.00 fee is not refunded.",
    );
    expect(policyWords({ ...DEFAULT_CANCELLATION_POLICY, freeHours: 1, late: "keep_part", keepCents: 2000 }, 5000, "USD")).toBe(
      "Free cancellation up to 1 hour before your visit (full refund of $50.00); after that, the clinic keeps $20.00 and refunds the rest.",
    );
    expect(policyWords({ ...DEFAULT_CANCELLATION_POLICY, late: "full_refund" }, 5000, "USD")).toBe("You can cancel until your visit starts and get a full refund of $50.00.");
    expect(policyWords(NO_POLICY, 5000, "USD")).toBe("You can cancel until your visit starts and get a full refund of $50.00.");
    expect(policyWords(DEFAULT_CANCELLATION_POLICY, 0, "USD")).toBe("There is no fee: you can cancel until your visit starts, at no cost.");
  });
});

describe("refundWords", () => {
  it("says what goes back, and what the clinic keeps", () => {
    expect(refundWords(5000, 5000, "usd")).toBe("You get a full refund of $50.00 to the card you paid with.");
    expect(refundWords(5000, 0, "usd")).toBe("Under the clinic's cancellation policy, your $50.00 payment is not refunded.");
    expect(refundWords(5000, 3000, "usd")).toBe("Under the clinic's cancellation policy, the clinic keeps $20.00 and refunds $30.00 to the card you paid with.");
    expect(refundWords(0, 0, "usd")).toBeNull();
  });
});

describe("the settings form", () => {
  const schema = cancellationPolicySchema("USD");
  it("reads the form's strings into the stored policy", () => {
    expect(schema.parse({ freeHours: " 48 ", late: "keep_part", keepAmount: "$20", movesWithoutReview: "on" })).toEqual({
      freeHours: 48,
      late: "keep_part",
      keepCents: 2000,
      movesWithoutReview: true,
    });
    // The kept amount only counts with "keep_part".
    expect(schema.parse({ freeHours: "24", late: "no_refund", keepAmount: "abc" })).toEqual({ freeHours: 24, late: "no_refund", keepCents: 0, movesWithoutReview: false });
  });

  it.each([
    [{ freeHours: "", late: "no_refund" }, "freeHours"],
    [{ freeHours: "1.5", late: "no_refund" }, "freeHours"],
    [{ freeHours: String(FREE_HOURS_MAX + 1), late: "no_refund" }, "freeHours"],
    [{ freeHours: "24", late: "sometimes" }, "late"],
    [{ freeHours: "24", late: "keep_part", keepAmount: "" }, "keepAmount"],
    [{ freeHours: "24", late: "keep_part", keepAmount: "0" }, "keepAmount"],
    [{ freeHours: "24", late: "keep_part", keepAmount: "-5" }, "keepAmount"],
  ])("refuses %j on %s", (input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});
