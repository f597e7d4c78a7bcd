import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_ACTOR,
  APPOINTMENT_ACTIONS,
  allowedActions,
  patientNextStep,
  transition,
  type Actor,
  type AppointmentAction,
  type AppointmentEvent,
} from "./state-machine";
import { APPOINTMENT_STATUSES, isTerminalStatus, type AppointmentStatus } from "./status";

const ACTORS: Actor[] = ["staff", "patient", "payment", "system"];
const PAID = 5_000;
const FREE = 0;

// The product spec, written independently of the implementation's table:
// [from, action, actor, to when a fee is due (unpaid), to when free, to when already paid].
type Row = [AppointmentStatus, AppointmentAction, Actor, AppointmentStatus, AppointmentStatus, AppointmentStatus];
const SPEC: Row[] = [
  ["pending", "approve", "staff", "approved", "confirmed", "confirmed"],
  ["pending", "decline", "staff", "declined", "declined", "declined"],
  ["pending", "propose", "staff", "rescheduled", "rescheduled", "rescheduled"],
  ["pending", "cancel", "patient", "cancelled", "cancelled", "cancelled"],
  ["pending", "expire", "system", "expired", "expired", "expired"],
  ["approved", "pay", "payment", "confirmed", "confirmed", "confirmed"],
  ["approved", "propose", "staff", "rescheduled", "rescheduled", "rescheduled"],
  ["approved", "cancel", "patient", "cancelled", "cancelled", "cancelled"],
  ["approved", "expire", "system", "expired", "expired", "expired"],
  ["rescheduled", "accept", "patient", "approved", "confirmed", "confirmed"],
  // Turning down a proposal: back to pending with no time held, unless paid
  // (then cancelled, and refunded by the payments code).
  ["rescheduled", "reject", "patient", "pending", "pending", "cancelled"],
  ["rescheduled", "cancel", "patient", "cancelled", "cancelled", "cancelled"],
  ["rescheduled", "expire", "system", "expired", "expired", "expired"],
  // Staff replace the proposed time while the patient hasn't answered.
  ["rescheduled", "propose", "staff", "rescheduled", "rescheduled", "rescheduled"],
  // Staff withdraw it: back where it came from. Without a record of that, a paid
  // appointment was a confirmed visit and anything else a request to review again.
  ["rescheduled", "withdraw", "staff", "pending", "pending", "confirmed"],
  ["confirmed", "propose", "staff", "rescheduled", "rescheduled", "rescheduled"],
  // The clinic calls off an approved or confirmed appointment (refunded if paid).
  ["approved", "clinic_cancel", "staff", "cancelled", "cancelled", "cancelled"],
  ["confirmed", "clinic_cancel", "staff", "cancelled", "cancelled", "cancelled"],
  ["confirmed", "cancel", "patient", "cancelled", "cancelled", "cancelled"],
  // The patient moves a confirmed visit: by default the clinic reviews it (the swap at once is tested below).
  ["confirmed", "move", "patient", "move_requested", "move_requested", "move_requested"],
  // Every answer to a move leaves a confirmed visit: at the new time or the old one.
  ["move_requested", "approve_move", "staff", "confirmed", "confirmed", "confirmed"],
  ["move_requested", "decline_move", "staff", "confirmed", "confirmed", "confirmed"],
  ["move_requested", "withdraw_move", "patient", "confirmed", "confirmed", "confirmed"],
  ["move_requested", "expire", "system", "confirmed", "confirmed", "confirmed"],
  // While a move waits, the visit can still be called off, by either side.
  ["move_requested", "cancel", "patient", "cancelled", "cancelled", "cancelled"],
  ["move_requested", "clinic_cancel", "staff", "cancelled", "cancelled", "cancelled"],
];

