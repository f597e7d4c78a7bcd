import { describe, expect, it } from "vitest";
import { MONEY_EFFECTS, moneyEffect, type MoneyEffect } from "./money";
import { APPOINTMENT_ACTIONS, ACTION_ACTOR, transition, type AppointmentAction } from "./state-machine";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "./status";

// The whole table, written out by hand: [from, action, to, paid, what happens to the money].
// Every transition the state machine allows (fee due, free, or already paid) must appear exactly once.
type Row = [AppointmentStatus, AppointmentAction, AppointmentStatus, boolean, MoneyEffect];
const TABLE: Row[] = [
  ["pending", "approve", "approved", false, "none"],
  ["pending", "approve", "confirmed", false, "none"], // free
  ["pending", "approve", "confirmed", true, "none"],
  ["pending", "decline", "declined", false, "none"],
  ["pending", "decline", "declined", true, "refund"],
  ["pending", "propose", "rescheduled", false, "none"],
  ["pending", "propose", "rescheduled", true, "none"],
  ["pending", "cancel", "cancelled", false, "none"],
  ["pending", "cancel", "cancelled", true, "refund"],
  ["pending", "expire", "expired", false, "none"],
  ["pending", "expire", "expired", true, "refund"],
  ["approved", "pay", "confirmed", false, "capture_expected"],
  ["approved", "pay", "confirmed", true, "capture_expected"],
  ["approved", "propose", "rescheduled", false, "cancel_intent"],
  ["approved", "propose", "rescheduled", true, "none"],
  ["approved", "cancel", "cancelled", false, "cancel_intent"],
  ["approved", "cancel", "cancelled", true, "refund"],
  ["approved", "expire", "expired", false, "cancel_intent"],
  ["approved", "expire", "expired", true, "refund"],
  ["approved", "clinic_cancel", "cancelled", false, "cancel_intent"],
  ["approved", "clinic_cancel", "cancelled", true, "refund"],
  ["rescheduled", "accept", "approved", false, "none"],
  ["rescheduled", "accept", "confirmed", false, "none"], // free
  ["rescheduled", "accept", "confirmed", true, "none"],
  ["rescheduled", "reject", "pending", false, "none"],
  ["rescheduled", "reject", "cancelled", true, "refund"],
  ["rescheduled", "cancel", "cancelled", false, "none"],
  ["rescheduled", "cancel", "cancelled", true, "refund"],
  ["rescheduled", "expire", "expired", false, "none"],
  ["rescheduled", "expire", "expired", true, "refund"],
  ["rescheduled", "propose", "rescheduled", false, "none"],
  ["rescheduled", "propose", "rescheduled", true, "none"],
  // Withdrawn: back where the proposal came from, the money untouched.
  ["rescheduled", "withdraw", "pending", false, "none"],
  ["rescheduled", "withdraw", "confirmed", false, "none"], // a free confirmed visit
  ["rescheduled", "withdraw", "confirmed", true, "none"],
  ["confirmed", "propose", "rescheduled", false, "none"],
  ["confirmed", "propose", "rescheduled", true, "none"],
  // The patient cancels a visit: free, nothing moves; paid, their clinic's policy decides the refund.
  ["confirmed", "cancel", "cancelled", false, "none"],
  ["confirmed", "cancel", "cancelled", true, "refund_per_policy"],
  ["confirmed", "clinic_cancel", "cancelled", false, "none"],
  ["confirmed", "clinic_cancel", "cancelled", true, "refund"],
  // A patient's move: held for review or swapped at once; the payment follows the visit either way.
  ["confirmed", "move", "move_requested", false, "none"],
  ["confirmed", "move", "move_requested", true, "none"],
  ["confirmed", "move", "confirmed", false, "none"],
  ["confirmed", "move", "confirmed", true, "none"],
  ["move_requested", "approve_move", "confirmed", false, "none"],
  ["move_requested", "approve_move", "confirmed", true, "none"],
  ["move_requested", "decline_move", "confirmed", false, "none"],
  ["move_requested", "decline_move", "confirmed", true, "none"],
  ["move_requested", "withdraw_move", "confirmed", false, "none"],
  ["move_requested", "withdraw_move", "confirmed", true, "none"],
  // An unanswered move lapses: the visit stays at its own time, still paid.
  ["move_requested", "expire", "confirmed", false, "none"],
  ["move_requested", "expire", "confirmed", true, "none"],
  // Cancelling while a move waits is cancelling the visit: the policy decides the refund.
  ["move_requested", "cancel", "cancelled", false, "none"],
  ["move_requested", "cancel", "cancelled", true, "refund_per_policy"],
  ["move_requested", "clinic_cancel", "cancelled", false, "none"],
  ["move_requested", "clinic_cancel", "cancelled", true, "refund"],
  ["expired", "pay", "confirmed", false, "capture_expected"],
  ["expired", "pay", "confirmed", true, "capture_expected"],
];

const key = (from: string, action: string, to: string, paid: boolean) => `${from} ${action} → ${to}${paid ? " (paid)" : ""}`;

describe("money follows the transition", () => {
  // Every (status, action, fee, paid) the state machine accepts, with a payment's reinstatement allowed.
  const allowed = new Map<string, MoneyEffect>();
  for (const status of APPOINTMENT_STATUSES) {
    for (const action of APPOINTMENT_ACTIONS) {
      for (const [feeCents, paid] of [[5000, false], [0, false], [5000, true]] as const) {
        for (const proposedFrom of [undefined, "pending", "approved", "confirmed"] as const) {
          for (const movesWithoutReview of [false, true]) {
            const result = transition({ status, feeCents, paid, reinstatable: true, movesWithoutReview, ...(proposedFrom ? { proposedFrom } : {}) }, action, ACTION_ACTOR[action]);
            if (result.ok) allowed.set(key(status, action, result.to, paid), result.money);
          }
        }
      }
    }
  }

  it("the table lists every allowed transition once, and nothing else", () => {
    const listed = TABLE.map(([from, action, to, paid]) => key(from, action, to, paid));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...allowed.keys()].sort());
  });

  it.each(TABLE)("%s + %s → %s, paid %s: %s", (from, action, to, paid, money) => {
    expect(moneyEffect(from, action, to, paid)).toBe(money);
    expect(allowed.get(key(from, action, to, paid))).toBe(money);
  });

  it("paid money is kept only where the appointment keeps a time; every way out of approved unpaid cancels the intent", () => {
    for (const [from, action, to, paid, money] of TABLE) {
      expect(MONEY_EFFECTS).toContain(money);
      if (paid && money === "none") expect(["confirmed", "rescheduled", "move_requested"]).toContain(to);
      if (money === "refund_per_policy") expect(["confirmed", "move_requested"]).toContain(from);
      if (money === "refund_per_policy") expect([action, paid]).toEqual(["cancel", true]);
      // A move is never a second charge and never a refund.
      if (["move", "approve_move", "decline_move", "withdraw_move"].includes(action) || from === "move_requested" && to === "confirmed") expect(money).toBe("none");
      if (from === "approved" && action !== "pay" && !paid) expect(money).toBe("cancel_intent");
    }
  });
});
