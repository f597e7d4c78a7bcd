import "server-only";
import { FieldValue, Timestamp, type DocumentReference, type DocumentSnapshot, type Transaction, type UpdateData } from "firebase-admin/firestore";
import { transition, type AppointmentAction, type Actor } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { hasTakenPlace, VISIT_TAKEN_PLACE } from "@/lib/domain/visits";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { refundEmail } from "@/lib/server/mail/payment-emails";
import { refundDue } from "../payments/refund";
import { policyRefundCents } from "./cancellation";
import { queueIntentCancel, runAfterCommit, type AfterCommit } from "../payments/stripe-effects";
import { cancelVisit, readVisit } from "@/lib/server/visits/visit-docs";
import { deleteLocks, isLapsed, readOwnLocks } from "./appointment-locks";
import { changedMessage, expiredError } from "./change-messages";
import { expiredEmail } from "@/lib/server/mail/request-emails";
import { renewalDeadline } from "./hold";
import { moveRelease } from "./move-release";
import { FREES_TIME, wakeWaitlistNow } from "@/lib/server/waitlist/wake";
import { PATIENT, SYSTEM, appointments, historyId, holdsTime, isPaid, proposedFrom, type ActedBy, type AppointmentDoc, type HistoryEntry, type RefundReason } from "./model";

/**
 * The one way an appointment's status changes. In one transaction it loads
 * the appointment (with its locks and visit), expires it instead if its hold
 * lapsed, asks the state machine for the transition and what it does to the
 * money, writes the verb's fields with the new status and version, appends
 * the history entry (create-only, so two racing changes cannot both land),
 * makes the money due (a refund, a PaymentIntent cancel) and queues the
 * emails, all in the same commit. After the commit it makes the Stripe calls
 * the money asks for (idempotent; retried by retryRefunds until recorded).
 * No verb writes `status` itself.
 */

export interface Loaded {
  ref: DocumentReference;
  a: AppointmentDoc;
  locks: DocumentSnapshot[];
  visit: DocumentSnapshot;
}

/** What a verb writes besides the status; `to` is the status the state machine chose. */
export interface Applied<R> {
  fields?: UpdateData<AppointmentDoc>;
  /** Writes that come first in the commit (create-only locks). */
  before?: (tx: Transaction) => void;
  /** Writes after the appointment's (locks released, the visit, emails), given the document as it reads after the commit. */
  after?: (tx: Transaction, doc: AppointmentDoc) => void;
  /** The history note, when it depends on what the verb read (instead of Change.note). */
  note?: string;
  result: R;
}

export interface Change<R> {
  action: AppointmentAction;
  actor: Actor;
  /** Required for staff; the patient and the system default to PATIENT / SYSTEM. */
  by?: ActedBy;
  note?: string;
  /** Only for a late payment: the server found the time can still be kept (see the state machine). */
  reinstatable?: boolean;
  /** Only for a patient's move: it swaps at once (the clinic allows it and the visit is in its free window). */
  movesWithoutReview?: (a: AppointmentDoc) => boolean;
  /** Why paid money goes back, when the transition refunds it; by default from the action. */
  refundReason?: RefundReason;
  /** The clinic's words, quoted in the refund email. */
  refundNote?: string | null;
  /** False when the verb's own email already says the money goes back. */
  refundEmail?: boolean;
  /** The visit start that caps a renewed hold (default the appointment's start; a proposal's new time, say). */
  holdUntil?: (a: AppointmentDoc) => Timestamp | number;
  /**
   * The verb's reads (before any write) and writes, given the status the state
   * machine chose and the hold the runner worked out for it. Throw an AppError
   * to refuse: nothing is written.
   */
  apply: (tx: Transaction, loaded: Loaded, to: AppointmentStatus, expiresAt: Timestamp | null) => Applied<R> | Promise<Applied<R>>;
}

export interface Target {
  id: string;
  now: Date;
  notFound: () => AppError;
  /** Throws (as not found) when the caller may not see this appointment. */
  authorize?: (a: AppointmentDoc) => void;
  /** The version the caller's page showed; another is a conflict that says what changed. */
  expectedVersion?: number;
  /** The expiry job releases whatever locks remain rather than refuse (default false). */
  tolerateMissingLocks?: boolean;
  /** The error after a lapsed hold was expired instead (default: expiredError). */
  lapsed?: (from: AppointmentStatus) => AppError;
}

export interface Changed<R> {
  status: AppointmentStatus;
  version: number;
  result: R;
  effects: AfterCommit[];
}

function refused(code: "forbidden_actor" | "invalid_transition", message: string): AppError {
  return new AppError(code === "forbidden_actor" ? "forbidden" : "conflict", message);
}

/** The status `action` would lead to, or the AppError the verb answers with (for checks before the transaction). */
export function checkTransition(a: AppointmentDoc, action: AppointmentAction, actor: Actor, reinstatable = false): AppointmentStatus {
  const result = transition({ status: a.status, feeCents: a.feeCents, paid: isPaid(a), timeHeld: holdsTime(a), reinstatable, proposedFrom: proposedFrom(a) }, action, actor);
  if (!result.ok) throw refused(result.code, result.message);
  return result.to;
}

