import "server-only";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { formatTime } from "@/lib/domain/time-format";
import { hasTakenPlace, VISIT_TAKEN_PLACE } from "@/lib/domain/visits";
import { queueMail } from "../mail";
import { cancelVisit, readVisit } from "../visits";
import { expiredEmail } from "./emails";
import { appointments, historyId, type AppointmentDoc, type HistoryEntry } from "./model";
import { applyTransition, deleteLocks, readOwnLocks } from "./transition";

// The steps every review verb (staff's and the patient's) takes inside its one
// transaction: re-read the appointment, its locks and its visit; compare the
// version the caller saw; expire a lapsed hold; then the verb's own change.

export const ID = /^[A-Za-z0-9]{1,40}$/;

export interface Loaded {
  ref: DocumentReference;
  a: AppointmentDoc;
  locks: DocumentSnapshot[];
  visit: DocumentSnapshot;
}

const PAST_TENSE: Record<HistoryEntry["action"], string> = {
  request: "requested",
  approve: "approved",
  decline: "declined",
  propose: "proposed a new time for",
  cancel: "cancelled",
  accept: "accepted the new time for",
  reject: "declined the new time for",
  pay: "paid for",
  expire: "expired",
  complete: "marked the visit completed for",
  no_show: "marked a no-show for",
  clinic_cancel: "cancelled",
};

/**
 * "This request changed: Sam Lee approved it at 10:42 AM." from the latest
 * history entry; read in the transaction, or with a plain read (no tx) before it.
 */
export async function changedMessage(tx: Transaction | null, loaded: Pick<Loaded, "ref" | "a">): Promise<string> {
  const entryRef = loaded.ref.collection("history").doc(historyId(loaded.a.version));
  const entry = (await (tx ? tx.get(entryRef) : entryRef.get())).data() as HistoryEntry | undefined;
  if (!entry) return "This request changed. Here is its current state.";
  const at = formatTime(entry.at.toDate(), loaded.a.timezone);
  if (entry.action === "expire") return `This request changed: it expired at ${at}.`;
  const who = entry.by === "patient" ? "the patient" : entry.byName || "another member";
  return `This request changed: ${who} ${PAST_TENSE[entry.action]} it at ${at}.`;
}

/**
 * Reads the appointment and authorizes the caller (`authorize` throws), then
 * checks the version the caller acted on, then reads its own locks and visit.
 * Every read a verb needs must come before its first write.
 */
export async function loadForChange(
  tx: Transaction,
  id: string,
  authorize: (a: AppointmentDoc) => void,
  notFound: () => AppError,
  expectedVersion?: number,
): Promise<Loaded> {
  const ref = appointments().doc(id);
  const a = (await tx.get(ref)).data() as AppointmentDoc | undefined;
  if (!a) throw notFound();
  authorize(a);
  if (expectedVersion !== undefined && expectedVersion !== a.version) {
    throw new AppError("conflict", await changedMessage(tx, { ref, a }));
  }
  const [locks, visit] = await Promise.all([readOwnLocks(tx, id, a.lockIds), readVisit(tx, id)]);
  // A lock is only deleted by its own appointment's commit; a missing one
  // means the data is not what this verb expects, so change nothing.
  if (locks.length !== a.lockIds.length) {
    throw new AppError("conflict", "This request's time is no longer held. Please reload the page.");
  }
  return { ref, a, locks, visit };
}

/**
 * A visit marked completed or no-show (setVisitOutcome) has happened: its
 * appointment stays "confirmed", but it can no longer be moved or called off.
 * `visit` is the one loadForChange read in this transaction.
 */
export function refuseIfVisitHappened(visit: DocumentSnapshot): void {
  if (visit.exists && hasTakenPlace(visit.get("status"))) throw new AppError("conflict", VISIT_TAKEN_PLACE);
}

/** A hold that lapsed and was not yet expired by the job (a confirmed visit never lapses). */
export function isLapsed(a: AppointmentDoc, now: Date): boolean {
  const waiting = a.status === "pending" || a.status === "approved" || a.status === "rescheduled";
  return waiting && a.expiresAt !== null && a.expiresAt.toMillis() <= now.getTime();
}

/** Expires the appointment in this transaction: status, locks, visit, email. */
export function expireInTx(tx: Transaction, loaded: Loaded, now: Date): void {
  applyTransition(tx, loaded.ref, loaded.a, { action: "expire", actor: "system", now, fields: { expiresAt: null, lockIds: [], proposal: null } });
  deleteLocks(tx, loaded.locks);
  cancelVisit(tx, loaded.visit, now);
  queueMail(tx, expiredEmail(loaded.a), { appointmentId: loaded.ref.id });
}

/** Sets every lock's expiry to the appointment's (null = permanent, for a confirmed visit). */
export function setLockExpiry(tx: Transaction, locks: DocumentSnapshot[], expiresAt: Timestamp | null): void {
  for (const lock of locks) tx.update(lock.ref, { expiresAt });
}

/**
 * A transaction that throws rolls back, so a verb that found a lapsed hold
 * returns this from the transaction (the expiry commits) and throws after.
 */
export interface Expired {
  expired: AppointmentStatus;
}
export const expiredFrom = (a: AppointmentDoc): Expired => ({ expired: a.status });
export const isExpired = (value: unknown): value is Expired => typeof value === "object" && value !== null && "expired" in value;

/** The 409 after a lapsed hold was expired, in words that fit what was waiting. */
export function expiredError(from: AppointmentStatus): AppError {
  switch (from) {
    case "rescheduled":
      return new AppError("conflict", "This request expired: the patient didn't answer the proposed time in time.");
    case "approved":
      return new AppError("conflict", "This request expired: it wasn't paid in time.");
    default:
      return new AppError("conflict", "This request expired before it was reviewed.");
  }
}

export const hold = (now: Date, ms: number) => Timestamp.fromMillis(now.getTime() + ms);
