import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError, isAppError } from "@/lib/domain/errors";
import { assertSignedIn, forbidden, requestScope, type Caller } from "@/lib/domain/roles";
import { isBookableStart } from "@/lib/domain/slots";
import { loadClinicDoctor } from "../bookable-doctor";
import { loadBusy } from "../busy-time";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { lockTtl, locksFor, type SlotLockDoc } from "../slot-locks";
import { moveVisit, scheduleVisit } from "../visits";
import { expireIfLapsed, releaseLapsedHolds } from "./expire";
import { appointmentIcs, icsFilename } from "./ics";
import { renewalDeadline } from "./hold";
import { appointments, type ActedBy, type AppointmentDoc } from "./model";
import { approvedPleasePayEmail, confirmedEmail, declinedEmail, proposedTimeEmail } from "./review-emails";
import { ID, changedMessage, expireInTx, expiredError, expiredFrom, isExpired, isLapsed, loadForChange, refuseIfVisitHappened, setLockExpiry } from "./review-steps";
import { newStatusLink } from "./tokens";
import { applyTransition, checkTransition, deleteLocks } from "./transition";
import { appNow } from "../clock";

/**
 * The clinic's three answers to a request: approve, propose a new time,
 * decline. Each is ONE transaction that re-reads the appointment, its locks
 * and its visit, checks who is asking and the transition, and writes the
 * change, its history entry and the patient's email together. A lost race or
 * an illegal transition is an AppError("conflict") with the plain reason.
 */
export interface ReviewResult {
  status: AppointmentStatus;
  version: number;
}