/** Reads the appointment, authorizes, checks the version, reads its locks and visit; every read before any write. */
export async function loadForChange(tx: Transaction, target: Target): Promise<Loaded> {
  const ref = appointments().doc(target.id);
  const a = (await tx.get(ref)).data() as AppointmentDoc | undefined;
  if (!a) throw target.notFound();
  target.authorize?.(a);
  if (target.expectedVersion !== undefined && target.expectedVersion !== a.version) {
    throw new AppError("conflict", await changedMessage(tx, { ref, a }));
  }
  const [locks, visit] = await Promise.all([readOwnLocks(tx, target.id, a.lockIds), readVisit(tx, target.id)]);
  // A lock is only deleted by its own appointment's commit; a missing one
  // means the data is not what this verb expects, so change nothing.
  if (locks.length !== a.lockIds.length && !target.tolerateMissingLocks) throw new AppError("conflict", "This request's time is no longer held. Please reload the page.");
  return { ref, a, locks, visit };
}

/**
 * A visit marked completed or no-show (setVisitOutcome) has happened: its
 * appointment stays "confirmed", but it can no longer be moved or called off.
 */
export function refuseIfVisitHappened(visit: DocumentSnapshot): void {
  if (visit.exists && hasTakenPlace(visit.get("status"))) throw new AppError("conflict", VISIT_TAKEN_PLACE);
}

const WAITING: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>(["pending", "approved", "rescheduled", "move_requested"]);

const DEFAULT_REFUND_REASON: Partial<Record<AppointmentAction, RefundReason>> = {
  reject: "proposal_rejected",
  expire: "proposal_expired",
  clinic_cancel: "clinic_cancelled",
  decline: "clinic_cancelled",
};

function refundReasonOf(change: Change<unknown>, from: AppointmentStatus): RefundReason {
  if (change.refundReason) return change.refundReason;
  if (change.action === "cancel") return from === "rescheduled" ? "proposal_rejected" : "patient_cancelled";
  return DEFAULT_REFUND_REASON[change.action] ?? "patient_cancelled";
}

/** The plain values of an update (FieldValue sentinels left out), for the document as it reads after the commit. */
function plainFields(fields: UpdateData<AppointmentDoc>): Partial<AppointmentDoc> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => !(v instanceof FieldValue))) as Partial<AppointmentDoc>;
}

/** One change inside a transaction the caller runs (the webhook's, which also records the event). */
export async function applyChange<R>(tx: Transaction, loaded: Loaded, change: Change<R>, now: Date): Promise<Changed<R>> {
  const { ref, a } = loaded;
  const decided = transition(
    { status: a.status, feeCents: a.feeCents, paid: isPaid(a), timeHeld: holdsTime(a), reinstatable: change.reinstatable === true, proposedFrom: proposedFrom(a), movesWithoutReview: change.movesWithoutReview?.(a) === true },
    change.action,
    change.actor,
  );
  if (!decided.ok) throw refused(decided.code, decided.message);
  const to = decided.to;
  // Every hold comes from the clinic's rule, here: a status that waits for
  // someone is held from now (never past the visit), any other holds nothing.
  const expiresAt = WAITING.has(to) ? await renewalDeadline(tx, a.clinicId, a.timezone, now, change.holdUntil?.(a) ?? a.start) : null;
  const applied = await change.apply(tx, loaded, to, expiresAt);
  const by = change.by ?? (change.actor === "patient" ? PATIENT : change.actor === "staff" ? null : SYSTEM);
  // A staff change without a named member would make history lie about who did it.
  if (!by) throw new Error("applyChange: a staff change needs `by`");

  const at = Timestamp.fromDate(now);
  const seq = a.version + 1;
  const fields: UpdateData<AppointmentDoc> = { ...applied.fields, status: to, expiresAt, version: seq, updatedAt: at };
  // Every way into "confirmed" (approve, pay, accept, a withdrawn proposal) passes here: when the
  // visit was confirmed for its current time, which the patient reminder's window rule reads.
  // A move request that ends without moving leaves the visit confirmed for the time it had; a move sets its own.
  if (to === "confirmed" && a.status !== "confirmed" && a.status !== "move_requested") fields.confirmedAt = at;
  const effects: AfterCommit[] = [];
  const mail: Parameters<typeof queueMail>[1][] = [];
  applied.before?.(tx);
  switch (decided.money) {
    case "refund":
      if (a.payment?.status === "paid") {
        const reason = refundReasonOf(change, a.status);
        fields.payment = refundDue(a.payment, reason);
        if (change.refundEmail !== false) mail.push(refundEmail(a, reason, a.payment.amountCents, a.payment.currency, change.refundNote));
        effects.push({ kind: "refund", appointmentId: ref.id });
      }
      break;
    case "refund_per_policy":
      // The patient called off a paid visit: the policy it was booked under says how much goes back. The verb's
      // own email says so (the amount and the policy), so no refund notice is queued here.
      if (a.payment?.status === "paid") {
        const back = policyRefundCents(a, now);
        const kept = a.payment.amountCents - back;
        fields.payment = back > 0 ? { ...refundDue(a.payment, "patient_cancelled"), refundDueCents: back, keptCents: kept } : { ...a.payment, keptCents: kept };
        if (back > 0) effects.push({ kind: "refund", appointmentId: ref.id });
      }
      break;
    case "cancel_intent":
      if (a.paymentIntentId) {
        fields.paymentIntentId = null;
        fields.paymentIntentIds = FieldValue.arrayUnion(a.paymentIntentId);
        effects.push(queueIntentCancel(tx, a.paymentIntentId, ref.id, now));
      }
      break;
    case "capture_expected":
      // The payment is what makes this transition: it must be recorded with it.
      if (!fields.payment) throw new Error("applyChange: a payment transition must record the payment");
      break;
    case "none":
      break;
  }
  tx.update(ref, fields);
  const entry: HistoryEntry = { ...decided.event, ...by, at, ...((applied.note ?? change.note) ? { note: applied.note ?? change.note } : {}) };
  tx.create(ref.collection("history").doc(historyId(seq)), entry);
  const doc: AppointmentDoc = { ...a, ...plainFields(applied.fields ?? {}), status: to, expiresAt, version: seq, updatedAt: at };
  applied.after?.(tx, doc);
  for (const message of mail) queueMail(tx, message, { appointmentId: ref.id });
  return { status: to, version: seq, result: applied.result, effects };
}

