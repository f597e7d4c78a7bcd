import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { SAME_ADDRESS, emailCorrectionRefusal, emailCorrectionSchema, type CorrectableRequest } from "@/lib/domain/email-correction";
import { isAppointmentId } from "@/lib/domain/validation";
import { serverEnv } from "../env";
import { db } from "../firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { checkLimits, ipLimitOf, recordRequest } from "@/lib/server/booking/request-limits";
import { setLockExpiry } from "./appointment-locks";
import { updateAppointment } from "./change-appointment";
import { expiredError } from "./change-messages";
import { requestReceivedEmail } from "@/lib/server/mail/request-emails";
import { unconfirmedHold } from "./hold";
import { PATIENT, appointments, historyId, type AppointmentDoc, type HistoryEntry } from "./model";
import { appointmentTokenMatches, newAccessToken } from "./tokens";
import { appNow } from "../clock";

const notFound = () => new AppError("not_found", "We couldn't find that request. Please use the link from your email.");
const correctedMeanwhile = () =>
  new AppError("conflict", "The address was just changed from another tab or device. This page now shows where your request stands.");

export interface EmailCorrected {
  email: string;
  /** The new status link's token: every earlier link stopped working. */
  token: string;
  statusUrl: string;
}

export const correctableOf = (a: AppointmentDoc): CorrectableRequest => ({
  status: a.status,
  timeHeld: a.timeHeld !== false,
  createdAtMs: a.createdAt.toMillis(),
  version: a.version,
  corrections: a.emailCorrections ?? 0,
  emailConfirmed: a.emailConfirmedAt !== undefined && a.emailConfirmedAt !== null,
});

/**
 * "Wrong address?": the patient fixes a typo in their email right after
 * booking (the rules: lib/domain/email-correction.ts). In ONE transaction
 * (the runner's non-transition update, so a lapsed hold is expired instead):
 * the limits as for a request (the address's hourly count, and the new
 * email's waiting requests), the new email, every status link so far
 * invalidated (the wrong address may be a stranger's: the old hashes are
 * dropped, one new link issued), the wrong address's not-yet-sent mail about
 * this request removed, the "request received" email (with a fresh confirm
 * link where the clinic asks for one, and a fresh short hold) queued to the
 * new address, a history entry (status unchanged) and the version bumped.
 * Any refusal writes nothing.
 */
export async function correctPatientEmail(
  id: string,
  token: string | null | undefined,
  input: unknown,
  options: { ip?: string | null; expectedVersion?: number; now?: Date } = {},
): Promise<EmailCorrected> {
  const now = options.now ?? appNow();
  if (!isAppointmentId(id)) throw notFound();
  const parsed = emailCorrectionSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Please enter a valid email address, like name@example.com";
    throw new AppError("invalid_request", message, { email: message });
  }
  const email = parsed.data.email;
  const before = (await appointments().doc(id).get()).data() as AppointmentDoc | undefined;
  if (!before || !appointmentTokenMatches(token, before)) throw notFound();
  const clinic = await db().collection("clinics").doc(before.clinicId).get();
  const appUrl = serverEnv().APP_URL;
  const link = newAccessToken();
  const statusUrl = `${appUrl}/appointments/${id}?t=${link.token}`;

  const target = {
    id,
    now,
    notFound,
    expectedVersion: options.expectedVersion,
    authorize: (a: AppointmentDoc) => {
      // The token opened the request just above: gone now means a concurrent
      // correction committed first. A conflict to say so, not a stranger's link.
      if (!appointmentTokenMatches(token, a)) throw correctedMeanwhile();
    },
  };
  return updateAppointment<EmailCorrected>(
    target,
    async (tx, { ref, a, locks }) => {
      const refusal = emailCorrectionRefusal(correctableOf(a), now.getTime());
      if (refusal) throw new AppError("conflict", refusal);
      if (email === a.patient.email) throw new AppError("invalid_request", SAME_ADDRESS, { email: SAME_ADDRESS });
      const confirmFirst = a.emailConfirmedAt !== undefined;
      // Every read before any write: the limits, then the mail queued for this request.
      const limits = await checkLimits(tx, { clinicId: a.clinicId, email, ip: options.ip ?? null, ipLimit: ipLimitOf(clinic), now, confirmedOnly: confirmFirst });
      // query-shape: mail.ofAppointment
      const queued = await tx.get(db().collection("mail").where("appointmentId", "==", id));

      const at = Timestamp.fromDate(now);
      const seq = a.version + 1;
      const confirm = confirmFirst ? newAccessToken() : null;
      const expiresAt = confirmFirst ? unconfirmedHold(now, a.start.toMillis()) : a.expiresAt;
      const after: AppointmentDoc = {
        ...a,
        patient: { ...a.patient, email },
        tokenHash: link.hash,
        linkTokenHashes: confirm ? [confirm.hash] : [],
        ...(confirm ? { confirmTokenHash: confirm.hash } : {}),
        emailCorrections: (a.emailCorrections ?? 0) + 1,
        expiresAt,
        version: seq,
        updatedAt: at,
      };
      tx.update(ref, {
        "patient.email": email,
        tokenHash: after.tokenHash,
        linkTokenHashes: after.linkTokenHashes,
        ...(confirm ? { confirmTokenHash: confirm.hash } : {}),
        emailCorrections: after.emailCorrections,
        expiresAt,
        version: seq,
        updatedAt: at,
      });
      // The new mailbox gets the unconfirmed request's full short hold to confirm in.
      if (confirm) setLockExpiry(tx, locks, expiresAt);
      const entry: HistoryEntry = { action: "change_email", from: a.status, to: a.status, actor: "patient", ...PATIENT, at };
      tx.create(ref.collection("history").doc(historyId(seq)), entry);
      recordRequest(tx, limits, now);
      // Not yet handed to the mail service (the Trigger Email extension marks what it took with `delivery`).
      for (const doc of queued.docs) if (doc.get("to") === a.patient.email && doc.get("delivery") === undefined) tx.delete(doc.ref);
      const confirmUrl = confirm ? `${appUrl}/appointments/${id}/confirm?t=${confirm.token}` : null;
      queueMail(tx, requestReceivedEmail(after, statusUrl, confirmUrl), { appointmentId: id });
      return { email, token: link.token, statusUrl };
    },
    (from) => {
      throw expiredError(from);
    },
  );
}
