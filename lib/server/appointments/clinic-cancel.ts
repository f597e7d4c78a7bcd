import "server-only";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { assertSignedIn, forbidden, requestScope, type Caller } from "@/lib/domain/roles";
import { isAppointmentId } from "@/lib/domain/validation";
import { serverEnv } from "../env";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { clinicCancelledEmail } from "@/lib/server/mail/payment-emails";
import { cancelVisit } from "@/lib/server/visits/visit-docs";
import { deleteLocks } from "./appointment-locks";
import { changeAppointment, refuseIfVisitHappened } from "./change-appointment";
import { isPaid, type AppointmentDoc } from "./model";
import { appNow } from "../clock";

const notFound = () => new AppError("not_found", "We couldn't find that request.");

/**
 * The clinic calls off an approved or confirmed appointment (the doctor is
 * ill), with a reason the patient reads. One change: cancelled, locks
 * released, the visit off the schedule, history, and either the refund made
 * due (its email gives the reason) or, unpaid, a cancellation email (and the
 * status page's PaymentIntent cancelled at Stripe). The Stripe calls are made
 * after the commit (idempotent).
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
  if (!isAppointmentId(id)) throw notFound();
  const reason = (input.reason ?? "").trim();
  if (!reason) throw new AppError("invalid_request", "Please give a reason; the patient will see it.", { reason: "Please give a reason; the patient will see it." });
  if (reason.length > 500) throw new AppError("invalid_request", "Please keep it under 500 characters.", { reason: "Please keep it under 500 characters." });
  const now = opts.now ?? appNow();
  const appUrl = serverEnv().APP_URL;
  const authorize = (a: AppointmentDoc) => {
    if (a.clinicId !== caller.clinicId) throw notFound();
    if (scope.doctorId !== null && a.doctorId !== scope.doctorId) throw notFound();
  };
  const changed = await changeAppointment(
    { id, now, notFound, authorize, ...(opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {}) },
    {
      action: "clinic_cancel",
      actor: "staff",
      by: { by: caller.uid, byName: caller.name || caller.email },
      note: reason,
      refundNote: reason,
      apply: (_tx, { a, locks, visit }) => {
        refuseIfVisitHappened(visit);
        const paid = isPaid(a);
        return {
          fields: { lockIds: [], cancelReason: reason, cancelledBy: "clinic", proposal: null, move: null },
          after: (tx) => {
            deleteLocks(tx, locks);
            cancelVisit(tx, visit, now);
            // Paid: the runner's refund email gives the reason.
            if (!paid) queueMail(tx, clinicCancelledEmail(a, reason, `${appUrl}/book/${a.clinicSlug}`), { appointmentId: id });
          },
          result: paid,
        };
      },
    },
  );
  return { status: changed.status, version: changed.version, refunded: changed.result };
}
