// The patient's move of a confirmed visit to another time, and its answers:
// the clinic approves or declines, the patient withdraws (the lapse is the
// expiry sweep's, the cancel PatientCancel's). Money must not move on any of them.
import { db } from "@/lib/server/firebase";
import { requestVisitMove } from "@/lib/server/appointments/visit-move";
import { approveVisitMove, declineVisitMove, withdrawVisitMove } from "@/lib/server/appointments/visit-move-answers";
import { attempt, LifecycleCommand, OnAppointment, shown, type Real } from "./commands";
import { TIMES, setClock } from "./world";

/**
 * The patient asks to move to TIMES[t] from their visit's page, which only a
 * confirmed visit shows: it picks among the run's confirmed appointments
 * (any, when none is), so the path is common.
 */
export class MoveVisit extends LifecycleCommand {
  constructor(readonly i: number, readonly t: number) {
    super();
  }
  toString() {
    return `moveVisit(${shown(this.i)}, ${TIMES[this.t]})`;
  }
  async act({ run }: Real) {
    const now = setClock(run);
    let pool = run.appointments;
    if (pool.length) {
      const confirmed = await db().collection("appointments").where("clinicId", "==", run.clinicId).where("status", "==", "confirmed").get();
      const ids = new Set(confirmed.docs.map((d) => d.id));
      if (ids.size) pool = pool.filter((a) => ids.has(a.id));
    }
    const a = pool.length ? pool.at(this.i < 0 ? -1 : this.i % pool.length)! : null;
    if (!a) return;
    await attempt(run, `move #${run.appointments.indexOf(a)} to ${TIMES[this.t]}`, () => requestVisitMove(a.id, a.token, { start: TIMES[this.t] }, now));
  }
}

export class ApproveMove extends OnAppointment {
  toString() {
    return `approveMove(${shown(this.i)})`;
  }
  on({ run }: Real, a: { id: string }, now: Date) {
    return attempt(run, "approve move", () => approveVisitMove(run.staff, a.id, { now }));
  }
}

export class DeclineMove extends OnAppointment {
  toString() {
    return `declineMove(${shown(this.i)})`;
  }
  on({ run }: Real, a: { id: string }, now: Date) {
    return attempt(run, "decline move", () => declineVisitMove(run.staff, a.id, { reason: "The doctor is away then" }, { now }));
  }
}

export class WithdrawMove extends OnAppointment {
  toString() {
    return `withdrawMove(${shown(this.i)})`;
  }
  on({ run }: Real, a: { id: string; token: string }, now: Date) {
    return attempt(run, "withdraw move", () => withdrawVisitMove(a.id, a.token, now));
  }
}
