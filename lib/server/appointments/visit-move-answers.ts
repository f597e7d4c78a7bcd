import "server-only";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import type { Caller } from "@/lib/domain/roles";
import { isAppointmentId } from "@/lib/domain/validation";
import { serverEnv } from "../env";
import { appNow } from "../clock";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { visitMovedEmail } from "@/lib/server/mail/visit-move-emails";
import { readRequestRecipients } from "@/lib/server/team/request-notifications";
import { moveVisit } from "@/lib/server/visits/visit-docs";
import { deleteLocks, setLockExpiry } from "./appointment-locks";
import { changeAppointment } from "./change-appointment";
import { appointmentIcs, icsFilename } from "./ics";
import { moveRelease } from "./move-release";
import { actedBy, assertMayReviewSomething, targetOf, type ReviewOptions, type ReviewResult } from "./review";
import { appointmentTokenMatches, newStatusLink } from "./tokens";

/**
 * The answers to a patient's move request ("move_requested"), each one change
 * through the runner: staff approve (the times swap: the old locks released,
 * the new ones made permanent, the appointment and the visit moved, whose
 * feed SEQUENCE moveVisit bumps) or decline (the new time released, the visit
 * unchanged); the patient may withdraw it. A request that lapsed meanwhile is
 * expired by the runner instead and the answer refused (409). Money: none.
 */

const MAX_REASON = 500;

/** An answer that meets a lapsed request: the runner has just released the new time. */
const moveLapsed = () => new AppError("conflict", "The move request lapsed before it was answered: the visit stays at its time.");

export async function approveVisitMove(caller: Caller | null | undefined, id: string, opts: ReviewOptions = {}): Promise<ReviewResult> {
  assertMayReviewSomething(caller, id);
  const now = opts.now ?? appNow();
  const appUrl = serverEnv().APP_URL;
  const { status, version } = await changeAppointment({ ...targetOf(caller, id, now, opts), lapsed: moveLapsed }, {
    action: "approve_move",
    actor: "staff",
    by: actedBy(caller),
    apply: (_tx, { a, locks, visit }) => {
      // The state machine allows this only from move_requested, which always records the move.
      const move = a.move!;
      const moveIds = new Set(move.lockIds);
      const time = { start: move.start, end: move.end };
      const link = newStatusLink(appUrl, id);
      return {
        fields: {
          ...time,
          bufferMinutes: move.bufferMinutes,
          lockIds: move.lockIds,
          move: null,
          lastMove: null,
          confirmedAt: Timestamp.fromDate(now),
          linkTokenHashes: FieldValue.arrayUnion(link.hash),
        },
        after: (w, after) => {
          deleteLocks(w, locks.filter((l) => !moveIds.has(l.id)));
          // The visit's time now: its locks last as long as the visit's always have.
          setLockExpiry(w, locks.filter((l) => moveIds.has(l.id)), null);
          moveVisit(w, visit, time, now);
          queueMail(w, visitMovedEmail(after, a.start, link.url, { filename: icsFilename(after), content: appointmentIcs(id, after) }), { appointmentId: id });
        },
        result: null,
      };
    },
  });
  return { status, version };
}

export async function declineVisitMove(
  caller: Caller | null | undefined,
  id: string,
  input: { reason?: string },
  opts: ReviewOptions = {},
): Promise<ReviewResult> {
  assertMayReviewSomething(caller, id);
  const reason = (input.reason ?? "").replace(/\s+/g, " ").trim() || null;
  if (reason && reason.length > MAX_REASON) {
    const message = `Please keep it under ${MAX_REASON} characters.`;
    throw new AppError("invalid_request", message, { reason: message });
  }
  const now = opts.now ?? appNow();
  const { status, version } = await changeAppointment({ ...targetOf(caller, id, now, opts), lapsed: moveLapsed }, {
    action: "decline_move",
    actor: "staff",
    by: actedBy(caller),
    ...(reason ? { note: reason } : {}),
    apply: (_tx, { a, locks }) => ({ ...moveRelease(id, a, locks, "declined", reason), result: null }),
  });
  return { status, version };
}

const notFound = () => new AppError("not_found", "We couldn't find that visit. Please use the link from your email.");

/** The patient no longer wants the new time: it is released, the visit stays, and the clinic is told. */
export async function withdrawVisitMove(id: string, token: string | null | undefined, now: Date = appNow()): Promise<ReviewResult> {
  if (!isAppointmentId(id)) throw notFound();
  const appUrl = serverEnv().APP_URL;
  const target = { id, now, notFound, lapsed: moveLapsed, authorize: (a: { tokenHash: string; linkTokenHashes?: string[] }) => { if (!appointmentTokenMatches(token, a)) throw notFound(); } };
  const { status, version } = await changeAppointment(target, {
    action: "withdraw_move",
    actor: "patient",
    apply: async (tx, { a, locks }) => {
      const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
      return { ...moveRelease(id, a, locks, "withdrawn", null, { recipients, url: `${appUrl}/dashboard/requests/${id}` }), result: null };
    },
  });
  return { status, version };
}
