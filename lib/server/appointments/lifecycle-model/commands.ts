// The lifecycle's commands: every verb a patient, the clinic, Stripe or the
// scheduler can use, on an appointment picked by index. A verb may refuse
// (an AppError: taken, conflict, not found...): that is an answer, not a
// failure. Anything else thrown fails the run. After each command (or each
// parallel batch) the invariants are checked (invariants.ts).
import fc from "fast-check";
import type { Timestamp } from "firebase-admin/firestore";
import { isAppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/firebase";
import { requestAppointment } from "@/lib/server/appointments/request";
import { confirmRequestEmail } from "@/lib/server/appointments/email-confirmation";
import { approveAppointment, declineAppointment, proposeNewTime } from "@/lib/server/appointments/review";
import { withdrawProposal } from "@/lib/server/appointments/withdraw-proposal";
import { acceptProposal, cancelAppointmentByPatient, rejectProposal } from "@/lib/server/appointments/patient";
import { cancelByClinic } from "@/lib/server/appointments/clinic-cancel";
import { preparePayment } from "@/lib/server/payments/prepare";
import { retryPendingRefunds } from "@/lib/server/payments/refund";
import { expireStale } from "@/lib/server/appointments/expiry-sweep";
import { setDoctorActive } from "@/lib/server/doctors/profiles";
import { updateDoctorSchedule } from "@/lib/server/doctors/schedule";
import { eraseAppointment } from "@/lib/server/privacy/erase";
import { checkInvariants } from "./invariants";
import { BOOKABLE, DOCTORS, FEE_CENTS, TIMES, advance, deliver, eventsOf, scheduleOf, setClock, type HoursName, type ModelAppointment, type Run, type Shared, type StripeEventLike } from "./world";

export interface Real {
  shared: Shared;
  run: Run;
}

/** Runs a verb; an AppError is the verb refusing, logged; anything else propagates. */
export async function attempt(run: Run, what: string, verb: () => Promise<unknown>): Promise<void> {
  try {
    const answer = await verb();
    run.log.push(`    ${what} → ${typeof answer === "object" ? JSON.stringify(answer) : String(answer)}`);
  } catch (error) {
    if (!isAppError(error)) throw error;
    run.log.push(`    ${what} refused: ${error.code}`);
  }
}

/** Time spent per command kind (acting, then checking), for MODEL_DEBUG. */
export const timings: Record<string, { n: number; act: number; check: number }> = {};

/** The i-th appointment (modulo how many there are); -1 is the latest. */
const pick = (run: Run, i: number): ModelAppointment | null => (run.appointments.length ? run.appointments.at(i < 0 ? -1 : i % run.appointments.length)! : null);
export const shown = (i: number) => (i < 0 ? "latest" : `#${i}`);

export abstract class LifecycleCommand implements fc.AsyncCommand<object, Real> {
  check(): boolean {
    return true;
  }
  abstract act(r: Real): Promise<void>;
  abstract toString(): string;
  async run(_m: object, r: Real): Promise<void> {
    r.run.log.push(this.toString());
    const t0 = performance.now();
    await this.act(r);
    const t1 = performance.now();
    await checkInvariants(r.shared, r.run);
    const name = this.constructor.name;
    const s = (timings[name] ??= { n: 0, act: 0, check: 0 });
    s.n++;
    s.act += t1 - t0;
    s.check += performance.now() - t1;
  }
}

/** A command aimed at the run's i-th appointment (modulo how many there are); a no-op before the first request. */
export abstract class OnAppointment extends LifecycleCommand {
  constructor(readonly i: number) {
    super();
  }
  abstract on(r: Real, a: ModelAppointment, now: Date): Promise<void>;
  async act(r: Real): Promise<void> {
    const a = pick(r.run, this.i);
    if (a) await this.on(r, a, setClock(r.run));
  }
}

/**
 * A time for a doctor: the t-th of the times their hours offer now (as the
 * booking page would show), or, when `raw`, TIMES[t] whatever the hours say.
 */
function timeFor(run: Run, doctorId: string, t: number, raw: boolean): string {
  const offered = BOOKABLE[run.doctors[doctorId]!.hours];
  return TIMES[raw || offered.length === 0 ? t % TIMES.length : offered[t % offered.length]!]!;
}

export class Request extends LifecycleCommand {
  constructor(readonly doctor: number, readonly time: number, readonly raw: boolean) {
    super();
  }
  toString() {
    return `request(${DOCTORS[this.doctor]}, ${this.raw ? `t${this.time}` : `offered time ${this.time}`})`;
  }
  async act({ run }: Real) {
    const now = setClock(run);
    const email = `p${++run.requests}@${run.slug}.test`;
    const doctorId = DOCTORS[this.doctor]!;
    const start = timeFor(run, doctorId, this.time, this.raw);
    await attempt(run, `request at ${start}`, async () => {
      const made = await requestAppointment(run.slug, doctorId, { start, patient: { name: "Pat Model", email, phone: "+1 555 010 0199" }, reason: "checkup" }, { source: "web", now });
      run.appointments.push({ id: made.id, token: new URL(made.statusUrl).searchParams.get("t")!, email, doctorId, intents: [] });
      return `#${run.appointments.length - 1} ${made.id}`;
    });
  }
}

export class ConfirmEmail extends OnAppointment {
  toString() {
    return `confirmEmail(${shown(this.i)})`;
  }
  async on({ run }: Real, a: ModelAppointment, now: Date) {
    // The confirm secret is only in the email the patient received.
    const mail = await db().collection("mail").where("appointmentId", "==", a.id).get();
    const link = mail.docs.map((d) => /\/confirm\?t=([\w-]+)/.exec(String(d.get("message.text")))?.[1]).find(Boolean);
    if (!link) return void run.log.push("    no confirm link was emailed");
    await attempt(run, "confirm", () => confirmRequestEmail(a.id, link, now));
  }
}

export class Approve extends OnAppointment {
  toString() {
    return `approve(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "approve", () => approveAppointment(run.staff, a.id, { now }));
  }
}

export class Propose extends OnAppointment {
  constructor(i: number, readonly time: number, readonly raw: boolean) {
    super(i);
  }
  toString() {
    return `propose(${shown(this.i)}, ${this.raw ? `t${this.time}` : `offered time ${this.time}`})`;
  }
  async on({ run }: Real, a: ModelAppointment, now: Date) {
    // As staff would: one of the other times the doctor's hours offer (raw: any of the three).
    const current = ((await db().collection("appointments").doc(a.id).get()).get("start") as Timestamp).toDate().toISOString();
    const offered = (this.raw ? [0, 1, 2] : BOOKABLE[run.doctors[a.doctorId]!.hours]).map((t) => TIMES[t]!).filter((t) => t !== current);
    const start = offered.length ? offered[this.time % offered.length]! : current;
    return attempt(run, `propose ${start}`, () => proposeNewTime(run.staff, a.id, { start }, { now }));
  }
}

/** Staff withdraw the time they proposed (refused unless one awaits the patient, or when a confirmed visit's original time was taken). */
export class Withdraw extends OnAppointment {
  toString() {
    return `withdraw(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "withdraw", () => withdrawProposal(run.staff, a.id, { now }));
  }
}

export class Accept extends OnAppointment {
  toString() {
    return `accept(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "accept", () => acceptProposal(a.id, a.token, now));
  }
}

export class Reject extends OnAppointment {
  toString() {
    return `reject(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "reject", () => rejectProposal(a.id, a.token, now));
  }
}

export class Decline extends OnAppointment {
  toString() {
    return `decline(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "decline", () => declineAppointment(run.staff, a.id, { reason: "Not for this clinic" }, { now }));
  }
}

/**
 * The patient cancels: from a request's page (no refund quoted: refused if the visit was confirmed meanwhile), or
 * from a confirmed visit's page. The visit's page is only shown for a confirmed visit, so that command picks among
 * the run's confirmed appointments (any, when none is), which makes a late, paid cancel a common path.
 */
export class PatientCancel extends LifecycleCommand {
  constructor(readonly i: number, readonly visitPage: boolean) {
    super();
  }
  toString() {
    return `${this.visitPage ? "cancelVisit" : "patientCancel"}(${shown(this.i)})`;
  }
  async act({ run }: Real) {
    const now = setClock(run);
    let pool = run.appointments;
    if (this.visitPage && pool.length) {
      const confirmed = await db().collection("appointments").where("clinicId", "==", run.clinicId).where("status", "==", "confirmed").get();
      const ids = new Set(confirmed.docs.map((d) => d.id));
      if (ids.size) pool = pool.filter((a) => ids.has(a.id));
    }
    const a = pool.length ? pool.at(this.i < 0 ? -1 : this.i % pool.length)! : null;
    if (!a) return;
    // A quote of 0 takes whatever the policy gives now (a quote the window closed on is the integration test's).
    const quote = this.visitPage ? { quotedRefundCents: 0 } : {};
    await attempt(run, `${this.visitPage ? "cancel visit" : "cancel"} #${run.appointments.indexOf(a)}`, () => cancelAppointmentByPatient(a.id, a.token, now, quote));
  }
}

/** The clinic erases the patient's personal data (refused while the appointment is live); the lifecycle must carry on around it. */
export class Erase extends OnAppointment {
  toString() {
    return `erase(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "erase", () => eraseAppointment(a.id, run.clinicId, now));
  }
}

export class ClinicCancel extends OnAppointment {
  toString() {
    return `clinicCancel(${shown(this.i)})`;
  }
  on({ run }: Real, a: ModelAppointment, now: Date) {
    return attempt(run, "clinic cancel", () => cancelByClinic(run.staff, a.id, { reason: "Doctor is ill" }, { now }));
  }
}

/**
 * The patient pays from their status page: the app's own PaymentIntent
 * (preparePayment), or, once the page no longer offers one, the intent the
 * tab still open has; `extra` is a second PaymentIntent for the same
 * appointment (made by hand, or by a tab whose intent was never stored).
 * The card is confirmed at the stand-in, which records the charge and the
 * event; the webhook then gets it `deliveries` times (0: later, or never).
 */
export class Pay extends OnAppointment {
  constructor(i: number, readonly deliveries: number, readonly extra: boolean, readonly declined: boolean) {
    super(i);
  }
  toString() {
    return `${this.declined ? "payFailure" : "pay"}(${shown(this.i)}${this.extra ? ", second intent" : ""}, delivered ×${this.deliveries})`;
  }
  async on({ shared, run }: Real, a: ModelAppointment, now: Date) {
    let intentId: string | undefined;
    if (this.extra) {
      intentId = (await shared.stripe.paymentIntents.create({ amount: FEE_CENTS, currency: "usd", metadata: { appointmentId: a.id, clinicId: run.clinicId } })).id;
    } else {
      try {
        intentId = (await preparePayment(a.id, a.token, { stripe: shared.stripe, now })).intentId;
        a.pageIntent = intentId;
      } catch (error) {
        if (!isAppError(error)) throw error;
        run.log.push(`    nothing to pay on the page (${error.code}); the open tab's intent: ${a.pageIntent ?? "none"}`);
        intentId = a.pageIntent;
      }
    }
    if (!intentId) return;
    if (!a.intents.includes(intentId)) a.intents.push(intentId);
    const before = shared.standin.events.length;
    try {
      await shared.stripe.paymentIntents.confirm(intentId, { payment_method: this.declined ? "pm_card_chargeDeclined" : "pm_card_visa" });
      run.log.push(`    ${intentId} charged`);
    } catch (error) {
      run.log.push(`    ${intentId} not charged: ${(error as Error).message}`);
    }
    const event = (shared.standin.events.slice(before) as unknown as StripeEventLike[]).find(
      (e) => (e.type === "payment_intent.succeeded" || e.type === "payment_intent.payment_failed") && e.data.object.id === intentId,
    );
    if (event) for (let k = 0; k < this.deliveries; k++) await deliver(shared, run, event);
  }
}

