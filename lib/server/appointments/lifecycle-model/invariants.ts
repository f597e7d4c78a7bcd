// What must hold after every command, read from Firestore (this run's clinic
// only, a few queries) and from the Stripe stand-in's own state, never from
// our payment records. Each broken rule is named, so a counterexample says
// which one, and MODEL_KNOWN_GAPS can leave named ones out (see docs/testing.md).
import type { DocumentData, Timestamp } from "firebase-admin/firestore";
import { refundCents } from "@/lib/domain/cancellation-policy";
import { transition, type Actor, type AppointmentAction } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { granuleKey, lockGranuleStarts } from "@/lib/domain/slots";
import { ERASED } from "@/lib/domain/privacy/erasure";
import { db } from "@/lib/server/firebase";
import { BOOKABLE, TIMES, eventsOf, type Run, type Shared } from "./world";

export const INVARIANTS = ["overlap", "locks", "money", "intents", "webhook", "history", "email", "clinic-final", "reinstatement", "payable", "erasure"] as const;
export type Invariant = (typeof INVARIANTS)[number];

/** Invariants left out, by name (MODEL_KNOWN_GAPS="money,intents"); empty = every one is checked. */
export function knownGaps(env = process.env): Set<Invariant> {
  const names = (env.MODEL_KNOWN_GAPS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!(INVARIANTS as readonly string[]).includes(name)) throw new Error(`MODEL_KNOWN_GAPS: no invariant "${name}" (${INVARIANTS.join(", ")})`);
  return new Set(names as Invariant[]);
}

export class Violation extends Error {}

const HOLDING = new Set<AppointmentStatus>(["pending", "approved", "rescheduled", "confirmed", "move_requested"]);
const STATUSES: AppointmentStatus[] = ["pending", "approved", "rescheduled", "confirmed", "move_requested", "declined", "cancelled", "expired"];
/** A visit with a move waiting is the confirmed visit still: it keeps its money like one. */
const isVisit = (status: AppointmentStatus) => status === "confirmed" || status === "move_requested";

export interface CheckOptions {
  /** After the run: every event has been delivered as often as Stripe would, so nothing is in flight. */
  final?: boolean;
  /** Doctor commands ran in parallel with this batch: whether a reinstatement saw the doctor active is not known. */
  doctorsInFlux?: boolean;
}

export async function checkInvariants(shared: Shared, run: Run, options: CheckOptions = {}): Promise<void> {
  const skip = knownGaps();
  const problems: string[] = [];
  const fail = (name: Invariant, message: string) => {
    if (!skip.has(name)) problems.push(`[${name}] ${message}`);
  };
  const [apps, locks] = await Promise.all([
    db().collection("appointments").where("clinicId", "==", run.clinicId).get(),
    db().collection("slotLocks").where("clinicId", "==", run.clinicId).get(),
  ]);
  const label = (id: string) => `#${run.appointments.findIndex((a) => a.id === id)} (${id})`;

  // No two live appointments of one doctor overlap, buffers included; their locks are exactly theirs.
  const expected = new Map<string, string>();
  const live: { id: string; doctorId: string; from: number; to: number }[] = [];
  for (const doc of apps.docs) {
    const a = doc.data();
    if (!HOLDING.has(a.status) || a.timeHeld === false) {
      if ((a.lockIds ?? []).length) fail("locks", `${label(doc.id)} is ${a.status} (timeHeld ${a.timeHeld}) but lists locks ${a.lockIds}`);
      continue;
    }
    // A waiting move holds its new time too: both are this appointment's, and neither may overlap another's.
    const times = a.status === "move_requested" && a.move ? [a, a.move] : [a];
    const ids: string[] = [];
    for (const time of times) {
      const from = time.start.toMillis();
      const to = time.end.toMillis() + time.bufferMinutes * 60_000;
      for (const other of live) {
        if (other.doctorId === a.doctorId && other.from < to && from < other.to) fail("overlap", `${label(doc.id)} and ${label(other.id)} overlap at ${a.doctorId}`);
      }
      live.push({ id: doc.id, doctorId: a.doctorId, from, to });
      ids.push(...lockGranuleStarts({ start: from, end: time.end.toMillis() }, time.bufferMinutes).map((g) => `${a.clinicId}_${a.doctorId}_${granuleKey(g)}`));
    }
    if ([...a.lockIds].sort().join() !== [...ids].sort().join()) fail("locks", `${label(doc.id)} (${a.status}) lists ${a.lockIds.length} locks, its time needs ${ids.length}`);
    for (const id of ids) expected.set(id, doc.id);
  }
  const lockOwners = new Map(locks.docs.map((d) => [d.id, d.get("appointmentId") as string]));
  for (const [id, owner] of expected) if (lockOwners.get(id) !== owner) fail("locks", `lock ${id} of ${label(owner)} is ${lockOwners.has(id) ? `held by ${label(lockOwners.get(id)!)}` : "missing"}`);
  for (const [id, owner] of lockOwners) if (!expected.has(id)) fail("locks", `lock ${id} held by ${label(owner)}, which holds no time`);

  await Promise.all(apps.docs.map((doc) => checkAppointment(shared, run, doc.id, doc.data(), options, fail, label)));
  if (problems.length) throw new Violation(problems.join("\n"));
}

