import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { z } from "zod";
import { clinicDateAt } from "@/lib/domain/clinic-closures";
import { AppError, isAppError } from "@/lib/domain/errors";
import { isAppointmentId } from "@/lib/domain/validation";
import { loadClinicDoctor } from "@/lib/server/booking/bookable-doctor";
import { locksFor } from "@/lib/server/booking/slot-locks";
import { assertOpenInTransaction, clinicClosed } from "@/lib/server/clinics/closures";
import { serverEnv } from "../env";
import { appNow } from "../clock";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { moveRequestedClinicEmail, moveRequestedEmail, visitMovedClinicEmail, visitMovedEmail } from "@/lib/server/mail/visit-move-emails";
import { readRequestRecipients } from "@/lib/server/team/request-notifications";
import { moveVisit } from "@/lib/server/visits/visit-docs";
import { createLocks, deleteLocks } from "./appointment-locks";
import { inFreeWindow } from "./cancellation";
import { changeAppointment, checkTransition, refuseIfVisitHappened } from "./change-appointment";
import { appointmentIcs, icsFilename } from "./ics";
import { appointments, type AppointmentDoc, type AppointmentMove } from "./model";
import { LocksTaken, checkBookable, claimSlot, readTakenLocks, slotTaken } from "./slot-claim";
import { appointmentTokenMatches, newStatusLink } from "./tokens";

/**
 * The patient moves their confirmed visit to another free time of the same
 * doctor, from their status page. The new time is claimed like any booking
 * (claimSlot: offered by the schedule, free of busy time, create-only locks),
 * in the runner's commit. By default the clinic reviews it: the appointment
 * becomes "move_requested", holding both times, until staff approve (swap) or
 * decline, the patient withdraws, or it lapses (visit-move-answers.ts). Where
 * the clinic lets patients move without review and the visit is still before
 * its free-cancellation cutoff, the times swap in this same commit. Either
 * way the money stays as it is: no new PaymentIntent, no refund.
 */

const notFound = () => new AppError("not_found", "We couldn't find that visit. Please use the link from your email.");
export const VISIT_STARTED_MOVE = "Your visit has already started, so it can't be moved online. Please call the clinic.";
export const SAME_TIME = "That is your visit's time already. Please choose another time.";
const NOT_OFFERED = "That time isn't one of the doctor's available times. Please choose another.";

const moveInput = z.object({ start: z.iso.datetime({ offset: true, error: "Please choose a time." }) });

export interface MoveResult {
  /** "confirmed": moved at once; "move_requested": waiting for the clinic. */
  status: "confirmed" | "move_requested";
  version: number;
}