/** Stripe delivers (again) one of the appointment's events, in whatever order: a success, a failure, a refund. */
export class Redeliver extends OnAppointment {
  constructor(i: number, readonly k: number) {
    super(i);
  }
  toString() {
    return `redeliver(${shown(this.i)}, event ${this.k})`;
  }
  async on({ shared, run }: Real, a: ModelAppointment) {
    const events = eventsOf(shared, run, a).filter((e) => e.type !== "payment_intent.created");
    if (events.length) await deliver(shared, run, events[this.k % events.length]!);
  }
}

export class ExpirySweep extends LifecycleCommand {
  toString() {
    return "expirySweep()";
  }
  act({ run }: Real) {
    return attempt(run, "expireStale", async () => (await expireStale(setClock(run))).expired + " expired");
  }
}

/** The scheduled retry of refunds whose first attempt failed. */
export class RetryRefunds extends LifecycleCommand {
  toString() {
    return "retryRefunds()";
  }
  act({ run, shared }: Real) {
    setClock(run);
    return attempt(run, "retryPendingRefunds", () => retryPendingRefunds(50, shared.stripe));
  }
}

export class Advance extends LifecycleCommand {
  constructor(readonly hours: number) {
    super();
  }
  toString() {
    return `advance(${this.hours} h)`;
  }
  async act({ run }: Real) {
    advance(run, this.hours);
    run.log.push(`    now ${new Date(run.now).toISOString()}`);
  }
}

export class DoctorActive extends LifecycleCommand {
  constructor(readonly doctor: number, readonly active: boolean) {
    super();
  }
  toString() {
    return `doctor${this.active ? "Activated" : "Deactivated"}(${DOCTORS[this.doctor]})`;
  }
  async act({ run }: Real) {
    const id = DOCTORS[this.doctor]!;
    setClock(run);
    await attempt(run, "setDoctorActive", () => setDoctorActive(run.admin, id, this.active));
    run.doctors[id]!.active = this.active;
  }
}

export class HoursChanged extends LifecycleCommand {
  constructor(readonly doctor: number, readonly hours: HoursName) {
    super();
  }
  toString() {
    return `hoursChanged(${DOCTORS[this.doctor]}, ${this.hours})`;
  }
  async act({ run }: Real) {
    const id = DOCTORS[this.doctor]!;
    await attempt(run, "updateDoctorSchedule", () => updateDoctorSchedule(run.admin, id, scheduleOf(this.hours), setClock(run)));
    run.doctors[id]!.hours = this.hours;
  }
}
