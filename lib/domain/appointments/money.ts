/**
 * What a transition does to the money, decided from the transition alone so
 * the server does exactly this and nothing else:
 *
 * - "capture_expected": the payment confirms the appointment; the transition
 *   is only made with the captured payment in hand (it is recorded with it).
 * - "cancel_intent": the appointment leaves "approved" without being paid, so
 *   the PaymentIntent the status page made is cancelled at Stripe (a payment
 *   that gets through anyway is refunded by the webhook).
 * - "refund": paid money whose visit is gone goes back in full. A paid
 *   appointment only keeps its money while it has a time: confirmed, or
 *   rescheduled (a proposal the patient can still accept).
 * - "refund_per_policy": the patient cancels a paid, confirmed visit: the
 *   clinic's cancellation policy (lib/domain/cancellation-policy.ts, the
 *   policy the appointment was booked under) decides how much goes back, from
 *   nothing to all of it; the rest stays paid.
 * - "none": nothing happens to the money.
 *
 * Staff withdrawing a proposal ("withdraw") never moves money: a paid visit
 * goes back to confirmed at its original time, still paid; an approval's
 * PaymentIntent was already cancelled when the time was proposed, so the
 * request goes back to pending and is approved (and paid) again.
 *
 * A patient's move ("move", "approve_move", "decline_move", "withdraw_move",
 * and a move request's lapse) never moves money: the payment follows the
 * visit to its new time, with no second charge and no refund.
 *
 * "approved" is never paid (paying confirms it), so a transition never needs
 * both a cancel and a refund.
 */
import type { AppointmentAction } from "./state-machine";
import type { AppointmentStatus } from "./status";

export const MONEY_EFFECTS = ["none", "capture_expected", "cancel_intent", "refund", "refund_per_policy"] as const;
export type MoneyEffect = (typeof MONEY_EFFECTS)[number];

/** The statuses in which paid money stays paid: the appointment has a time the patient keeps or can take. */
const KEEPS_PAYMENT: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>(["confirmed", "rescheduled", "move_requested"]);

const MOVE_ACTIONS: ReadonlySet<AppointmentAction> = new Set<AppointmentAction>(["move", "approve_move", "decline_move", "withdraw_move"]);

export function moneyEffect(from: AppointmentStatus, action: AppointmentAction, to: AppointmentStatus, paid: boolean): MoneyEffect {
  if (action === "pay") return "capture_expected";
  if (action === "withdraw" || MOVE_ACTIONS.has(action)) return "none";
  // A move request's lapse leaves the visit confirmed at its own time.
  if (from === "move_requested" && action === "expire") return "none";
  if (paid && (from === "confirmed" || from === "move_requested") && action === "cancel") return "refund_per_policy";
  if (paid) return KEEPS_PAYMENT.has(to) ? "none" : "refund";
  return from === "approved" ? "cancel_intent" : "none";
}
