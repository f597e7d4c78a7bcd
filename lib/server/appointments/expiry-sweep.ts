import "server-only";
import { Timestamp, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { readRequestRecipients } from "@/lib/server/team/request-notifications";
import { expireIfLapsed } from "./expire";
import { appointments, type AppointmentDoc } from "./model";
import { reviewReminderEmail } from "@/lib/server/mail/reminder-email";

export interface ExpiryResult {
  /** Appointments this run moved to expired. */
  expired: number;
  /** Lapsed appointments this run looked at (some were expired by a racing run or renewed by staff). */
  checked: number;
  /** Reminder emails queued for staff. */
  reminded: number;
  /** Appointments that failed to expire (logged); the next run retries them. */
  failed: number;
  /** True when the page size or the time budget stopped the run with work left: the next run continues. */
  more: boolean;
}

export interface ExpiryOptions {
  /** Documents per query page (bounded: 1..500). */
  pageSize?: number;
  /** Stop starting new pages after this many ms; the function timeout is 60 s by default. */
  budgetMs?: number;
  /** Transactions in flight at once within a page. */
  concurrency?: number;
  /** Wall clock for the budget; injectable so tests need not sleep. */
  clock?: () => number;
}

// The statuses whose hold can lapse. A pending request with no time held (its
// patient turned down a proposal) is pending too, with its own expiresAt.
// A patient's move request lapses the same way (only its new time is released).
const WAITING = ["pending", "approved", "rescheduled", "move_requested"] as const;
export const REMINDER_MS = 2 * 60 * 60 * 1000;
const DEFAULTS = { pageSize: 100, budgetMs: 45_000, concurrency: 8 };

/**
 * The scheduled expiry (functions/src expireStaleRequests, every 5 minutes;
 * scripts/expiry-ticker.ts in dev). Finds holds that lapsed at or before `now`
 * with one indexed query (status in [...], expiresAt <= now, oldest first)
 * and expires each in its own transaction (expireIfLapsed re-checks status
 * and expiresAt, so a racing run, approval or cancel leaves exactly one
 * outcome and one email). Page by page until none are left, the time budget
 * is spent, or the page yields nothing new; whatever remains is the head of
 * the same query for the next run. Then reminds staff of requests about to
 * lapse unreviewed.
 */
export async function expireStale(now: Date, opts: ExpiryOptions = {}): Promise<ExpiryResult> {
  const pageSize = Math.min(500, Math.max(1, Math.floor(opts.pageSize ?? DEFAULTS.pageSize)));
  const budgetMs = opts.budgetMs ?? DEFAULTS.budgetMs;
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULTS.concurrency);
  const clock = opts.clock ?? Date.now;
  const startedAt = clock();
  const outOfTime = () => clock() - startedAt >= budgetMs;
  const result: ExpiryResult = { expired: 0, checked: 0, reminded: 0, failed: 0, more: false };

  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    if (outOfTime()) {
      result.more = true;
      break;
    }
// query-shape: appointments.lapsed
    let query = appointments()
      .where("status", "in", [...WAITING])
      .where("expiresAt", "<=", Timestamp.fromDate(now))
      .orderBy("expiresAt")
      .limit(pageSize);
    // Expired ones leave the query, but one that failed would stay at its
    // head: continue after the last one looked at, never re-read it this run.
    if (after) query = query.startAfter(after);
    const page = await query.get();
    if (page.empty) break;
    await inBatches(page.docs, concurrency, async (doc) => {
      result.checked += 1;
      try {
        if (await expireIfLapsed(doc.id, now)) result.expired += 1;
      } catch (error) {
        result.failed += 1;
        console.error(`expireStale: ${doc.id} failed`, error);
      }
    });
    after = page.docs[page.docs.length - 1];
    if (page.size < pageSize) break;
  }
  if (!outOfTime()) result.reminded = await remindStaff(now, pageSize);
  else result.more = true;
  return result;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/**
 * One email per unreviewed request to the clinic's reviewers, 2 hours before
 * it lapses. `reminderSentAt` is written in the same transaction that queues
 * the email, and the transaction re-checks it: two runs send one reminder.
 */
async function remindStaff(now: Date, limit: number): Promise<number> {
// query-shape: appointments.reminderDue
  const due = await appointments()
    .where("status", "==", "pending")
    .where("reminderSentAt", "==", null)
    .where("expiresAt", ">", Timestamp.fromDate(now))
    .where("expiresAt", "<=", Timestamp.fromMillis(now.getTime() + REMINDER_MS))
    .orderBy("expiresAt")
    .limit(limit)
    .get();
  let sent = 0;
  const appUrl = serverEnv().APP_URL;
  for (const doc of due.docs) {
    const queued = await db().runTransaction(async (tx) => {
      const snapshot = await tx.get(doc.ref);
      const a = snapshot.data() as AppointmentDoc | undefined;
      if (!a || a.status !== "pending" || (a.reminderSentAt ?? null) !== null || !a.expiresAt) return false;
      // Waiting for the patient to confirm their email: the clinic has not been told of it yet.
      if (a.emailConfirmedAt === null) return false;
      const left = a.expiresAt.toMillis() - now.getTime();
      if (left <= 0 || left > REMINDER_MS) return false;
      const to = await readRequestRecipients(tx, a.clinicId, a.clinicContact.email, a.doctorId);
      tx.update(doc.ref, { reminderSentAt: Timestamp.fromDate(now) });
      const url = `${appUrl}/dashboard/requests/${doc.id}`;
      for (const address of to) queueMail(tx, reviewReminderEmail(a, address, url), { appointmentId: doc.id, kind: "reminder" });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}
