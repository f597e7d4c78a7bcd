import "server-only";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError, isAppError } from "@/lib/domain/errors";
import { assertSignedIn, forbidden, requestScope, type Caller } from "@/lib/domain/roles";
import { isAppointmentId } from "@/lib/domain/validation";
import { loadClinicDoctor } from "@/lib/server/booking/bookable-doctor";
import { serverEnv } from "../env";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { locksFor } from "@/lib/server/booking/slot-locks";
import { moveVisit, scheduleVisit } from "@/lib/server/visits/visit-docs";
import { createLocks, deleteLocks, isLapsed, setLockExpiry } from "./appointment-locks";
import { changeAppointment, checkTransition, refuseIfVisitHappened, type Target } from "./change-appointment";
import { changedMessage, expiredError } from "./change-messages";
import { expireIfLapsed } from "./expire";
import { appointmentIcs, icsFilename } from "./ics";
import { appointments, proposedFrom, type ActedBy, type AppointmentDoc, type AppointmentProposal, type ProposedFrom } from "./model";
import { approvedPleasePayEmail, confirmedEmail, declinedEmail, differentTimeProposedEmail, proposedTimeEmail } from "@/lib/server/mail/review-emails";
import { LocksTaken, checkBookable, claimSlot, readTakenLocks, slotTaken } from "./slot-claim";
import { newStatusLink } from "./tokens";
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

const MAX_TEXT = 500;
export const notFound = () => new AppError("not_found", "We couldn't find that request.");

/**
 * Staff and admins review any request of their clinic; a doctor only their
 * own doctor's. The queue shows exactly this (requestScope), so a page never
 * offers an action the verb refuses.
 */
export function assertMayReviewSomething(caller: Caller | null | undefined, id: string): asserts caller is Caller {
  assertSignedIn(caller);
  if (!requestScope(caller)) throw forbidden();
  if (!isAppointmentId(id)) throw notFound();
}

export function authorizeFor(caller: Caller) {
  const scope = requestScope(caller);
  return (a: AppointmentDoc) => {
    // Another clinic's request, or another doctor's: as if it did not exist.
    if (!scope || a.clinicId !== caller.clinicId) throw notFound();
    if (scope.doctorId !== null && a.doctorId !== scope.doctorId) throw notFound();
  };
}

export const actedBy = (caller: Caller): ActedBy => ({ by: caller.uid, byName: caller.name || caller.email });

