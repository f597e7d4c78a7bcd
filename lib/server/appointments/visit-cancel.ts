import "server-only";
import type { Transaction } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { serverEnv } from "../env";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { visitCancelledClinicEmail, visitCancelledEmail } from "@/lib/server/mail/self-service-emails";
import { readRequestRecipients } from "@/lib/server/team/request-notifications";
import { cancelVisit } from "@/lib/server/visits/visit-docs";
import { deleteLocks } from "./appointment-locks";
import { refuseIfVisitHappened, type Applied, type Loaded } from "./change-appointment";
import { policyRefundCents } from "./cancellation";

export const VISIT_STARTED = "Your visit has already started, so it can't be cancelled online. Please call the clinic.";
/** A cancel sent for a request (no refund quoted) that meets a visit confirmed meanwhile: the patient never saw what it would cost. */
export const CONFIRMED_MEANWHILE = "Your visit was confirmed in the meantime, so nothing was cancelled. This page now shows what cancelling your visit would mean.";
export const REFUND_CHANGED = "The free cancellation window closed while this page was open, so the refund is now smaller. Nothing was cancelled. Please look at the new amount.";

export interface VisitCancelled {
  /** What goes back to the patient (0 for a free visit or a late cancellation the policy keeps). */
  refundCents: number;
}

/**
 * The patient's cancel of a confirmed visit, inside the runner's change (the
 * state machine's cancel from confirmed). Only with the refund the patient was
 * shown (`quotedRefundCents`): a cancel sent from a request's page (no quote)
 * that meets a visit confirmed meanwhile is refused, as is one whose refund is
 * now less than quoted (the free window closed), and one once the visit has
 * started or taken place. Otherwise its locks are released, the visit leaves
 * the schedule, and the patient and the clinic are emailed, in the runner's
 * commit; the runner makes the policy's refund due (refund_per_policy) and
 * asks Stripe for it after the commit.
 */
export async function cancelConfirmedVisit(
  tx: Transaction,
  { ref, a, locks, visit }: Loaded,
  now: Date,
  quotedRefundCents: number | undefined,
): Promise<Applied<VisitCancelled>> {
  if (quotedRefundCents === undefined) throw new AppError("conflict", CONFIRMED_MEANWHILE);
  refuseIfVisitHappened(visit);
  if (now.getTime() >= a.start.toMillis()) throw new AppError("conflict", VISIT_STARTED);
  const refundCents = policyRefundCents(a, now);
  if (refundCents < quotedRefundCents) throw new AppError("conflict", REFUND_CHANGED);
  const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
  const appUrl = serverEnv().APP_URL;
  const paid = a.payment?.status === "paid" ? { amountCents: a.payment.amountCents, currency: a.payment.currency } : null;
  return {
    fields: { lockIds: [], proposal: null, move: null },
    after: (w) => {
      deleteLocks(w, locks);
      cancelVisit(w, visit, now);
      queueMail(w, visitCancelledEmail(a, paid, refundCents, `${appUrl}/book/${a.clinicSlug}`), { appointmentId: ref.id });
      const url = `${appUrl}/dashboard/requests/${ref.id}`;
      for (const to of recipients) queueMail(w, visitCancelledClinicEmail(a, to, url, paid, refundCents), { appointmentId: ref.id });
    },
    result: { refundCents },
  };
}
