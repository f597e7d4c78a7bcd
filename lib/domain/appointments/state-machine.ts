/**
 * The appointment lifecycle as an explicit table.
 *
 * Every status change in the app goes through `transition`, so the rules live
 * here once: the server calls it inside its transaction and appends the
 * returned `event` to the appointment's history; the UI calls
 * `allowedActions` / `patientNextStep` to decide which buttons to show.
 */
import { moneyEffect, type MoneyEffect } from "./money";
import { isTerminalStatus, type AppointmentStatus } from "./status";
import { FORBIDDEN_MESSAGE, invalidTransitionMessage, NO_TIME_HELD_MESSAGE, TERMINAL_MESSAGE } from "./transition-messages";

export const APPOINTMENT_ACTIONS = [
  "approve",
  "decline",
  "propose",
  "cancel",
  "accept",
  "reject",
  "pay",
  "expire",
  "clinic_cancel",
  "withdraw",
  // The patient moves their confirmed visit to another free time of the same doctor.
  "move",
  "approve_move",
  "decline_move",
  "withdraw_move",
] as const;

export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** Who is acting: clinic staff, the patient, the payment webhook, or a scheduled job. */
export type Actor = "staff" | "patient" | "payment" | "system";

/** Each action has exactly one actor allowed to perform it, in any status. */
export const ACTION_ACTOR: Readonly<Record<AppointmentAction, Actor>> = {
  approve: "staff",
  decline: "staff",
  propose: "staff",
  cancel: "patient",
  accept: "patient",
  reject: "patient",
  pay: "payment",
  expire: "system",
  clinic_cancel: "staff",
  withdraw: "staff",
  move: "patient",
  approve_move: "staff",
  decline_move: "staff",
  withdraw_move: "patient",
};

/**
 * Some targets depend on the money: approving (or accepting a proposed time)
 * needs payment only when a fee is due and unpaid, so a free or already-paid
 * appointment is confirmed on the spot; a paid appointment whose patient turns
 * down a proposed time is cancelled (and refunded by the payments code),
 * while an unpaid one goes back to pending with no time held.
 */
type Conditional = { when: "payment_due" | "paid" | "proposed_from_confirmed" | "moves_without_review"; then: AppointmentStatus; otherwise: AppointmentStatus };
const CONFIRMED_UNLESS_PAYMENT_DUE: Conditional = { when: "payment_due", then: "approved", otherwise: "confirmed" };
const PENDING_UNLESS_PAID: Conditional = { when: "paid", then: "cancelled", otherwise: "pending" };
/**
 * Staff withdrawing their proposal put the appointment back where it stood:
 * a confirmed visit (paid or free) is confirmed again at its original time;
 * a request (pending, or approved and not yet paid: its PaymentIntent was
 * cancelled when the time was proposed) goes back to pending, to be reviewed
 * again. Withdrawing never touches money.
 */
const RESTORE_PROPOSED_FROM: Conditional = { when: "proposed_from_confirmed", then: "confirmed", otherwise: "pending" };

/**
 * The patient asks to move a confirmed visit: the new time is held and the
 * old one kept until the clinic answers ("move_requested"), unless the clinic
 * lets patients move inside the free-cancellation window without review and
 * the visit is still inside it: then the times swap at once. A move never
 * touches the money (money.ts): the payment follows the visit.
 */
const MOVE_NOW_OR_ASK: Conditional = { when: "moves_without_review", then: "confirmed", otherwise: "move_requested" };

type Target = AppointmentStatus | Conditional;

// Key order is the order `allowedActions` returns, so UIs get a stable order.
// Statuses with no entries are terminal. "confirmed" is settled but not
// terminal: the clinic may still move the visit by proposing a new time.
const TRANSITIONS: Readonly<Record<AppointmentStatus, Partial<Record<AppointmentAction, Target>>>> = {
  pending: {
    approve: CONFIRMED_UNLESS_PAYMENT_DUE,
    decline: "declined",
    propose: "rescheduled",
    cancel: "cancelled",
    expire: "expired",
  },
  approved: {
    pay: "confirmed",
    propose: "rescheduled",
    cancel: "cancelled",
    expire: "expired",
    // The clinic calls it off (the doctor is ill): any payment is refunded.
    clinic_cancel: "cancelled",
  },
  rescheduled: {
    accept: CONFIRMED_UNLESS_PAYMENT_DUE,
    reject: PENDING_UNLESS_PAID,
    cancel: "cancelled",
    expire: "expired",
    // While the patient hasn't answered, staff may replace the proposed time
    // (the original time stays the one to go back to) or withdraw it.
    propose: "rescheduled",
    withdraw: RESTORE_PROPOSED_FROM,
  },
  confirmed: {
    propose: "rescheduled",
    move: MOVE_NOW_OR_ASK,
    // The patient calls the visit off; what goes back is the clinic's cancellation policy (money.ts).
    cancel: "cancelled",
    clinic_cancel: "cancelled",
  },
  // Still a confirmed visit at its own time, with a second time held for it.
  // Every way out but a cancel leaves it confirmed: at the new time (approved)
  // or at the old one (declined, withdrawn, or lapsed unanswered).
  move_requested: {
    approve_move: "confirmed",
    decline_move: "confirmed",
    withdraw_move: "confirmed",
    expire: "confirmed",
    cancel: "cancelled",
    clinic_cancel: "cancelled",
  },
  declined: {},
  cancelled: {},
  // Terminal for every person. Only money already on its way when the
  // patient let the payment hold lapse brings it back, and only when the
  // server says the time can still be kept (`reinstatable`).
  expired: {
    pay: "confirmed",
  },
};