const SPEC_ACTOR: Record<AppointmentAction, Actor> = {
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

type Money = "due" | "free" | "paid";
const MONEY: Record<Money, { feeCents: number; paid: boolean }> = {
  due: { feeCents: PAID, paid: false },
  free: { feeCents: FREE, paid: false },
  paid: { feeCents: PAID, paid: true },
};

type Case = [AppointmentStatus, AppointmentAction, Actor, Money, boolean];
const ALL_CASES: Case[] = APPOINTMENT_STATUSES.flatMap((status) =>
  APPOINTMENT_ACTIONS.flatMap((action) =>
    ACTORS.flatMap((actor) =>
      (["due", "free", "paid"] as const).flatMap((money) =>
        [true, false].map((timeHeld): Case => [status, action, actor, money, timeHeld]),
      ),
    ),
  ),
);

describe("transition: every (status, action, actor, money, time held) against the spec", () => {
  it("enumerates all 8 x 14 x 4 x 3 x 2 combinations", () => {
    expect(ALL_CASES).toHaveLength(2688);
  });

  it.each(ALL_CASES)("%s + %s by %s (%s, time held %s)", (status, action, actor, money, timeHeld) => {
    const result = transition({ status, ...MONEY[money], timeHeld }, action, actor);
    const row = SPEC.find(([from, a]) => from === status && a === action);

    if (SPEC_ACTOR[action] !== actor) {
      expect(result).toMatchObject({ ok: false, code: "forbidden_actor" });
    } else if (!row || (action === "approve" && !timeHeld)) {
      expect(result).toMatchObject({ ok: false, code: "invalid_transition" });
    } else {
      const to = money === "due" ? row[3] : money === "free" ? row[4] : row[5];
      expect(result).toMatchObject({ ok: true, to, event: { action, from: status, to, actor } });
    }
    if (!result.ok) expect(result.message).toMatch(/^[A-Z].*\.$/);
  });

  it("defaults to unpaid with time held", () => {
    expect(transition({ status: "pending", feeCents: PAID }, "approve", "staff")).toMatchObject({ ok: true, to: "approved" });
    expect(transition({ status: "rescheduled", feeCents: PAID }, "reject", "patient")).toMatchObject({ ok: true, to: "pending" });
  });
});

describe("transition messages", () => {
  it.each([
    ["declined", "approve", "staff", "This request was already declined."],
    ["cancelled", "cancel", "patient", "This request was already cancelled."],
    ["expired", "accept", "patient", "This request has expired."],
    ["confirmed", "pay", "payment", "This appointment is already confirmed."],
    ["approved", "approve", "staff", "This request was already approved."],
    ["pending", "pay", "payment", "This request can't be paid until the clinic approves it."],
    ["rescheduled", "pay", "payment", "Please accept the proposed time before paying."],
    ["pending", "accept", "patient", "There is no proposed time to answer."],
    ["pending", "approve", "patient", "Only the clinic can approve a request."],
    ["pending", "expire", "staff", "Requests expire automatically; they can't be expired by hand."],
    ["confirmed", "approve", "staff", "This appointment is already confirmed."],
    ["confirmed", "accept", "patient", "This appointment is already confirmed."],
    ["pending", "withdraw", "staff", "There is no proposed time to withdraw."],
    ["confirmed", "withdraw", "staff", "This appointment is already confirmed."],
    ["rescheduled", "withdraw", "patient", "Only the clinic can withdraw the time it proposed."],
  ] as const)("%s + %s by %s: %j", (status, action, actor, message) => {
    const result = transition({ status, feeCents: PAID }, action, actor);
    expect(result).toMatchObject({ ok: false, message });
  });

  it("a pending request holding no time cannot be approved, but can be proposed, declined, cancelled, expired", () => {
    const state = { status: "pending", feeCents: PAID, timeHeld: false } as const;
    const refused = transition(state, "approve", "staff");
    expect(refused).toMatchObject({ ok: false, code: "invalid_transition", message: expect.stringMatching(/No time is held.*Propose a time or decline/) });
    // Staff withdrawing their proposal leads here too: the refusal must not claim the patient turned it down.
    expect(refused.ok || refused.message).not.toMatch(/patient|turned down/i);
    expect(transition(state, "propose", "staff")).toMatchObject({ ok: true, to: "rescheduled" });
    expect(transition(state, "decline", "staff")).toMatchObject({ ok: true, to: "declined" });
    expect(transition(state, "cancel", "patient")).toMatchObject({ ok: true, to: "cancelled" });
    expect(transition(state, "expire", "system")).toMatchObject({ ok: true, to: "expired" });
  });

  it("a withdrawn proposal restores the status it was made from, and never moves money", () => {
    const rescheduled = { status: "rescheduled", feeCents: PAID } as const;
    expect(transition({ ...rescheduled, proposedFrom: "confirmed" }, "withdraw", "staff")).toMatchObject({ ok: true, to: "confirmed", money: "none" });
    expect(transition({ ...rescheduled, feeCents: FREE, proposedFrom: "confirmed" }, "withdraw", "staff")).toMatchObject({ ok: true, to: "confirmed", money: "none" });
    expect(transition({ ...rescheduled, paid: true, proposedFrom: "confirmed" }, "withdraw", "staff")).toMatchObject({ ok: true, to: "confirmed", money: "none" });
    // An approval goes back to review: its PaymentIntent was cancelled when the time was proposed.
    expect(transition({ ...rescheduled, proposedFrom: "approved" }, "withdraw", "staff")).toMatchObject({ ok: true, to: "pending", money: "none" });
    expect(transition({ ...rescheduled, proposedFrom: "pending" }, "withdraw", "staff")).toMatchObject({ ok: true, to: "pending", money: "none" });
    // Paid money is never refunded by a withdrawal, whatever was recorded.
    expect(transition({ ...rescheduled, paid: true, proposedFrom: "pending" }, "withdraw", "staff")).toMatchObject({ ok: true, to: "confirmed", money: "none" });
  });

  it("a move swaps at once only when the clinic allows it inside the free window, and never moves money", () => {
    for (const money of ["due", "free", "paid"] as const) {
      const confirmed = { status: "confirmed", ...MONEY[money] } as const;
      expect(transition({ ...confirmed, movesWithoutReview: true }, "move", "patient")).toMatchObject({ ok: true, to: "confirmed", money: "none" });
      expect(transition({ ...confirmed, movesWithoutReview: false }, "move", "patient")).toMatchObject({ ok: true, to: "move_requested", money: "none" });
    }
  });

  it.each([
    ["move_requested", "move", "patient", /already asked to move/],
    ["pending", "move", "patient", /Only a confirmed visit can be moved/],
    ["confirmed", "approve_move", "staff", /no request to move/],
    ["confirmed", "withdraw_move", "patient", /no request to move/],
    ["move_requested", "propose", "staff", /approve or decline the move first/],
    ["cancelled", "approve_move", "staff", /already cancelled/],
    ["move_requested", "approve_move", "patient", /Only the clinic can approve moving/],
  ] as const)("move messages: %s + %s by %s", (status, action, actor, message) => {
    const result = transition({ status, feeCents: PAID }, action, actor);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("an expired appointment is confirmed by a payment only when the server says its time can be kept", () => {
    expect(transition({ status: "expired", feeCents: PAID }, "pay", "payment")).toMatchObject({ ok: false, message: "This request has expired." });
    expect(transition({ status: "expired", feeCents: PAID, reinstatable: true }, "pay", "payment")).toMatchObject({ ok: true, to: "confirmed" });
    expect(transition({ status: "expired", feeCents: PAID, reinstatable: true }, "cancel", "patient")).toMatchObject({ ok: false });
    expect(allowedActions("expired", "payment")).toEqual([]);
  });

  it("reports a forbidden actor before an impossible transition", () => {
    expect(transition({ status: "declined", feeCents: 0 }, "approve", "patient")).toMatchObject({
      ok: false,
      code: "forbidden_actor",
    });
  });

  it("rejects a nonsensical fee as a programming error", () => {
    expect(() => transition({ status: "pending", feeCents: -1 }, "approve", "staff")).toThrow(RangeError);
    expect(() => transition({ status: "pending", feeCents: 1.5 }, "approve", "staff")).toThrow(RangeError);
    expect(() => patientNextStep("approved", Number.NaN)).toThrow(RangeError);
  });
});

describe("allowedActions", () => {
  it("matches the spec for every status and actor", () => {
    for (const status of APPOINTMENT_STATUSES) {
      for (const actor of ACTORS) {
        const expected = SPEC.filter(([from, , a]) => from === status && a === actor).map((row) => row[1]);
        expect(allowedActions(status, actor).sort()).toEqual(expected.sort());
      }
    }
  });

  it("lists staff actions for a pending request in a stable order", () => {
    expect(allowedActions("pending", "staff")).toEqual(["approve", "decline", "propose"]);
  });

  it("leaves approve out while no time is held", () => {
    expect(allowedActions("pending", "staff", { timeHeld: false })).toEqual(["decline", "propose"]);
    expect(allowedActions("rescheduled", "staff")).toEqual(["propose", "withdraw"]);
    expect(allowedActions("pending", "patient", { timeHeld: false })).toEqual(["cancel"]);
  });

  it("agrees with ACTION_ACTOR", () => {
    expect(ACTION_ACTOR).toEqual(SPEC_ACTOR);
  });
});

describe("patientNextStep", () => {
  it.each([
    ["pending", PAID, "wait", true],
    ["pending", FREE, "wait", true],
    ["approved", PAID, "pay", true],
    ["approved", FREE, "wait", true],
    ["rescheduled", PAID, "respond_to_proposal", true],
    ["rescheduled", FREE, "respond_to_proposal", true],
    // A confirmed visit: nothing to do but come, or cancel it (the clinic's policy decides any refund).
    ["confirmed", PAID, "none", true],
    // A move awaits the clinic: the visit still stands and can still be cancelled.
    ["move_requested", PAID, "none", true],
    ["declined", PAID, "none", false],
    ["cancelled", FREE, "none", false],
    ["expired", PAID, "none", false],
  ] as const)("%s with fee %i: %s, canCancel %s", (status, fee, step, canCancel) => {
    expect(patientNextStep(status, fee)).toEqual({ step, canCancel });
  });
});

describe("properties", () => {
  const status = fc.constantFrom(...APPOINTMENT_STATUSES);
  const action = fc.constantFrom(...APPOINTMENT_ACTIONS);
  const actor = fc.constantFrom(...ACTORS);
  const fee = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000_000 }));

  it("no transition leaves a terminal status", () => {
    fc.assert(
      fc.property(status.filter(isTerminalStatus), action, actor, fee, (from, a, by, feeCents) => {
        expect(transition({ status: from, feeCents }, a, by).ok).toBe(false);
      }),
    );
  });

  it("only a turned-down or withdrawn proposal returns to pending; free or paid appointments never wait for payment", () => {
    fc.assert(
      fc.property(status, action, actor, fee, fc.boolean(), (from, a, by, feeCents, paid) => {
        const result = transition({ status: from, feeCents, paid }, a, by);
        if (!result.ok) return;
        if (result.to === "pending") {
          expect(from).toBe("rescheduled");
          expect(["reject", "withdraw"]).toContain(a);
          expect(paid).toBe(false);
        }
        if (feeCents === 0 || paid) expect(result.to).not.toBe("approved");
      }),
    );
  });

  it("random histories form a consistent, append-only chain", () => {
    const step = fc.record({ action, actor });
    fc.assert(
      fc.property(fee, fc.array(step, { maxLength: 30 }), (feeCents, steps) => {
        let current: AppointmentStatus = "pending";
        const history: AppointmentEvent[] = [];
        for (const s of steps) {
          const result = transition({ status: current, feeCents }, s.action, s.actor);
          if (isTerminalStatus(current)) expect(result.ok).toBe(false);
          if (!result.ok) continue;
          expect(result.event.from).toBe(current);
          expect(ACTION_ACTOR[result.event.action]).toBe(result.event.actor);
          history.push(result.event);
          current = result.to;
        }
        history.forEach((event, i) => {
          if (i > 0) expect(event.from).toBe(history[i - 1]!.to);
        });
      }),
    );
  });
});
