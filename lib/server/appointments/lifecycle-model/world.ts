// The world one model run acts on: a fresh clinic (its own ids, so runs never
// clear the database), two doctors, three overlapping times, the app's clock
// and the Stripe stand-in shared by every run. The model keeps only what the
// outside world would know (ids, links, intents, events); every invariant
// reads the truth from Firestore and from the stand-in's own state.
import Stripe from "stripe";
import type { Caller } from "@/lib/domain/roles";
import { db } from "@/lib/server/firebase";
import { signPayload, type Standin } from "@clinic/stripe-standin";
import { handleStripeEvent } from "@/lib/server/payments/webhook";
import type { CancellationPolicy } from "@/lib/domain/cancellation-policy";

export const WEBHOOK_SECRET = "whsec_model";
export const FEE_CENTS = 5000;
const HOUR = 3600_000;
/** Monday 2030-01-07, 07:00 in New York: every run starts here. */
export const START = Date.parse("2030-01-07T07:00:00-05:00");
/** The clock never passes Wednesday 06:00, so the visit times (Wednesday from 09:00) stay ahead with 2 h notice. */
export const LATEST = Date.parse("2030-01-09T06:00:00-05:00");
/**
 * Three times on Wednesday that overlap once buffers count: a 30-minute visit
 * plus a 10-minute buffer at 09:00 and at 09:40 each overlap 09:20.
 */
export const TIMES = ["2030-01-09T09:00:00-05:00", "2030-01-09T09:20:00-05:00", "2030-01-09T09:40:00-05:00"].map((t) => new Date(t).toISOString());
export const DOCTORS = ["d1", "d2"] as const;

const day = (start: string) => [{ start, end: "17:00" }];
const weekdays = (wed: { start: string; end: string }[]) => ({ mon: day("09:00"), tue: day("09:00"), wed, thu: day("09:00"), fri: day("09:00"), sat: [], sun: [] });
/**
 * Opening hours a doctor can switch between. "early" offers 09:00 and 09:40,
 * "late" 09:20 (and 10:00), "closed" none of the three: a time bookable
 * under one is not under the next, so requests, proposals and late payments
 * meet every combination.
 */
export const HOURS = {
  early: weekdays(day("09:00")),
  late: weekdays(day("09:20")),
  closed: weekdays([]),
} as const;
export type HoursName = keyof typeof HOURS;
export const HOURS_NAMES = Object.keys(HOURS) as HoursName[];
export const scheduleOf = (hours: HoursName) => ({ weeklyHours: HOURS[hours], dateOverrides: {}, slotMinutes: 30, bufferMinutes: 10, minNoticeHours: 2, horizonDays: 60 });
/** The times a doctor's hours offer, by index into TIMES. */
export const BOOKABLE: Record<HoursName, number[]> = { early: [0, 2], late: [1], closed: [] };

export interface StripeEventLike {
  id: string;
  type: string;
  data: { object: { id: string; payment_intent?: string; metadata?: Record<string, string> } };
}

/** One appointment as the patient knows it: its id and status link, and the PaymentIntents made for it. */
export interface ModelAppointment {
  id: string;
  token: string;
  email: string;
  doctorId: string;
  intents: string[];
  /** The PaymentIntent the status page last offered: a tab left open can still pay it. */
  pageIntent?: string;
}

export interface Run {
  clinicId: string;
  slug: string;
  staff: Caller;
  admin: Caller;
  confirmFirst: boolean;
  now: number;
  appointments: ModelAppointment[];
  doctors: Record<string, { active: boolean; hours: HoursName }>;
  /** Index into the stand-in's events where this run began: earlier events belong to other runs. */
  firstEvent: number;
  /** Events the webhook answered 200. */
  acked: Set<string>;
  /** PaymentIntents the stand-in reported cancelled (final: not asked again). */
  canceledIntents: Set<string>;
  /** The clinic's cancellation policy for the whole run (every request snapshots it). */
  policy: CancellationPolicy;
  /** What the invariant checks saw last, per appointment: version, history (append-only), terminal facts. */
  seen: Map<string, { version: number; history: string[]; endedByClinic: boolean; movedFrom: string | null; visitCancelledAt?: number | null }>;
  /** The log of what each command did, printed with a counterexample. */
  log: string[];
  requests: number;
}

