import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { AppError } from "@/lib/domain/errors";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "../mail";
import { readRequestRecipients } from "../notifications";
import { holdRuleOf, requestHoldDeadline } from "./hold";
import { appointments, type AppointmentDoc } from "./model";
import { newRequestClinicEmail } from "./review-emails";
import { ID, expireInTx, isLapsed, loadForChange, setLockExpiry } from "./review-steps";
import { appointmentTokenMatches } from "./tokens";
import { appNow } from "../clock";

const notFound = () => new AppError("not_found", "We couldn't find that request. Please use the link from your email.");

export type EmailConfirmation = "confirmed" | "already_confirmed" | "not_needed" | "expired" | AppointmentStatus;

/**
 * The patient opened the "confirm your request" link of a clinic that asks
 * for it. In one transaction: the request (still pending, hold not lapsed)
 * gets its full hold from now (the clinic's rule, never past the visit), its
 * locks the same expiry, and the clinic its "new request" emails. Confirming
 * twice changes nothing. A hold that lapsed is expired instead.
 */
export async function confirmRequestEmail(id: string, token: string | null | undefined, now = appNow()): Promise<EmailConfirmation> {
  if (!ID.test(id)) throw notFound();
  const before = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!before || !appointmentTokenMatches(token, before)) throw notFound();
  if (before.emailConfirmedAt === undefined) return "not_needed";
  // Outside the transaction: the clinic's rule and schedules decide the new deadline.
  const clinic = await db().collection("clinics").doc(before.clinicId).get();
  const expiresAt = await requestHoldDeadline(before.clinicId, before.timezone, holdRuleOf(clinic), now, before.start.toMillis());
  const appUrl = serverEnv().APP_URL;

  return db().runTransaction(async (tx) => {
    const loaded = await loadForChange(tx, id, (a) => {
      if (!appointmentTokenMatches(token, a)) throw notFound();
    }, notFound);
    const { ref, a, locks } = loaded;
    const recipients = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
    if (a.emailConfirmedAt) return "already_confirmed";
    if (isLapsed(a, now)) {
      expireInTx(tx, loaded, now);
      return "expired";
    }
    if (a.status !== "pending") return a.status;
    tx.update(ref, { emailConfirmedAt: Timestamp.fromDate(now), expiresAt, updatedAt: Timestamp.fromDate(now) });
    setLockExpiry(tx, locks, expiresAt);
    const after = { ...a, expiresAt };
    const requestUrl = `${appUrl}/dashboard/requests/${id}`;
    for (const to of recipients) queueMail(tx, newRequestClinicEmail(after, to, requestUrl), { appointmentId: id });
    return "confirmed";
  });
}
