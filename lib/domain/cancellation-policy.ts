/**
 * The clinic's cancellation policy: a confirmed visit may be cancelled free of
 * charge up to `freeHours` before it starts; after that the clinic keeps all,
 * none or part of what was paid. The same window decides whether a patient's
 * move to another time swaps at once (when the clinic allows it) or waits for
 * the clinic's approval.
 *
 * Each appointment keeps the policy the clinic had when the request was made
 * (a snapshot, like the fee), so the words the patient read before paying are
 * the rule that applies. An appointment made before clinics had a policy has
 * none: it was never promised anything less than a full refund, so it gets one.
 */
import { z } from "zod";
import { formatMoney, parseMoneyInput, type CurrencyCode } from "./money";

export const LATE_CANCELLATION = ["full_refund", "no_refund", "keep_part"] as const;
export type LateCancellation = (typeof LATE_CANCELLATION)[number];

export interface CancellationPolicy {
  /** Free cancellation up to this many hours before the visit. */
  freeHours: number;
  /** What a later cancellation costs. */
  late: LateCancellation;
  /** With "keep_part": the minor units the clinic keeps (never more than was paid). 0 otherwise. */
  keepCents: number;
  /** Inside the free window, a patient's move swaps at once, without the clinic's review. */
  movesWithoutReview: boolean;
}

export const FREE_HOURS_MAX = 24 * 14;

export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = { freeHours: 24, late: "no_refund", keepCents: 0, movesWithoutReview: false };

/** The rule for appointments that carry no policy (booked before clinics had one): always a full refund, moves reviewed. */
export const NO_POLICY: CancellationPolicy = { freeHours: 0, late: "full_refund", keepCents: 0, movesWithoutReview: false };

const HOUR_MS = 3_600_000;

/** Whether `now` is at least `freeHours` before the visit's start. */
export function withinFreeWindow(policy: CancellationPolicy, visitStart: number, now: number): boolean {
  return visitStart - now >= policy.freeHours * HOUR_MS;
}

/**
 * The minor units that go back to a patient who cancels a visit they paid
 * `paidCents` for, at `now`: all of it inside the free window, then what the
 * late rule leaves. Never negative, never more than was paid, and never more
 * later than earlier.
 */
export function refundCents(policy: CancellationPolicy, paidCents: number, visitStart: number, now: number): number {
  if (!Number.isSafeInteger(paidCents) || paidCents < 0) throw new RangeError(`paidCents must be a non-negative integer, got ${paidCents}`);
  if (withinFreeWindow(policy, visitStart, now)) return paidCents;
  switch (policy.late) {
    case "full_refund":
      return paidCents;
    case "no_refund":
      return 0;
    case "keep_part":
      return Math.max(0, paidCents - Math.max(0, policy.keepCents));
  }
}

/** A stored policy read defensively: anything malformed falls back to the default, field by field. */
export function policyFromStored(value: unknown): CancellationPolicy {
  const v = (typeof value === "object" && value !== null ? value : {}) as Partial<Record<keyof CancellationPolicy, unknown>>;
  const d = DEFAULT_CANCELLATION_POLICY;
  const wholeIn = (n: unknown, max: number, fallback: number) => (typeof n === "number" && Number.isSafeInteger(n) && n >= 0 && n <= max ? n : fallback);
  return {
    freeHours: wholeIn(v.freeHours, FREE_HOURS_MAX, d.freeHours),
    late: (LATE_CANCELLATION as readonly unknown[]).includes(v.late) ? (v.late as LateCancellation) : d.late,
    keepCents: wholeIn(v.keepCents, Number.MAX_SAFE_INTEGER, 0),
    movesWithoutReview: v.movesWithoutReview === true,
  };
}

/** The policy an appointment was booked under (its snapshot); none recorded: NO_POLICY. */
export function appointmentPolicy(snapshot: unknown): CancellationPolicy {
  return snapshot === undefined || snapshot === null ? NO_POLICY : policyFromStored(snapshot);
}

const hoursWords = (hours: number) => (hours === 1 ? "1 hour" : `${hours} hours`);

/**
 * The policy in words, for a visit with this fee: the status page, the
 * confirmation email and the .ics all say the same sentences.
 */
export function policyWords(policy: CancellationPolicy, feeCents: number, currency: string): string {
  const money = (cents: number) => formatMoney(cents, currency.toUpperCase() as CurrencyCode);
  if (feeCents === 0) return "There is no fee: you can cancel until your visit starts, at no cost.";
  if (policy.freeHours === 0 || policy.late === "full_refund") return `You can cancel until your visit starts and get a full refund of ${money(feeCents)}.`;
  const after =
    policy.late === "no_refund"
      ? `after that, the ${money(feeCents)} fee is not refunded`
      : Math.min(policy.keepCents, feeCents) >= feeCents
        ? `after that, the ${money(feeCents)} fee is not refunded`
        : `after that, the clinic keeps ${money(Math.min(policy.keepCents, feeCents))} and refunds the rest`;
  return `Free cancellation up to ${hoursWords(policy.freeHours)} before your visit (full refund of ${money(feeCents)}); ${after}.`;
}

/** What cancelling now does to the money, for the confirm dialog and the email; null when nothing was paid. */
export function refundWords(paidCents: number, refundCents: number, currency: string): string | null {
  if (paidCents === 0) return null;
  const money = (cents: number) => formatMoney(cents, currency.toUpperCase() as CurrencyCode);
  if (refundCents >= paidCents) return `You get a full refund of ${money(paidCents)} to the card you paid with.`;
  if (refundCents === 0) return `Under the clinic's cancellation policy, your ${money(paidCents)} payment is not refunded.`;
  return `Under the clinic's cancellation policy, the clinic keeps ${money(paidCents - refundCents)} and refunds ${money(refundCents)} to the card you paid with.`;
}

/** What moving does, in words (the status page's move section). */
export function moveWords(policy: CancellationPolicy, withinWindow: boolean): string {
  if (policy.movesWithoutReview && withinWindow) return "Your new time is confirmed at once and your old time released.";
  return "We hold the new time for you and keep your current time until the clinic approves the move.";
}

// ------------------------------------------------------------ the settings form

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d+$/, { error: `Enter ${label} as a whole number.` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `Use ${min} to ${max}.` }).max(max, { error: `Use ${min} to ${max}.` }));

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The settings form's fields (form strings) → the stored policy; the kept amount is read in the clinic's currency. */
export function cancellationPolicySchema(currency: CurrencyCode) {
  return z
    .object({
      freeHours: wholeNumber("the hours", 0, FREE_HOURS_MAX),
      late: z.enum(LATE_CANCELLATION, { error: "Choose what happens after the free window." }),
      keepAmount: z.string().max(40, { error: "Enter an amount such as 20.00." }).optional(),
      movesWithoutReview: checkbox,
    })
    .transform((value, ctx): CancellationPolicy => {
      let keepCents = 0;
      if (value.late === "keep_part") {
        const parsed = parseMoneyInput(value.keepAmount ?? "", currency);
        if (!parsed.ok || parsed.cents === 0) {
          ctx.addIssue({ code: "custom", path: ["keepAmount"], message: parsed.ok ? "Enter more than 0, or choose \"No refund\"." : parsed.message });
          return z.NEVER;
        }
        keepCents = parsed.cents;
      }
      return { freeHours: value.freeHours, late: value.late, keepCents, movesWithoutReview: value.movesWithoutReview };
    });
}