type Fail = (name: Invariant, message: string) => void;

async function checkAppointment(shared: Shared, run: Run, id: string, a: DocumentData, options: CheckOptions, fail: Fail, label: (id: string) => string) {
  const seen = run.seen.get(id);
  if (options.final || !seen || seen.version !== a.version) await checkHistory(run, id, a, options, fail, label);
  await checkMoney(shared, run, id, a, options, fail, label);
  if (a.erasedAt) await checkErased(run, id, a, fail, label);
}

/**
 * An erased appointment (lib/server/privacy/erase.ts) holds none of its
 * patient's details, nor does its visit, and no email to the patient's
 * address is left; its status, history and money are checked like any other.
 */
async function checkErased(run: Run, id: string, a: DocumentData, fail: Fail, label: (id: string) => string) {
  const original = run.appointments.find((m) => m.id === id)?.email;
  const [visit, mail] = await Promise.all([db().doc(`visits/${id}`).get(), db().collection("mail").where("appointmentId", "==", id).get()]);
  const personal = (doc: DocumentData | undefined) => [doc?.patient?.name, doc?.patient?.email, doc?.patient?.phone, doc?.reason].filter((v) => v !== undefined && v !== ERASED);
  if (personal(a).length) fail("erasure", `${label(id)} is erased but still holds ${personal(a).join(", ")}`);
  if (visit.exists && (personal(visit.data()).length || visit.get("notes") !== ERASED)) fail("erasure", `${label(id)} is erased but its visit is not`);
  const left = mail.docs.filter((m) => m.get("to") === original);
  if (original && left.length) fail("erasure", `${label(id)} is erased but ${left.length} email(s) to the patient are left: ${left.map((m) => m.get("message.subject")).join(" | ")}`);
}

const PROPOSED_FROM = [undefined, "pending", "approved", "confirmed"] as const;

/** Any (paid, time held, status a proposal came from) for which the state machine allows the entry. */
function allowedByTable(from: AppointmentStatus, action: AppointmentAction, actor: Actor, to: AppointmentStatus, feeCents: number): boolean {
  return [true, false].some((paid) => [true, false].some((timeHeld) => [true, false].some((movesWithoutReview) => PROPOSED_FROM.some((proposedFrom) => {
    const result = transition({ status: from, feeCents, paid, timeHeld, movesWithoutReview, ...(proposedFrom ? { proposedFrom } : {}) }, action, actor);
    return result.ok && result.to === to;
  }))));
}

/**
 * While rescheduled: the status the first of the latest run of proposals was
 * made from (a different time proposed meanwhile keeps it), from history alone.
 */
function proposedFromHistory(entries: DocumentData[]): AppointmentStatus | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.action !== "propose") return null;
    if (e.from !== "rescheduled") return e.from as AppointmentStatus;
  }
  return null;
}

