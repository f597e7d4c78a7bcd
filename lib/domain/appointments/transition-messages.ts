/**
 * What a refused transition says, in the words the person refused reads: the
 * state machine (state-machine.ts) decides, this names why.
 */
import type { AppointmentAction } from "./state-machine";
import { isTerminalStatus, type AppointmentStatus } from "./status";

// The table cannot know why no time is held (the patient turned a proposal down, or staff withdrew
// one whose original time was gone), so the refusal names only the fact and what to do.
export const NO_TIME_HELD_MESSAGE = "No time is held for this request, so it can't be approved. Propose a time or decline the request.";

export const FORBIDDEN_MESSAGE: Readonly<Record<AppointmentAction, string>> = {
  approve: "Only the clinic can approve a request.",
  decline: "Only the clinic can decline a request.",
  propose: "Only the clinic can propose a new time.",
  cancel: "Only the patient can cancel this request.",
  accept: "Only the patient can accept a proposed time.",
  reject: "Only the patient can turn down a proposed time.",
  pay: "Payments can only be confirmed by the payment provider.",
  expire: "Requests expire automatically; they can't be expired by hand.",
  clinic_cancel: "Only the clinic can cancel an approved or confirmed appointment this way.",
  withdraw: "Only the clinic can withdraw the time it proposed.",
  move: "Only the patient can move their visit from their status page.",
  approve_move: "Only the clinic can approve moving a visit.",
  decline_move: "Only the clinic can decline moving a visit.",
  withdraw_move: "Only the patient can withdraw their request to move the visit.",
};

// Once a request is terminal (or confirmed) the reason it can't change is the status itself,
// whatever was attempted.
export const TERMINAL_MESSAGE: Readonly<Record<AppointmentStatus, string>> = {
  confirmed: "This appointment is already confirmed.",
  declined: "This request was already declined.",
  cancelled: "This request was already cancelled.",
  expired: "This request has expired.",
  // Not terminal; listed to keep the record total.
  move_requested: "",
  pending: "",
  approved: "",
  rescheduled: "",
};

const MOVE_ANSWERS: ReadonlySet<AppointmentAction> = new Set<AppointmentAction>(["approve_move", "decline_move", "withdraw_move"]);

export function invalidTransitionMessage(status: AppointmentStatus, action: AppointmentAction): string {
  if (isTerminalStatus(status)) return TERMINAL_MESSAGE[status];
  if (MOVE_ANSWERS.has(action)) return "There is no request to move this visit.";
  if (action === "move") {
    return status === "move_requested"
      ? "You already asked to move this visit; the clinic hasn't answered yet. Withdraw that request to pick another time."
      : "Only a confirmed visit can be moved. This page shows where your request stands.";
  }
  if (status === "move_requested") return "The patient asked to move this visit: approve or decline the move first.";
  if (status === "confirmed") return TERMINAL_MESSAGE[status];
  switch (action) {
    case "approve":
    case "decline":
      return status === "approved"
        ? "This request was already approved."
        : "This request is waiting for the patient to answer the proposed time.";
    case "propose":
      return "A new time was already proposed; the patient hasn't answered yet.";
    case "accept":
    case "reject":
      return "There is no proposed time to answer.";
    case "withdraw":
      return "There is no proposed time to withdraw.";
    case "pay":
      return status === "rescheduled"
        ? "Please accept the proposed time before paying."
        : "This request can't be paid until the clinic approves it.";
    case "clinic_cancel":
      return "Only an approved or confirmed appointment can be cancelled by the clinic; decline a request instead.";
    case "approve_move":
    case "decline_move":
    case "withdraw_move":
      // Answered above; kept for exhaustiveness.
      return "This visit can't be moved right now.";
    case "cancel":
    case "expire":
      // Every non-terminal, unconfirmed status allows these; kept for exhaustiveness.
      return "This request can't be changed right now.";
  }
}