export interface Shared {
  standin: Standin;
  stripe: Stripe;
  runs: number;
}

export function stripeFor(standin: Standin): Stripe {
  return new Stripe("sk_test_model", { host: "127.0.0.1", port: standin.port, protocol: "http", maxNetworkRetries: 0 });
}

/**
 * The run's "now", passed to every verb (their `now`, as the other
 * integration tests do). Not APP_CLOCK_OFFSET_MS: that is one per process,
 * and runs go side by side, each on its own clock.
 */
export function setClock(run: Run): Date {
  return new Date(run.now);
}

export function advance(run: Run, hours: number): void {
  run.now = Math.min(LATEST, run.now + hours * HOUR);
}

export async function newRun(shared: Shared, options: { confirmFirst: boolean; hours: [HoursName, HoursName]; policy: CancellationPolicy }): Promise<Run> {
  const n = ++shared.runs;
  const clinicId = `model${process.pid}r${n}`;
  const slug = `model-${process.pid}-r${n}`;
  const caller = (role: Caller["role"]): Caller => ({ uid: `${clinicId}-${role}`, email: `${role}@${slug}.test`, name: `${role} ${n}`, clinicId, clinicName: "Model Clinic", role });
  const batch = db().batch();
  batch.set(db().doc(`slugs/${slug}`), { clinicId });
  batch.set(db().doc(`clinics/${clinicId}`), {
    slug, name: "Model Clinic", description: "", address: "1 Main St", phone: "+1 555 0100", email: `clinic@${slug}.test`,
    timezone: "America/New_York", feeCents: FEE_CENTS, currency: "USD", requireEmailConfirmation: options.confirmFirst, cancellationPolicy: options.policy,
  });
  DOCTORS.forEach((doctorId, i) => {
    batch.set(db().doc(`clinics/${clinicId}/doctors/${doctorId}`), {
      name: `Dr. ${doctorId}`, specialty: "General practice", bio: "", active: true, schedule: scheduleOf(options.hours[i]!),
    });
  });
  await batch.commit();
  return {
    clinicId, slug, staff: caller("staff"), admin: caller("admin"), confirmFirst: options.confirmFirst, now: START, appointments: [],
    doctors: { d1: { active: true, hours: options.hours[0] }, d2: { active: true, hours: options.hours[1] } },
    firstEvent: shared.standin.events.length, acked: new Set(), canceledIntents: new Set(), seen: new Map(), log: [], requests: 0, policy: options.policy,
  };
}

/** This run's stand-in events about one appointment: every PaymentIntent and charge carries its id in metadata. */
export function eventsOf(shared: Shared, run: Run, a: Pick<ModelAppointment, "id">): StripeEventLike[] {
  return (shared.standin.events.slice(run.firstEvent) as unknown as StripeEventLike[]).filter((e) => e.data.object.metadata?.appointmentId === a.id);
}

/** Delivers an event to the webhook as Stripe would (signed), at the run's time; records a 200. */
export async function deliver(shared: Shared, run: Run, event: StripeEventLike): Promise<number> {
  const body = JSON.stringify(event);
  const now = setClock(run);
  const answer = await handleStripeEvent(Buffer.from(body), signPayload(body, WEBHOOK_SECRET), WEBHOOK_SECRET, { stripe: shared.stripe, now });
  if (answer.status === 200) run.acked.add(event.id);
  const outcome = "outcome" in answer.body ? answer.body.outcome : answer.body.error;
  run.log.push(`    webhook ${event.type} → ${answer.status} ${outcome}`);
  return answer.status;
}

/**
 * After the run: Stripe delivers every event the webhook has not accepted yet
 * (it retries for 3 days; three more deliveries here), as the money's final
 * state depends on them. Events in the order Stripe made them.
 */
export async function settle(shared: Shared, run: Run): Promise<void> {
  run.log.push("settle: every event not yet accepted is delivered again");
  for (let round = 0; round < 3; round++) {
    const due = (shared.standin.events.slice(run.firstEvent) as unknown as StripeEventLike[]).filter(
      (e) => e.type !== "payment_intent.created" && !run.acked.has(e.id) && run.appointments.some((a) => a.id === e.data.object.metadata?.appointmentId),
    );
    if (due.length === 0) return;
    for (const event of due) await deliver(shared, run, event);
  }
}