export const targetOf = (caller: Caller, id: string, now: Date, opts: ReviewOptions): Target => ({
  id,
  now,
  notFound,
  authorize: authorizeFor(caller),
  ...(opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {}),
});

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
  const { status, version } = await changeAppointment(targetOf(caller, id, now, opts), {
    action: "approve",
    actor: "staff",
    by: actedBy(caller),
    apply: (_tx, { locks, visit }, to, expiresAt) => {
      const link = newStatusLink(appUrl, id);
      return {
        fields: { linkTokenHashes: FieldValue.arrayUnion(link.hash) },
        before: (w) => setLockExpiry(w, locks, expiresAt),
        after: (w, after) => {
          if (to === "confirmed") {
            scheduleVisit(w, id, after, visit, now);
            queueMail(w, confirmedEmail(after, link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
          } else {
            queueMail(w, approvedPleasePayEmail(after, link.url), { appointmentId: id });
          }
        },
        result: null,
      };
    },
  });
  return { status, version };
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
  const { status, version } = await changeAppointment(targetOf(caller, id, now, opts), {
    action: "decline",
    actor: "staff",
    by: actedBy(caller),
    note: reason,
    apply: (_tx, { a, locks }) => ({
      fields: { lockIds: [], declineReason: reason, proposal: null },
      after: (w) => {
        deleteLocks(w, locks);
        queueMail(w, declinedEmail(a, reason, `${appUrl}/book/${a.clinicSlug}`), { appointmentId: id });
      },
      result: null,
    }),
  });
  return { status, version };
}

/**
 * Propose another time (from pending, approved or confirmed). In one commit:
 * create-only locks on the new time (held by the clinic's hold rule), the old time's locks
 * released, the appointment moved to the new time with the old one kept in
 * `proposal`, and the patient emailed both times. A granule the old and new
 * times share keeps its lock document (its expiry renewed) rather than being
 * deleted and created again. A confirmed visit follows the appointment; an
 * approval's PaymentIntent is cancelled (the patient pays again once they accept).
 *
 * While a proposal awaits the patient ("rescheduled") staff may propose a
 * different time: it replaces the proposed time the same way, but the
 * ORIGINAL time and status stay the ones recorded in `proposal` (so a
 * withdrawal still restores the real original), and the proposal's `at`
 * changes, so an answer given to the earlier proposal is refused.
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
  const owner = { clinicId: current.clinicId, doctorId: current.doctorId, schedule: bookable.schedule };
  const bookability = await checkBookable(owner, start, now, { excludeAppointmentId: id });
  if (bookability === "not_offered") {
    throw new AppError("invalid_request", "That time isn't one of the doctor's available times. Please choose another.", {
      start: "Please choose one of the available times",
    });
  }
  if (bookability === "busy") throw slotTaken();
  const slot = { start, end: start + bookable.schedule.slotMinutes * 60_000 };
  const bufferMinutes = bookable.schedule.bufferMinutes;
  const newLocks = locksFor(current.clinicId, current.doctorId, slot, bufferMinutes);
  const appUrl = serverEnv().APP_URL;

  const commit = () =>
    changeAppointment(targetOf(caller, id, now, opts), {
      action: "propose",
      actor: "staff",
      by: actedBy(caller),
      ...(message ? { note: message } : {}),
      holdUntil: () => slot.start,
      apply: async (tx, { a, locks, visit }, _to, expiresAt) => {
        const oldIds = new Set(a.lockIds);
        const toCreate = newLocks.filter((l) => !oldIds.has(l.ref.id));
        const blocking = await readTakenLocks(tx, toCreate);
        refuseIfVisitHappened(visit);
        if (a.start.toMillis() === slot.start && a.timeHeld !== false) {
          throw new AppError("invalid_request", "That is the time the request already has. Please choose another.", {
            start: "Choose a different time",
          });
        }
        if (blocking.length > 0) throw new LocksTaken(blocking);
        const keep = new Set(newLocks.map((l) => l.ref.id));
        const link = newStatusLink(appUrl, id);
        const time = { start: Timestamp.fromMillis(slot.start), end: Timestamp.fromMillis(slot.end) };
        const replacing = a.status === "rescheduled" ? a.proposal : null;
        // Propose is allowed only from pending, approved, confirmed (or rescheduled, handled first).
        const from: ProposedFrom = replacing ? proposedFrom(a) : (a.status as ProposedFrom);
        const proposal: AppointmentProposal = {
          previousStart: replacing?.previousStart ?? a.start,
          previousEnd: replacing?.previousEnd ?? a.end,
          message,
          at: Timestamp.fromDate(now),
          by: caller.uid,
          fromStatus: from,
          ...((replacing ? replacing.fromTimeHeld === false : a.timeHeld === false) ? { fromTimeHeld: false } : {}),
        };
        return {
          fields: {
            ...time,
            bufferMinutes,
            lockIds: newLocks.map((l) => l.ref.id),
            timeHeld: true,
            proposal,
            withdrawnProposal: null,
            linkTokenHashes: FieldValue.arrayUnion(link.hash),
          },
          // Locks first: a create that fails (ALREADY_EXISTS) fails the whole commit.
          before: (w) => createLocks(w, toCreate, a, id, expiresAt),
          after: (w) => {
            deleteLocks(w, locks.filter((l) => !keep.has(l.id)));
            setLockExpiry(w, locks.filter((l) => keep.has(l.id)), expiresAt);
            // The visit follows the appointment (its old time was released above).
            if (from === "confirmed") moveVisit(w, visit, time, now);
            const mail = replacing
              ? differentTimeProposedEmail({ ...a, ...time, expiresAt }, a.start, replacing.previousStart, message, link.url)
              : proposedTimeEmail({ ...a, ...time, expiresAt }, a.start, message, link.url);
            queueMail(w, mail, { appointmentId: id });
          },
          result: null,
        };
      },
    });
  const { status, version } = await claimSlot(current.clinicId, now, commit);
  return { status, version };
}
