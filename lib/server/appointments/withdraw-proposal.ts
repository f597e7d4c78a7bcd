import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { originalTimeLostNote, type OriginalTimeLost } from "@/lib/domain/no-time-held";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { Caller } from "@/lib/domain/roles";
import { serverEnv } from "../env";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { locksFor, type LockSpec } from "@/lib/server/booking/slot-locks";
import { moveVisit } from "@/lib/server/visits/visit-docs";
import { appNow } from "../clock";
import { createLocks, deleteLocks, setLockExpiry } from "./appointment-locks";
import { changeAppointment, refuseIfVisitHappened } from "./change-appointment";
import type { AppointmentDoc } from "./model";
import { proposalWithdrawnEmail, type WithdrawnOutcome } from "@/lib/server/mail/review-emails";
import { actedBy, assertMayReviewSomething, targetOf, type ReviewOptions, type ReviewResult } from "./review";
import { LocksTaken, claimSlot, readTakenLocks } from "./slot-claim";
import { newStatusLink } from "./tokens";

/**
 * Staff withdraw the time they proposed while the patient hasn't answered.
 * The appointment goes back to where it stood, at its original time
 * (`proposal.previousStart/End`), in one commit with the proposed time's locks
 * released, the history entry and the patient's email:
 *
 * - proposed from a confirmed visit (paid or free): confirmed again, its
 *   original time's locks re-created (permanent) and the visit moved back. If
 *   the original time has been taken (or has passed) nothing is written and
 *   the clinic is told to propose another time instead (409);
 * - proposed from a request (pending, or approved and unpaid): pending again,
 *   to be reviewed. Its original time is re-held by the clinic's hold rule if
 *   still free; if taken (or passed, or it held no time when the proposal was
 *   made) it holds no time, so staff propose another time or decline. Which
 *   of those it was is recorded (`withdrawnProposal.originalTimeLost`).
 *
 * Money never moves (money.ts): a paid visit stays paid; an approval's
 * PaymentIntent was cancelled when the time was proposed.
 */
export interface WithdrawResult extends ReviewResult {
  /** Whether the appointment holds its original time again. */
  timeHeld: boolean;
}

export const ORIGINAL_TIME_TAKEN = "The original time has been taken; propose another time instead.";
const originalTimeTaken = () => new AppError("conflict", ORIGINAL_TIME_TAKEN);

/** Lapsed holds among the blocking locks can be released and the claim retried (claimSlot); live ones mean taken. */
const allLapsed = (locks: DocumentSnapshot[], now: Date) =>
  locks.every((l) => {
    const expiresAt = l.get("expiresAt") as { toMillis(): number } | null | undefined;
    return expiresAt != null && expiresAt.toMillis() <= now.getTime();
  });

export async function withdrawProposal(caller: Caller | null | undefined, id: string, opts: ReviewOptions = {}): Promise<WithdrawResult> {
  assertMayReviewSomething(caller, id);
  const now = opts.now ?? appNow();
  const appUrl = serverEnv().APP_URL;
  let held = false;

  const commit = () =>
    changeAppointment(targetOf(caller, id, now, opts), {
      action: "withdraw",
      actor: "staff",
      by: actedBy(caller),
      // A request back for review is held by the clinic's rule, never past its original time.
      holdUntil: (a) => a.proposal?.previousStart ?? a.start,
      apply: async (tx, { a, locks, visit }, to, expiresAt) => {
        const proposal = a.proposal;
        // The state machine only allows this from "rescheduled", which always records a proposal.
        if (!proposal) throw new AppError("conflict", "There is no proposed time to withdraw.");
        refuseIfVisitHappened(visit);
        const original = { start: proposal.previousStart, end: proposal.previousEnd };
        const canHold = proposal.fromTimeHeld !== false && original.start.toMillis() > now.getTime();
        const wanted: LockSpec[] = canHold
          ? locksFor(a.clinicId, a.doctorId, { start: original.start.toMillis(), end: original.end.toMillis() }, a.bufferMinutes)
          : [];
        const own = new Set(a.lockIds);
        const toCreate = wanted.filter((l) => !own.has(l.ref.id));
        const blocking = await readTakenLocks(tx, toCreate);
        // A lapsed hold in the way is released and the claim retried; a live one means taken.
        if (blocking.length > 0 && allLapsed(blocking, now)) throw new LocksTaken(blocking);
        const free = canHold && blocking.length === 0;
        if (to === "confirmed" && !free) throw originalTimeTaken();
        held = free;

        const keep = new Set(free ? wanted.map((l) => l.ref.id) : []);
        const outcome: WithdrawnOutcome = to === "confirmed" ? "confirmed" : free ? "pending_held" : "pending_not_held";
        // Recorded so both pages can say truly why no time is held.
        const lost: OriginalTimeLost | null = free
          ? null
          : proposal.fromTimeHeld === false
            ? "not_held"
            : original.start.toMillis() <= now.getTime()
              ? "passed"
              : "taken";
        const link = newStatusLink(appUrl, id);
        const originalWords = formatSlotInZone(original.start.toDate(), a.timezone);
        const note = lost ? originalTimeLostNote(lost, originalWords) : `Back to the original time, ${originalWords}.`;
        return {
          fields: {
            ...original,
            lockIds: free ? wanted.map((l) => l.ref.id) : [],
            timeHeld: free,
            proposal: null,
            withdrawnProposal: { start: a.start, at: Timestamp.fromDate(now), ...(lost ? { originalTimeLost: lost } : {}) },
            linkTokenHashes: FieldValue.arrayUnion(link.hash),
          },
          // Locks first: a create that fails (ALREADY_EXISTS) fails the whole commit.
          before: (w) => {
            if (free) createLocks(w, toCreate, a, id, expiresAt);
          },
          after: (w, after: AppointmentDoc) => {
            deleteLocks(w, locks.filter((l) => !keep.has(l.id)));
            setLockExpiry(w, locks.filter((l) => keep.has(l.id)), expiresAt);
            if (to === "confirmed") moveVisit(w, visit, original, now);
            queueMail(w, proposalWithdrawnEmail(after, a.start, outcome, link.url, lost), { appointmentId: id });
          },
          note,
          result: null,
        };
      },
    });
  const { status, version } = await claimSlot(caller.clinicId, now, commit, originalTimeTaken);
  return { status, version, timeHeld: held };
}