async function checkHistory(run: Run, id: string, a: DocumentData, options: CheckOptions, fail: Fail, label: (id: string) => string) {
  const ref = db().collection("appointments").doc(id);
  const [history, mail] = await Promise.all([ref.collection("history").get(), db().collection("mail").where("appointmentId", "==", id).get()]);
  const entries = history.docs.map((d) => ({ id: d.id, ...d.data() }) as DocumentData & { id: string });
  const seen = run.seen.get(id) ?? { version: 0, history: [], endedByClinic: false, movedFrom: null, visitCancelledAt: null };
  const now = entries.map((e) => JSON.stringify(e));
  if (seen.history.some((entry, i) => now[i] !== entry)) fail("history", `${label(id)}'s history changed: an entry was rewritten or removed`);
  if (entries.length !== a.version) fail("history", `${label(id)} is at version ${a.version} with ${entries.length} history entries`);
  let endedByClinic = false;
  entries.forEach((e, i) => {
    const where = `${label(id)} history ${e.id} (${e.action}: ${e.from} → ${e.to} by ${e.actor})`;
    if (e.id !== String(i + 1).padStart(6, "0")) fail("history", `${where}: ids are not 1..n`);
    if (i === 0) {
      if (e.action !== "request" || e.from !== null || e.to !== "pending") fail("history", `${where}: the first entry is not the request`);
    } else {
      const previous = entries[i - 1]!;
      if (e.from !== previous.to) fail("history", `${where}: follows an entry that ended in ${previous.to}`);
      // The table, or a late payment reinstating a request that lapsed or that its patient cancelled.
      const reinstated = e.action === "pay" && e.actor === "payment" && e.to === "confirmed" && (e.from === "expired" || (e.from === "cancelled" && !endedByClinic));
      if (!STATUSES.includes(e.to) || !(allowedByTable(e.from, e.action, e.actor, e.to, a.feeCents) || reinstated)) fail("history", `${where}: not an allowed transition`);
      if (endedByClinic && e.to === "confirmed") fail("clinic-final", `${where}: confirmed again after the clinic ${entries.find((x) => x.action === "decline") ? "declined" : "cancelled"} it`);
      const isNew = i >= seen.history.length;
      if (reinstated && isNew && !options.doctorsInFlux) {
        const doctor = run.doctors[a.doctorId]!;
        const time = TIMES.indexOf(a.start.toDate().toISOString());
        if (!doctor.active || !BOOKABLE[doctor.hours].includes(time)) {
          fail("reinstatement", `${where}: reinstated although ${a.doctorId} is ${doctor.active ? `no longer offering that time (hours ${doctor.hours})` : "deactivated"}`);
        }
      }
    }
    // A withdrawn proposal puts the appointment back where it stood: a confirmed visit confirmed, anything else pending.
    if (e.action === "withdraw") {
      const origin = proposedFromHistory(entries.slice(0, i));
      if (e.to !== (origin === "confirmed" ? "confirmed" : "pending")) fail("history", `${where}: the proposal was made from ${origin}`);
    }
    if (e.action === "decline" || e.action === "clinic_cancel") endedByClinic = true;
  });
  // The patient's cancel of a confirmed visit: when, for the policy's refund (checkMoney). An erasure keeps the
  // history, and the money the policy kept stays kept.
  const visitCancel = entries.find((e) => e.action === "cancel" && isVisit(e.from));
  const seenNow = { version: a.version, history: now, endedByClinic, movedFrom: proposedFromHistory(entries), visitCancelledAt: visitCancel ? (visitCancel.at as Timestamp).toMillis() : null };
  // Erasure deletes the appointment's emails on purpose (checkErased checks that instead).
  if (a.erasedAt) {
    run.seen.set(id, seenNow);
    return;
  }
  // Every transition queued one email to the patient. Not transitions: a card declined, and refund
  // notices (money that arrived when it could not be used), except that a clinic's cancel of a paid
  // visit may say so in a refund notice instead of its own email: the only gap those can explain.
  const subjects = mail.docs.filter((m) => m.get("to") === a.patient.email).map((m) => ({ subject: String(m.get("message.subject")), text: String(m.get("message.text")) }));
  const isRefund = (m: { subject: string }) => m.subject === "Your payment is being refunded";
  const own = subjects.filter((m) => !isRefund(m) && !m.subject.includes("didn't go through"));
  const clinicRefunds = subjects.filter((m) => isRefund(m) && m.text.includes(" cancelled your visit with ")).length;
  const clinicCancels = entries.filter((e) => e.action === "clinic_cancel").length;
  const gap = entries.length - own.length;
  if (gap < 0 || gap > Math.min(clinicCancels, clinicRefunds)) {
    fail("email", `${label(id)}: ${entries.length} transitions (${entries.map((e) => e.action).join(", ")}) but emails: ${subjects.map((m) => m.subject).join(" | ")}`);
  }
  run.seen.set(id, seenNow);
}

