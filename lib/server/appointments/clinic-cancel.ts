import "server-only";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { assertSignedIn, forbidden, requestScope, type Caller } from "@/lib/domain/roles";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { clinicCancelledEmail } from "../payments/emails";
import { markRefundDue, refundAfterCommit } from "../payments/refund";
import { cancelVisit } from "../visits";
import { isPaid, type AppointmentDoc } from "./model";
import { ID, expireInTx, expiredError, expiredFrom, isExpired, isLapsed, loadForChange, refuseIfVisitHappened } from "./review-steps";
import { applyTransition, checkTransition, deleteLocks } from "./transition";
import { appNow } from "../clock";

const notFound = () => new AppError("not_found", "We couldn't find that request.");

/**
 * The clinic calls off an approved or confirmed appointment (the doctor is
 * ill), with a reason the patient reads. One transaction: cancelled, locks
 * released, the visit off the schedule, history, and either the refund made
 * due (its email gives the reason) or, unpaid, a cancellation email. The
 * Stripe refund is made after the commit (idempotent per payment).
 */
export async function cancelByClinic(
  caller: Caller | null | undefined,
  id: string,
  input: { reason: string },
  opts: { expectedVersion?: number; now?: Date } = {},
): Promise<{ status: AppointmentStatus; version: number; refunded: boolean }> {
  assertSignedIn(caller);
  const scope = requestScope(caller);
  if (!scope) throw forbidden();
  if (!ID.test(id)) throw notFound();
  const reason = (input.reason ?? "").trim();
  if (!reason) throw new AppError("invalid_request", "Please give a reason; the patient will see it.", { reason: "Please give a reason; the patient will see it." });
  if (reason.length > 500) throw new AppError("invalid_request", "Please keep it under 500 characters.", { reason: "Please keep it under 500 characters." });
  const now = opts.now ?? appNow();
  const appUrl = serverEnv().APP_URL;
  const authorize = (a: AppointmentDoc) => {
    if (a.clinicId !== caller.clinicId) throw notFound();
    if (scope.doctorId !== null && a.doctorId !== scope.doctorId) throw notFound();
  };
  const result = await db().runTransaction(async (tx) => {
    const loaded = await loadForChange(tx, id, authorize, notFound, opts.expectedVersion);
    const { ref, a, locks, visit } = loaded;
    if (isLapsed(a, now)) {
      expireInTx(tx, loaded, now);
      return expiredFrom(a);
    }
    refuseIfVisitHappened(visit);
    checkTransition(a, "clinic_cancel", "staff");
    const paid = isPaid(a);
    const status = applyTransition(tx, ref, a, {
      action: "clinic_cancel",
      actor: "staff",
      by: { by: caller.uid, byName: caller.name || caller.email },
      now,
      note: reason,
      fields: { expiresAt: null, lockIds: [], cancelReason: reason, cancelledBy: "clinic", proposal: null },
    });
    deleteLocks(tx, locks);
    cancelVisit(tx, visit, now);
    if (paid && a.payment) markRefundDue(tx, id, a, a.payment, "clinic_cancelled", { now, note: reason });
    else queueMail(tx, clinicCancelledEmail(a, reason, `${appUrl}/book/${a.clinicSlug}`), { appointmentId: id });
    return { status, version: a.version + 1, refunded: paid };
  });
  if (isExpired(result)) throw expiredError(result.expired);
  if (result.refunded) await refundAfterCommit(id);
  return result;
}