export interface ReviewOptions {
  /** The version the caller's page showed; a different stored version is a conflict that says what changed. */
  expectedVersion?: number;
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_TEXT = 500;
const notFound = () => new AppError("not_found", "We couldn't find that request.");
const taken = () => new AppError("slot_unavailable", "That time was just taken. Please choose another time.");
const ALREADY_EXISTS = 6;
const isTaken = (value: object): value is { taken: DocumentSnapshot[] } => "taken" in value;

/**
 * Staff and admins review any request of their clinic; a doctor only their
 * own doctor's. The queue shows exactly this (requestScope), so a page never
 * offers an action the verb refuses.
 */
function assertMayReviewSomething(caller: Caller | null | undefined, id: string): asserts caller is Caller {
  assertSignedIn(caller);
  if (!requestScope(caller)) throw forbidden();
  if (!ID.test(id)) throw notFound();
}

function authorizeFor(caller: Caller) {
  const scope = requestScope(caller);
  return (a: AppointmentDoc) => {
    // Another clinic's request, or another doctor's: as if it did not exist.
    if (!scope || a.clinicId !== caller.clinicId) throw notFound();
    if (scope.doctorId !== null && a.doctorId !== scope.doctorId) throw notFound();
  };
}

const actedBy = (caller: Caller): ActedBy => ({ by: caller.uid, byName: caller.name || caller.email });

function cleanText(value: string | undefined, field: string, required: string | null): string | null {
  const text = (value ?? "").trim();
  if (!text) {
    if (required) throw new AppError("invalid_request", required, { [field]: required });
    return null;
  }
  if (text.length > MAX_TEXT) {
    const message = `Please keep it under ${MAX_TEXT} characters.`;
    throw new AppError("invalid_request", message, { [field]: message });
  }
  return text;
}

/**
 * Approve. With a fee: approved, and the hold renewed by the clinic's hold
 * rule (24 h by default; capped at the visit's start) on the appointment and
 * every lock while the patient pays. Free: confirmed, the
 * locks permanent, the visit created, and a confirmation with an .ics invite.
 * A hold that lapsed is expired in the same transaction instead (409).
 */
export async function approveAppointment(caller: Caller | null | undefined, id: string, opts: ReviewOptions = {}): Promise<ReviewResult> {
  assertMayReviewSomething(caller, id);
  const now = opts.now ?? appNow();
  const appUrl = serverEnv().APP_URL;
  const result = await db().runTransaction(async (tx) => {
    const loaded = await loadForChange(tx, id, authorizeFor(caller), notFound, opts.expectedVersion);
    const { ref, a, locks, visit } = loaded;
    if (isLapsed(a, now)) {
      expireInTx(tx, loaded, now);
      return expiredFrom(a);
    }
    const to = checkTransition(a, "approve", "staff");
    const link = newStatusLink(appUrl, id);
    // The clinic's hold rule is read here, before the first write.
    const expiresAt = to === "confirmed" ? null : await renewalDeadline(tx, a.clinicId, a.timezone, now, a.start);
    setLockExpiry(tx, locks, expiresAt);
    applyTransition(tx, ref, a, {
      action: "approve",
      actor: "staff",
      by: actedBy(caller),
      now,
      fields: { expiresAt, linkTokenHashes: FieldValue.arrayUnion(link.hash) },
    });
    const after: AppointmentDoc = { ...a, status: to, version: a.version + 1, expiresAt };
    if (to === "confirmed") {
      scheduleVisit(tx, id, after, visit, now);
      queueMail(tx, confirmedEmail(after, link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
    } else {
      queueMail(tx, approvedPleasePayEmail(after, link.url), { appointmentId: id });
    }
    return { status: to, version: after.version };
  });
  if (isExpired(result)) throw expiredError(result.expired);
  return result;
}

/** Decline with a reason the patient sees; the time is released. */
export async function declineAppointment(
  caller: Caller | null | undefined,
  id: string,
  input: { reason: string },
  opts: ReviewOptions = {},
): Promise<ReviewResult> {
  assertMayReviewSomething(caller, id);
  const reason = cleanText(input.reason, "reason", "Please give a reason; the patient will see it.")!;
  const now = opts.now ?? appNow();
  const appUrl = serverEnv().APP_URL;
  const result = await db().runTransaction(async (tx) => {
    const loaded = await loadForChange(tx, id, authorizeFor(caller), notFound, opts.expectedVersion);
    const { ref, a, locks } = loaded;
    if (isLapsed(a, now)) {
      expireInTx(tx, loaded, now);
      return expiredFrom(a);
    }
    const status = applyTransition(tx, ref, a, {
      action: "decline",
      actor: "staff",
      by: actedBy(caller),
      now,
      note: reason,
      fields: { expiresAt: null, lockIds: [], declineReason: reason, proposal: null },
    });
    deleteLocks(tx, locks);
    queueMail(tx, declinedEmail(a, reason, `${appUrl}/book/${a.clinicSlug}`), { appointmentId: id });
    return { status, version: a.version + 1 };
  });
  if (isExpired(result)) throw expiredError(result.expired);
  return result;
}

/**
 * Propose another time (from pending, approved or confirmed). In one commit:
 * create-only locks on the new time (held by the clinic's hold rule), the old time's locks
 * released, the appointment moved to the new time with the old one kept in
 * `proposal`, and the patient emailed both times. A granule the old and new
 * times share keeps its lock document (its expiry renewed) rather than being
 * deleted and created again. A confirmed visit follows the appointment.
 */
export async function proposeNewTime(
  caller: Caller | null | undefined,
  id: string,
  input: { start: string; message?: string },
  opts: ReviewOptions = {},
): Promise<ReviewResult> {
  assertMayReviewSomething(caller, id);
  const now = opts.now ?? appNow();
  const message = cleanText(input.message, "message", null);
  const start = typeof input.start === "string" ? Date.parse(input.start) : Number.NaN;
  if (!Number.isFinite(start)) {
    throw new AppError("invalid_request", "Please choose a time.", { start: "Please choose a time" });
  }

  // Outside the transaction: the doctor's schedule and busy time, to check
  // the new time is one the engine offers (this request's own time excluded).
  const ref = appointments().doc(id);
  const current = (await ref.get()).data() as AppointmentDoc | undefined;
  if (!current) throw notFound();
  authorizeFor(caller)(current);
  // Answer a stale page or an impossible move plainly before asking the slot
  // engine (the transaction checks all of it again).
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) {
    throw new AppError("conflict", await changedMessage(null, { ref, a: current }));
  }
  if (isLapsed(current, now)) {
    if (await expireIfLapsed(id, now, current.clinicId)) throw expiredError(current.status);
  } else {
    checkTransition(current, "propose", "staff");
  }
  const bookable = await loadClinicDoctor(current.clinicId, current.doctorId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") {
      throw new AppError("conflict", "This doctor isn't taking bookings right now, so no new time can be proposed.");
    }
    throw error;
  });
  const base = { schedule: bookable.schedule, now: now.getTime() };
  if (!isBookableStart({ ...base, busy: [] }, start)) {
    throw new AppError("invalid_request", "That time isn't one of the doctor's available times. Please choose another.", {
      start: "Please choose one of the available times",
    });
  }
  const busy = await loadBusy(current.clinicId, current.doctorId, start - DAY_MS, start + DAY_MS, now, { excludeAppointmentId: id });
  if (!isBookableStart({ ...base, busy }, start)) throw taken();
  const slot = { start, end: start + bookable.schedule.slotMinutes * 60_000 };
  const bufferMinutes = bookable.schedule.bufferMinutes;
  const newLocks = locksFor(current.clinicId, current.doctorId, slot, bufferMinutes);
  const appUrl = serverEnv().APP_URL;

