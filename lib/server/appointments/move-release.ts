import "server-only";
import { FieldValue, type DocumentSnapshot, type Transaction, type UpdateData } from "firebase-admin/firestore";
import { serverEnv } from "../env";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { moveEndedEmail, moveWithdrawnClinicEmail, type MoveEnd } from "@/lib/server/mail/visit-move-emails";
import { deleteLocks } from "./appointment-locks";
import type { AppointmentDoc } from "./model";
import { newStatusLink } from "./tokens";

/**
 * A move request ends without moving (the clinic declined, the patient
 * withdrew, or it lapsed): the new time's locks are released, the visit's own
 * stay (permanent), the visit is untouched, and the patient is told, in the
 * runner's commit. `clinic`: reviewers to tell as well (a withdrawal).
 */
export function moveRelease(
  id: string,
  a: AppointmentDoc,
  locks: DocumentSnapshot[],
  end: MoveEnd,
  reason: string | null,
  clinic: { recipients: string[]; url: string } | null = null,
): { fields: UpdateData<AppointmentDoc>; after: (tx: Transaction) => void } {
  const moveIds = new Set(a.move?.lockIds ?? []);
  const link = newStatusLink(serverEnv().APP_URL, id);
  const newStart = a.move?.start ?? a.start;
  return {
    fields: {
      move: null,
      lockIds: a.lockIds.filter((lockId) => !moveIds.has(lockId)),
      lastMove: { start: newStart, outcome: end, reason },
      linkTokenHashes: FieldValue.arrayUnion(link.hash),
    },
    after: (tx) => {
      deleteLocks(tx, locks.filter((lock) => moveIds.has(lock.id)));
      queueMail(tx, moveEndedEmail(a, newStart, end, reason, link.url), { appointmentId: id });
      for (const to of clinic?.recipients ?? []) queueMail(tx, moveWithdrawnClinicEmail(a, to, newStart, clinic!.url), { appointmentId: id });
    },
  };
}