/**
 * The expiry of a lapsed hold: its time released, the visit (of a moved one) cancelled, the patient emailed.
 * A patient's move request that lapsed releases only the new time: the visit stays confirmed at its own.
 */
export function expireChange(): Change<null> {
  return {
    action: "expire",
    actor: "system",
    apply: (_tx, { ref, a, locks, visit }) => a.status === "move_requested" ? { ...moveRelease(ref.id, a, locks, "lapsed", null), result: null } : ({
      fields: { lockIds: [], proposal: null },
      after: (tx, doc) => {
        deleteLocks(tx, locks);
        cancelVisit(tx, visit, doc.updatedAt.toDate());
        queueMail(tx, expiredEmail(a), { appointmentId: ref.id });
      },
      result: null,
    }),
  };
}

type Outcome<R> = ({ changed: Changed<R> } | { lapsed: AppointmentStatus; effects: AfterCommit[] }) & { clinicId: string };

/**
 * Runs one change in its own transaction, then its Stripe calls. A hold that
 * lapsed is expired instead (that commits), and the verb answers 409.
 */
export async function changeAppointment<R>(target: Target, change: Change<R>): Promise<Changed<R>> {
  const outcome = await db().runTransaction(async (tx): Promise<Outcome<R>> => {
    const loaded = await loadForChange(tx, target);
    const clinicId = loaded.a.clinicId;
    if (change.action !== "expire" && isLapsed(loaded.a, target.now)) {
      const expired = await applyChange(tx, loaded, expireChange(), target.now);
      return { lapsed: loaded.a.status, effects: expired.effects, clinicId };
    }
    return { changed: await applyChange(tx, loaded, change, target.now), clinicId };
  });
  if ("lapsed" in outcome) {
    await runAfterCommit(outcome.effects);
    await wakeWaitlistNow(outcome.clinicId, target.now);
    throw (target.lapsed ?? expiredError)(outcome.lapsed);
  }
  await runAfterCommit(outcome.changed.effects);
  if (FREES_TIME.has(change.action)) await wakeWaitlistNow(outcome.clinicId, target.now);
  return outcome.changed;
}

/**
 * A change that leaves the status alone (an email confirmation renewing the
 * hold), with the runner's load and lapse rule: a hold that lapsed is expired
 * instead (that commits) and `onLapsed` answers.
 */
export async function updateAppointment<R>(
  target: Target,
  update: (tx: Transaction, loaded: Loaded) => R | Promise<R>,
  onLapsed: (from: AppointmentStatus) => R,
  /** Checked before the lapse (an answer that needs no change). */
  unchanged?: (loaded: Loaded) => R | undefined,
): Promise<R> {
  const outcome = await db().runTransaction(async (tx): Promise<{ result: R } | { lapsed: AppointmentStatus; effects: AfterCommit[] }> => {
    const loaded = await loadForChange(tx, target);
    const early = unchanged?.(loaded);
    if (early !== undefined) return { result: early };
    if (isLapsed(loaded.a, target.now)) {
      const expired = await applyChange(tx, loaded, expireChange(), target.now);
      return { lapsed: loaded.a.status, effects: expired.effects };
    }
    return { result: await update(tx, loaded) };
  });
  if ("result" in outcome) return outcome.result;
  await runAfterCommit(outcome.effects);
  return onLapsed(outcome.lapsed);
}
