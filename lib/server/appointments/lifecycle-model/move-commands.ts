// The patient's move of a confirmed visit to another time, and its answers:
// the clinic approves or declines, the patient withdraws (the lapse is the
// expiry sweep's, the cancel PatientCancel's). Money must not move on any of them.
import { db } from "@/lib/server/firebase";
import { requestVisitMove } from "@/lib/server/appointments/visit-move";
import { approveVisitMove, declineVisitMove, withdrawVisitMove } from "@/lib/server/appointments/visit-move-answers";
import { attempt, LifecycleCommand, shown, type Real } from "./commands";
import type { ModelAppointment, Run } from "./world";
import { TIMES, setClock } from "./world";

/**
 * Where a visit may move: the run's three overlapping Wednesday times, and two
 * on Thursday, which every set of hours offers (so a move is often possible,
 * and frees a Wednesday time for the others).
 */
export const MOVE_TIMES = [...TIMES, ...["2030-01-10T09:00:00-05:00", "2030-01-10T09:40:00-05:00"].map((t) => new Date(t).toISOString())];

/**
 * The patient asks to move to MOVE_TIMES[t] from their visit's page, which only a
 * confirmed visit shows: it picks among the run's confirmed appointments
 * (any, when none is), so the path is common.
 */
export class MoveVisit extends LifecycleCommand {
  constructor(readonly i: number, readonly t: number) {
    super();
  }
  toString() {
    return `moveVisit(${shown(this.i)}, ${MOVE_TIMES[this.t]})`;
  }
  async act({ run }: Real) {
    const now = setClock(run);
    const a = await pickIn(run, this.i, "confirmed");
    if (!a) return;
    await attempt(run, `move #${run.appointments.indexOf(a)} to ${MOVE_TIMES[this.t]}`, () => requestVisitMove(a.id, a.token, { start: MOVE_TIMES[this.t] }, now));
  }
}

/** The i-th of the run's appointments in `status` (any of them, when none is), as the page offering the action would. */
async function pickIn(run: Run, i: number, status: string): Promise<ModelAppointment | null> {
  let pool = run.appointments;
  if (pool.length) {
    const matching = await db().collection("appointments").where("clinicId", "==", run.clinicId).where("status", "==", status).get();
    const ids = new Set(matching.docs.map((d) => d.id));
    if (ids.size) pool = pool.filter((a) => ids.has(a.id));
  }
  return pool.length ? pool.at(i < 0 ? -1 : i % pool.length)! : null;
}

/** An answer to a waiting move, aimed at the run's move requests (the queue's "Move requests" section). */
abstract class MoveAnswer extends LifecycleCommand {
  constructor(readonly i: number) {
    super();
  }
  abstract answer(run: Run, a: ModelAppointment, now: Date): Promise<unknown>;
  async act({ run }: Real) {
    const now = setClock(run);
    const a = await pickIn(run, this.i, "move_requested");
    if (a) await attempt(run, `${this.toString()} #${run.appointments.indexOf(a)}`, () => this.answer(run, a, now));
  }
}

export class ApproveMove extends MoveAnswer {
  toString() {
    return `approveMove(${shown(this.i)})`;
  }
  answer(run: Run, a: ModelAppointment, now: Date) {
    return approveVisitMove(run.staff, a.id, { now });
  }
}

export class DeclineMove extends MoveAnswer {
  toString() {
    return `declineMove(${shown(this.i)})`;
  }
  answer(run: Run, a: ModelAppointment, now: Date) {
    return declineVisitMove(run.staff, a.id, { reason: "The doctor is away then" }, { now });
  }
}

export class WithdrawMove extends MoveAnswer {
  toString() {
    return `withdrawMove(${shown(this.i)})`;
  }
  answer(_run: Run, a: ModelAppointment, now: Date) {
    return withdrawVisitMove(a.id, a.token, now);
  }
}
