import "server-only";
import { FieldValue, Timestamp, type DocumentSnapshot, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { reminderDue, reminderSettingsOf, visitReminderKey } from "@/lib/domain/reminders";
import { appointmentIcs, icsFilename } from "@/lib/server/appointments/ics";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";
import { newStatusLink } from "@/lib/server/appointments/tokens";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { isAlreadyExists } from "@/lib/server/firestore-errors";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { visitReminderEmail } from "@/lib/server/mail/visit-reminder-emails";
import { markerExpiry, markerRef, type ReminderMarker } from "./markers";
import type { SweepBudget } from "./sweep-budget";

const HOUR_MS = 3_600_000;

export interface VisitReminderCounts {
  /** Confirmed visits in a reminder window this run looked at. */
  checked: number;
  /** Reminder emails queued by this run. */
  sent: number;
  /** Visits whose reminder failed (logged); the next run retries them. */
  failed: number;
}

/**
 * When the visit was confirmed for its current time. Documents from before
 * `confirmedAt` existed: `updatedAt`, which is never earlier, so the window
 * rule can only leave such a visit out, never remind one booked inside it.
 */
const confirmedAtOf = (a: AppointmentDoc) => (a.confirmedAt ?? a.updatedAt).toMillis();

/**
 * One clinic's due patient reminders: its confirmed visits starting within
 * [now, now + N h] (one indexed query, by start, page by page), each reminded
 * in its own transaction by `remindVisit`.
 */
export async function remindClinicVisits(clinic: DocumentSnapshot, now: Date, budget: SweepBudget, counts: VisitReminderCounts): Promise<void> {
  const settings = reminderSettingsOf(clinic);
  if (!settings.visitReminders) return;
  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    if (budget.outOfTime()) return budget.leaveWork();
    // query-shape: appointments.reminderWindow
    let query = appointments()
      .where("clinicId", "==", clinic.id)
      .where("status", "==", "confirmed")
      .where("start", ">=", Timestamp.fromDate(now))
      .where("start", "<=", Timestamp.fromMillis(now.getTime() + settings.reminderHours * HOUR_MS))
      .orderBy("start")
      .limit(budget.pageSize);
    if (after) query = query.startAfter(after);
    const page = await query.get();
    const due = page.docs.filter((doc) => {
      const a = doc.data() as AppointmentDoc;
      return reminderDue({ start: a.start.toMillis(), confirmedAt: confirmedAtOf(a) }, settings.reminderHours, now.getTime());
    });
    counts.checked += due.length;
    // Most of the window was reminded by earlier runs: one batched read skips those without a transaction each.
    const markers = due.length ? await db().getAll(...due.map((doc) => markerRef(visitReminderKey(doc.id, (doc.get("start") as Timestamp).toMillis())))) : [];
    const open = due.filter((_doc, i) => !markers[i]!.exists);
    await budget.inBatches(open, async (doc) => {
      try {
        if (await remindVisit(doc.id, now)) counts.sent += 1;
      } catch (error) {
        counts.failed += 1;
        console.error(`remindVisit: ${doc.id} failed`, error);
      }
    });
    if (page.size < budget.pageSize) return;
    after = page.docs[page.docs.length - 1];
  }
}

/**
 * The patient's reminder for one visit, if it is due and was not sent yet.
 * In one transaction: re-reads the appointment (still confirmed, still in its
 * window, confirmed before the window opened) and the clinic's setting (still
 * on), then creates the marker keyed by (appointment, start), adds the
 * status link's token and queues the email. A marker that exists, read here
 * or met by the create (ALREADY_EXISTS), means it was sent: false.
 */
export async function remindVisit(id: string, now: Date): Promise<boolean> {
  const appUrl = serverEnv().APP_URL;
  try {
    return await db().runTransaction(async (tx) => {
      const ref = appointments().doc(id);
      const a = (await tx.get(ref)).data() as AppointmentDoc | undefined;
      if (!a || a.status !== "confirmed") return false;
      const settings = reminderSettingsOf(await tx.get(db().collection("clinics").doc(a.clinicId)));
      if (!settings.visitReminders) return false;
      const start = a.start.toMillis();
      if (!reminderDue({ start, confirmedAt: confirmedAtOf(a) }, settings.reminderHours, now.getTime())) return false;
      const marker = markerRef(visitReminderKey(id, start));
      if ((await tx.get(marker)).exists) return false;

      const link = newStatusLink(appUrl, id);
      const record: ReminderMarker = {
        kind: "visit",
        clinicId: a.clinicId,
        appointmentId: id,
        start: a.start,
        emails: 1,
        sentAt: Timestamp.fromDate(now),
        expireAt: markerExpiry(start),
      };
      tx.create(marker, record);
      // Only hashes are stored: the fresh link's joins the others, as every later email's does.
      tx.update(ref, { linkTokenHashes: FieldValue.arrayUnion(link.hash) });
      const ics = { filename: icsFilename(a), content: appointmentIcs(id, a) };
      queueMail(tx, visitReminderEmail(a, link.url, ics), { appointmentId: id, kind: "visitReminder" });
      return true;
    });
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}
