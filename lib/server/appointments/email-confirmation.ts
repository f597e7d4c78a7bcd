import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { isAppointmentId } from "@/lib/domain/validation";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { readRequestRecipients } from "@/lib/server/team/request-notifications";
import { checkEmailLimit, touchEmailGuard } from "@/lib/server/booking/request-limits";
import { holdRuleOf, requestHoldDeadline } from "./hold";
import { appointments, type AppointmentDoc } from "./model";
import { newRequestClinicEmail } from "@/lib/server/mail/review-emails";
import { setLockExpiry } from "./appointment-locks";
import { updateAppointment } from "./change-appointment";
import { appointmentTokenMatches, confirmTokenMatches } from "./tokens";
import { appNow } from "../clock";

const notFound = () => new AppError("not_found", "We couldn't find that request. Please use the link from your email.");

export type EmailConfirmation = "confirmed" | "already_confirmed" | "not_needed" | "expired" | AppointmentStatus;

/**
 * The patient opened the "confirm your request" link of a clinic that asks
 * for it. In one transaction: the request (still pending, hold not lapsed)
 * gets its full hold from now (the clinic's rule, never past the visit), its
 * locks the same expiry, and the clinic its "new request" emails. Confirming
 * twice changes nothing. A hold that lapsed is expired instead.
 *
 * Only the secret the email carries confirms (confirmTokenMatches), never the
 * status link's token. A request confirmed while the patient already has the
 * per-email limit's worth of confirmed ones waiting is refused (429) and
 * stays unconfirmed: unconfirmed requests do not count (request-limits.ts),
 * so this is where the limit holds.
 */
export async function confirmRequestEmail(id: string, token: string | null | undefined, now = appNow()): Promise<EmailConfirmation> {
  if (!isAppointmentId(id)) throw notFound();
  const before = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!before) throw notFound();
  // A clinic that asked nothing: any of the patient's links may learn that (nothing is written).
  if (before.emailConfirmedAt === undefined) {
    if (!appointmentTokenMatches(token, before)) throw notFound();
    return "not_needed";
  }
  // Requests made before the confirm secret existed have none: they cannot be confirmed and lapse in 30 minutes.
  if (!confirmTokenMatches(token, before)) throw notFound();
  // Outside the transaction: the clinic's rule and schedules decide the new deadline.
  const clinic = await db().collection("clinics").doc(before.clinicId).get();
  const expiresAt = await requestHoldDeadline(before.clinicId, before.timezone, holdRuleOf(clinic), now, before.start.toMillis());
  const appUrl = serverEnv().APP_URL;

  const target = {
    id,
    now,
    notFound,
    authorize: (a: AppointmentDoc) => {
      if (!confirmTokenMatches(token, a)) throw notFound();
    },
  };
  return updateAppointment<EmailConfirmation>(
    target,
    async (tx, { ref, a, locks }) => {
      const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
      if (a.status !== "pending") return a.status;
      const guard = await checkEmailLimit(tx, { clinicId: a.clinicId, email: a.patient.email, now, confirmedOnly: true });
      touchEmailGuard(tx, guard, now);
      tx.update(ref, { emailConfirmedAt: Timestamp.fromDate(now), expiresAt, updatedAt: Timestamp.fromDate(now) });
      setLockExpiry(tx, locks, expiresAt);
      const after = { ...a, expiresAt };
      const requestUrl = `${appUrl}/dashboard/requests/${id}`;
      for (const to of recipients) queueMail(tx, newRequestClinicEmail(after, to, requestUrl), { appointmentId: id });
      return "confirmed";
    },
    () => "expired",
    ({ a }) => (a.emailConfirmedAt ? "already_confirmed" : undefined),
  );
}

/** Whether the token is this request's confirm secret: the confirm page offers its button only then. */
export async function isConfirmLink(id: string, token: string | null | undefined): Promise<boolean> {
  if (!isAppointmentId(id)) return false;
  const a = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  return a !== undefined && confirmTokenMatches(token, a);
}