/** Append-only history entry; the server adds the timestamp. */
export type AppointmentEvent = {
  action: AppointmentAction;
  from: AppointmentStatus;
  to: AppointmentStatus;
  actor: Actor;
};

export type TransitionErrorCode = "invalid_transition" | "forbidden_actor";

export type TransitionResult =
  | { ok: true; to: AppointmentStatus; event: AppointmentEvent; money: MoneyEffect }
  | { ok: false; code: TransitionErrorCode; message: string };

export type AppointmentState = {
  status: AppointmentStatus;
  feeCents: number;
  /** The fee has been paid (the payments issue sets it). Default false. */
  paid?: boolean;
  /**
   * False only for a pending request that holds no time (its patient turned
   * down a proposed time, or staff withdrew a proposal whose original time
   * could not be held): it cannot be approved until staff propose a time
   * (or decline). Default true.
   */
  timeHeld?: boolean;
  /**
   * True only for an appointment that expired because its payment hold
   * lapsed, whose doctor is still active and whose time is still one of their
   * bookable slots: a payment that arrives then confirms it. Default false.
   */
  reinstatable?: boolean;
  /**
   * While rescheduled: the status the proposal was made from, which a
   * withdrawal restores. Unknown (older documents): a paid appointment is
   * taken as confirmed, anything else as pending.
   */
  proposedFrom?: "pending" | "approved" | "confirmed";
  /**
   * For a patient's move: the clinic lets patients move without review and
   * the visit is still before its free-cancellation cutoff, so the move swaps
   * at once. Default false (the clinic reviews the move).
   */
  movesWithoutReview?: boolean;
};

function assertFeeCents(feeCents: number): void {
  // A wrong fee would silently skip payment, so treat it as a programming error.
  if (!Number.isSafeInteger(feeCents) || feeCents < 0) {
    throw new RangeError(`feeCents must be a non-negative integer, got ${feeCents}`);
  }
}

function resolveTarget(target: Target, current: AppointmentState): AppointmentStatus {
  if (typeof target === "string") return target;
  const paid = current.paid === true;
  const holds =
    target.when === "moves_without_review"
      ? current.movesWithoutReview === true
      : target.when === "paid"
      ? paid
      : target.when === "proposed_from_confirmed"
        ? // Paid money means a visit was confirmed (nothing else holds it), so it is one again, never refunded.
          current.proposedFrom === "confirmed" || paid
        : current.feeCents > 0 && !paid;
  return holds ? target.then : target.otherwise;
}

/**
 * Decide the outcome of `action` by `actor` on an appointment.
 *
 * The actor is checked before the status: who may do what never depends on
 * the status, and answering "forbidden" first avoids telling an outsider
 * about the request's state.
 */
export function transition(
  current: AppointmentState,
  action: AppointmentAction,
  actor: Actor,
): TransitionResult {
  assertFeeCents(current.feeCents);
  if (ACTION_ACTOR[action] !== actor) {
    return { ok: false, code: "forbidden_actor", message: FORBIDDEN_MESSAGE[action] };
  }
  const target = TRANSITIONS[current.status][action];
  if (target === undefined) {
    return {
      ok: false,
      code: "invalid_transition",
      message: invalidTransitionMessage(current.status, action),
    };
  }
  if (action === "approve" && current.timeHeld === false) {
    return { ok: false, code: "invalid_transition", message: NO_TIME_HELD_MESSAGE };
  }
  if (current.status === "expired" && current.reinstatable !== true) {
    return { ok: false, code: "invalid_transition", message: TERMINAL_MESSAGE.expired };
  }
  const to = resolveTarget(target, current);
  return { ok: true, to, event: { action, from: current.status, to, actor }, money: moneyEffect(current.status, action, to, current.paid === true) };
}

/**
 * Actions `actor` may take on an appointment in `status`, in table order.
 * Pass `timeHeld: false` for a pending request that holds no time (it cannot
 * be approved).
 */
export function allowedActions(
  status: AppointmentStatus,
  actor: Actor,
  options: { timeHeld?: boolean } = {},
): AppointmentAction[] {
  // An expired appointment's reinstatement is the payment's, never offered to anyone.
  if (isTerminalStatus(status)) return [];
  return (Object.keys(TRANSITIONS[status]) as AppointmentAction[]).filter(
    (action) => ACTION_ACTOR[action] === actor && !(action === "approve" && options.timeHeld === false),
  );
}

export type PatientNextStep = {
  step: "wait" | "pay" | "respond_to_proposal" | "none";
  canCancel: boolean;
};

/** What the patient's page should ask of them next. */
export function patientNextStep(status: AppointmentStatus, feeCents: number): PatientNextStep {
  assertFeeCents(feeCents);
  const canCancel = allowedActions(status, "patient").includes("cancel");
  switch (status) {
    case "pending":
      return { step: "wait", canCancel };
    case "approved":
      // A free appointment never rests in "approved"; if data says otherwise
      // there is nothing to pay, so the patient just waits.
      return { step: feeCents > 0 ? "pay" : "wait", canCancel };
    case "rescheduled":
      return { step: "respond_to_proposal", canCancel };
    // The visit stays confirmed while the clinic answers the move; the page shows both times.
    case "move_requested":
    case "confirmed":
    case "declined":
    case "cancelled":
    case "expired":
      return { step: "none", canCancel };
  }
}
