import "server-only";
import type { QueryDocumentSnapshot } from "firebase-admin/firestore";
import { db } from "@/lib/server/firebase";
import { sendClinicDoctorDays } from "./doctor-day";
import { sweepBudget, type SweepOptions } from "./sweep-budget";
import { remindClinicVisits, type VisitReminderCounts } from "./visit-reminders";

export interface ReminderResult extends VisitReminderCounts {
  /** Clinics this run went through. */
  clinics: number;
  /** Doctor's-day emails queued. */
  doctorDays: number;
  /** True when the time budget stopped the run with work left: the next run starts over and finds it. */
  more: boolean;
}

/**
 * The scheduled reminders (functions/src sendReminders, every 15 minutes;
 * scripts/expiry-ticker.ts in dev; the e2e suite's runReminders). Walks the
 * clinics page by page; for each, the patients' reminders due now
 * (visit-reminders.ts) and, in its morning, the doctors' day (doctor-day.ts).
 * Each email is queued in a transaction that creates its marker
 * (sentReminders, keyed by what it reminds of), so runs at once, reruns and
 * a run that stopped halfway never send one twice.
 */
export async function sendReminders(now: Date, opts: SweepOptions = {}): Promise<ReminderResult> {
  const budget = sweepBudget(opts);
  const result: ReminderResult = { clinics: 0, checked: 0, sent: 0, failed: 0, doctorDays: 0, more: false };
  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    if (budget.outOfTime()) {
      budget.leaveWork();
      break;
    }
    // Every clinic, in document-id order: reminders are on unless a clinic turned them off, and a
    // missing setting cannot be queried for.
    let query = db().collection("clinics").limit(budget.pageSize);
    if (after) query = query.startAfter(after);
    const page = await query.get();
    for (const clinic of page.docs) {
      if (budget.outOfTime()) break;
      result.clinics += 1;
      await remindClinicVisits(clinic, now, budget, result);
      try {
        result.doctorDays += await sendClinicDoctorDays(clinic, now);
      } catch (error) {
        console.error(`sendReminders: doctor's day of ${clinic.id} failed`, error);
      }
    }
    if (page.size < budget.pageSize) break;
    after = page.docs[page.docs.length - 1];
  }
  result.more = budget.more;
  return result;
}