/** Patient's move of a confirmed visit to `input.start` (an ISO instant offered by the slots API). */
export async function requestVisitMove(id: string, token: string | null | undefined, input: unknown, now: Date = appNow()): Promise<MoveResult> {
  if (!isAppointmentId(id)) throw notFound();
  const parsed = moveInput.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_request", "Please choose a time.", { start: "Please choose a time" });
  const start = Date.parse(parsed.data.start);

  // Outside the transaction: who is asking, whether the visit can move at all, and whether the schedule
  // offers the time (the commit checks the status, the visit, the locks and the closure again).
  const current = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!current || !appointmentTokenMatches(token, current)) throw notFound();
  checkTransition(current, "move", "patient");
  if (now.getTime() >= current.start.toMillis()) throw new AppError("conflict", VISIT_STARTED_MOVE);
  if (start === current.start.toMillis()) throw new AppError("invalid_request", SAME_TIME, { start: "Choose a different time" });
  const bookable = await loadClinicDoctor(current.clinicId, current.doctorId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") {
      throw new AppError("conflict", "This doctor isn't taking bookings online right now, so your visit can't be moved here. Please call the clinic.");
    }
    throw error;
  });
  if (bookable.closures.some((c) => c.date === clinicDateAt(current.timezone, start))) throw clinicClosed();
  const owner = { clinicId: current.clinicId, doctorId: current.doctorId, schedule: bookable.schedule };
  // The visit's own time is busy like any other: it shows as taken, and a slot overlapping it is refused.
  const bookability = await checkBookable(owner, start, now);
  if (bookability === "not_offered") throw new AppError("invalid_request", NOT_OFFERED, { start: "Please choose one of the available times" });
  if (bookability === "busy") throw slotTaken();

  const slot = { start, end: start + bookable.schedule.slotMinutes * 60_000 };
  const bufferMinutes = bookable.schedule.bufferMinutes;
  const newLocks = locksFor(current.clinicId, current.doctorId, slot, bufferMinutes);
  const allowsMoves = bookable.requestRules.cancellationPolicy.movesWithoutReview;
  const appUrl = serverEnv().APP_URL;
  const time = { start: Timestamp.fromMillis(slot.start), end: Timestamp.fromMillis(slot.end) };

  const commit = () =>
    changeAppointment(
      { id, now, notFound, authorize: (a) => { if (!appointmentTokenMatches(token, a)) throw notFound(); } },
      {
        action: "move",
        actor: "patient",
        // The clinic's setting now, and the free window of the policy the visit was booked under.
        movesWithoutReview: (a) => allowsMoves && inFreeWindow(a, now),
        // A held move lapses by the clinic's hold rule, and never after either time would begin.
        holdUntil: (a) => Math.min(a.start.toMillis(), slot.start),
        apply: async (tx, { a, locks, visit }, to, expiresAt) => {
          const [blocking, recipients] = await Promise.all([
            readTakenLocks(tx, newLocks),
            readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId),
            assertOpenInTransaction(tx, a.clinicId, a.timezone, slot.start),
          ]);
          refuseIfVisitHappened(visit);
          if (now.getTime() >= a.start.toMillis()) throw new AppError("conflict", VISIT_STARTED_MOVE);
          if (a.start.toMillis() === slot.start) throw new AppError("invalid_request", SAME_TIME, { start: "Choose a different time" });
          if (blocking.length > 0) throw new LocksTaken(blocking);
          const link = newStatusLink(appUrl, id);
          const newIds = newLocks.map((l) => l.ref.id);
          const staffUrl = `${appUrl}/dashboard/requests/${id}`;
          if (to === "confirmed") return swapNow(id, a, locks, visit, { time, bufferMinutes, link, recipients, staffUrl, now });
          const move: AppointmentMove = { ...time, bufferMinutes, lockIds: newIds, requestedAt: Timestamp.fromDate(now) };
          return {
            fields: { move, lastMove: null, lockIds: [...a.lockIds, ...newIds], linkTokenHashes: FieldValue.arrayUnion(link.hash) },
            // Locks first: a create that fails (ALREADY_EXISTS) fails the whole commit. They lapse with the request.
            before: (w) => createLocks(w, newLocks, a, id, expiresAt),
            after: (w) => {
              const deadline = expiresAt ?? a.start;
              queueMail(w, moveRequestedEmail(a, time.start, deadline, link.url), { appointmentId: id });
              for (const to of recipients) queueMail(w, moveRequestedClinicEmail(a, to, time.start, deadline, staffUrl), { appointmentId: id });
            },
            result: null,
          };
        },
      },
    );
  const { status, version } = await claimSlot(current.clinicId, now, commit);
  return { status: status as MoveResult["status"], version };
}

/** The clinic lets this move happen at once: the new time's locks are created permanent, the old ones released, the visit moved. */
function swapNow(
  id: string,
  a: AppointmentDoc,
  oldLocks: DocumentSnapshot[],
  visit: DocumentSnapshot,
  m: {
    time: { start: Timestamp; end: Timestamp };
    bufferMinutes: number;
    link: { url: string; hash: string };
    recipients: string[];
    staffUrl: string;
    now: Date;
  },
) {
  const newLocks = locksFor(a.clinicId, a.doctorId, { start: m.time.start.toMillis(), end: m.time.end.toMillis() }, m.bufferMinutes);
  return {
    fields: {
      ...m.time,
      bufferMinutes: m.bufferMinutes,
      lockIds: newLocks.map((l) => l.ref.id),
      move: null,
      lastMove: null,
      // Confirmed for its new time from now: the patient reminder's window rule reads it.
      confirmedAt: Timestamp.fromDate(m.now),
      linkTokenHashes: FieldValue.arrayUnion(m.link.hash),
    },
    before: (w: Transaction) => createLocks(w, newLocks, a, id, null),
    after: (w: Transaction, after: AppointmentDoc) => {
      deleteLocks(w, oldLocks);
      moveVisit(w, visit, m.time, m.now);
      queueMail(w, visitMovedEmail(after, a.start, m.link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
      for (const to of m.recipients) queueMail(w, visitMovedClinicEmail(after, to, a.start, m.staffUrl), { appointmentId: id });
    },
    result: null,
  };
}