/**
 * The money, from the stand-in: settled charges minus refunds is the fee for
 * a confirmed appointment (or a confirmed one the clinic proposes to move,
 * while the patient answers) and nothing otherwise, and an appointment that no
 * longer waits for payment has no PaymentIntent left open. Skipped while a
 * success is still on its way to the webhook (Stripe would deliver it), and
 * checked for all at the end, after every event was delivered.
 */
async function checkMoney(shared: Shared, run: Run, id: string, a: DocumentData, options: CheckOptions, fail: Fail, label: (id: string) => string) {
  const events = eventsOf(shared, run, { id });
  const intents = new Set(events.filter((e) => e.type === "payment_intent.created").map((e) => e.data.object.id));
  if (intents.size === 0) return;
  const succeeded = events.filter((e) => e.type === "payment_intent.succeeded");
  const inFlight = succeeded.filter((e) => !run.acked.has(e.id));
  if (inFlight.length) {
    if (options.final) fail("webhook", `${label(id)}: the webhook never accepted ${inFlight.map((e) => e.data.object.id).join(", ")}'s payment (answered 500 on every delivery)`);
    return;
  }
  const charged = new Map<string, number>();
  for (const e of succeeded) charged.set(e.data.object.id, Number((e.data.object as { amount_received?: number }).amount_received));
  const refunded = new Map<string, number>();
  for (const r of shared.standin.refunds) if (intents.has(r.payment_intent)) refunded.set(r.payment_intent, (refunded.get(r.payment_intent) ?? 0) + r.amount);
  const net = [...charged.values()].reduce((s, v) => s + v, 0) - [...refunded.values()].reduce((s, v) => s + v, 0);
  // A confirmed visit the clinic proposes to move keeps its payment while the patient answers.
  const movedConfirmed = a.status === "rescheduled" && run.seen.get(id)?.movedFrom === "confirmed";
  // A visit the patient cancelled keeps what the run's policy (the model's, not our record) says, at the time of the cancel.
  const visitCancelledAt = a.status === "cancelled" ? run.seen.get(id)?.visitCancelledAt ?? null : null;
  const kept = visitCancelledAt === null ? 0 : a.feeCents - refundCents(run.policy, a.feeCents, a.start.toMillis(), visitCancelledAt);
  // A move (asked, answered, lapsed) never moves money: the visit keeps its payment throughout.
  const due = isVisit(a.status) || movedConfirmed ? a.feeCents : kept;
  if (net !== due) {
    fail("money", `${label(id)} is ${a.status}${a.cancelledBy ? ` (by ${a.cancelledBy})` : ""} but Stripe holds ${net} cents of the patient's money (charged ${[...charged.values()]}, refunded ${[...refunded.values()]}); due ${due}; our record says ${JSON.stringify(a.payment?.status ?? null)}`);
  }
  if (a.status === "approved" || movedConfirmed) return;
  // Of a cancelled visit's charges, one (the payment that confirmed it) may keep the policy's part; every other is refunded in full.
  let keptBy: string | null = null;
  for (const intentId of intents) {
    if (charged.has(intentId)) {
      const held = charged.get(intentId)! - (refunded.get(intentId) ?? 0);
      if (kept > 0 && held === kept && keptBy === null) keptBy = intentId;
      else if (!isVisit(a.status) && held !== 0) fail("intents", `${label(id)} is ${a.status}; its PaymentIntent ${intentId} succeeded and ${held} cents of it are not refunded${kept ? ` (the policy keeps ${kept} once)` : ""}`);
      continue;
    }
    if (run.canceledIntents.has(intentId)) continue;
    const status = (await shared.stripe.paymentIntents.retrieve(intentId)).status;
    if (status === "canceled") run.canceledIntents.add(intentId);
    else fail("intents", `${label(id)} is ${a.status} but its PaymentIntent ${intentId} is still open (${status}): the patient can still pay it`);
  }
}