  const attempt = () =>
    db().runTransaction(async (tx) => {
      const loaded = await loadForChange(tx, id, authorizeFor(caller), notFound, opts.expectedVersion);
      const { ref, a, locks, visit } = loaded;
      const oldIds = new Set(a.lockIds);
      const toCreate = newLocks.filter((l) => !oldIds.has(l.ref.id));
      const existing: DocumentSnapshot[] = toCreate.length > 0 ? await tx.getAll(...toCreate.map((l) => l.ref)) : [];
      if (isLapsed(a, now)) {
        expireInTx(tx, loaded, now);
        return expiredFrom(a);
      }
      refuseIfVisitHappened(visit);
      checkTransition(a, "propose", "staff");
      if (a.start.toMillis() === slot.start && a.timeHeld !== false) {
        throw new AppError("invalid_request", "That is the time the request already has. Please choose another.", {
          start: "Choose a different time",
        });
      }
      const blocking = existing.filter((s) => s.exists);
      if (blocking.length > 0) return { taken: blocking };

      // The clinic's hold rule is read here, before the first write.
      const expiresAt = await renewalDeadline(tx, a.clinicId, a.timezone, now, slot.start);
      // Locks first: a create that fails (ALREADY_EXISTS) fails the whole commit.
      for (const lock of toCreate) {
        const doc: SlotLockDoc = { clinicId: a.clinicId, doctorId: a.doctorId, appointmentId: id, start: Timestamp.fromMillis(lock.start), expiresAt, ttlAt: lockTtl(lock.start) };
        tx.create(lock.ref, doc);
      }
      const keep = new Set(newLocks.map((l) => l.ref.id));
      deleteLocks(tx, locks.filter((l) => !keep.has(l.id)));
      setLockExpiry(tx, locks.filter((l) => keep.has(l.id)), expiresAt);

      const link = newStatusLink(appUrl, id);
      const time = { start: Timestamp.fromMillis(slot.start), end: Timestamp.fromMillis(slot.end) };
      const status = applyTransition(tx, ref, a, {
        action: "propose",
        actor: "staff",
        by: actedBy(caller),
        now,
        ...(message ? { note: message } : {}),
        fields: {
          ...time,
          bufferMinutes,
          lockIds: newLocks.map((l) => l.ref.id),
          expiresAt,
          timeHeld: true,
          proposal: { previousStart: a.start, previousEnd: a.end, message, at: Timestamp.fromDate(now), by: caller.uid },
          linkTokenHashes: FieldValue.arrayUnion(link.hash),
        },
      });
      // The visit follows the appointment (its old time was released above).
      if (a.status === "confirmed") moveVisit(tx, visit, time, now);
      queueMail(tx, proposedTimeEmail({ ...a, ...time, expiresAt }, a.start, message, link.url), { appointmentId: id });
      return { status, version: a.version + 1 };
    });

  const run = async () => {
    try {
      return await attempt();
    } catch (error) {
      // Someone created a lock on the new time between our read and our commit.
      if ((error as { code?: unknown }).code === ALREADY_EXISTS) throw taken();
      throw error;
    }
  };
  let result = await run();
  // The new time is held by a lapsed hold nobody expired yet: expire it, then try once more.
  if (isTaken(result) && (await releaseLapsedHolds(current.clinicId, result.taken, now))) result = await run();
  if (isTaken(result)) throw taken();
  if (isExpired(result)) throw expiredError(result.expired);
  return result;
}
