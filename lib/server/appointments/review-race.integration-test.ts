import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { at, book, callers, history, later, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { expireIfLapsed } from "./expire";
import { cancelAppointmentByPatient } from "./patient";
import { approveAppointment, declineAppointment, proposeNewTime } from "./review";

// Everyone acts on one pending request at once: staff approve, an admin
// declines, the doctor proposes another time (each from a page that showed
// version 1), the patient cancels, and the expiry job runs with a clock past
// the hold. Exactly one leaves pending; every staff verb that lost gets a 409
// and the expiry finds nothing to do. The patient's cancel carries no version:
// when it arrives after an approval or a proposal, cancelling that is legal,
// and history shows it as a second step from the winner's status.

const ROUNDS = 20;
const soon = later(1);
const pastHold = later(24.5);

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("concurrent answers to one request", () => {
  it(`exactly one transition out of pending, the rest 409, locks consistent (${ROUNDS} rounds)`, { timeout: 120_000 }, async () => {
    const wins: Record<string, number> = {};
    let followUps = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await seedReviewWorld();
      const { id, token } = await book(at("09:00"));
      const ops: Record<string, () => Promise<unknown>> = {
        approve: () => approveAppointment(callers.staff, id, { expectedVersion: 1, now: soon }),
        decline: () => declineAppointment(callers.admin, id, { reason: "Fully booked" }, { expectedVersion: 1, now: soon }),
        propose: () => proposeNewTime(callers.doctor, id, { start: at("11:00") }, { expectedVersion: 1, now: soon }),
        cancel: () => cancelAppointmentByPatient(id, token, soon),
        expire: async () => {
          if (!(await expireIfLapsed(id, pastHold))) throw new AppError("conflict", "Nothing to expire.");
        },
      };
      const names = shuffle(Object.keys(ops));
      const settled = await Promise.allSettled(names.map((name) => ops[name]!()));
      const outcome = Object.fromEntries(names.map((name, i) => [name, settled[i]!]));

      const entries = await history(id);
      const outOfPending = entries.filter((e) => e.from === "pending");
      expect(outOfPending, `round ${round}`).toHaveLength(1);
      const winner = outOfPending[0]!.action === "expire" ? "expire" : outOfPending[0]!.action;
      wins[winner] = (wins[winner] ?? 0) + 1;
      expect(outcome[winner]!.status).toBe("fulfilled");

      for (const name of names) {
        if (name === winner) continue;
        const result = outcome[name]!;
        if (name === "cancel" && result.status === "fulfilled") {
          // Legal follow-up: the patient cancelled what the winner left (approved or rescheduled).
          followUps++;
          expect(entries.map((e) => e.action)).toEqual(["request", winner, "cancel"]);
          expect(entries[2]!.from).toBe(outOfPending[0]!.to);
          continue;
        }
        expect(result.status, `round ${round}: ${name} after ${winner}`).toBe("rejected");
        const code = (result as PromiseRejectedResult).reason?.code;
        expect(["conflict", "slot_unavailable"], `round ${round}: ${name} → ${code}`).toContain(code);
      }
      expect(entries.length).toBeLessThanOrEqual(3);
      await expectLocksMatchLiveAppointments();
    }
    console.log(`winners over ${ROUNDS} rounds:`, wins, `patient cancelled the winner's result ${followUps} times`);
  });
});
