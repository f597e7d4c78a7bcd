import "server-only";
import { FieldValue, Timestamp, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { inBatches, isWaiting, planWakes, wakeDates, type Wake, type WaitingEntry } from "@/lib/domain/waitlist";
import { bookableWindow } from "@/lib/domain/booking-calendar";
import { isAppError } from "@/lib/domain/errors";
import { dayNumberToLocalDate, localDayNumberAt, type LocalDate } from "@/lib/domain/slots";
import { localDateKey } from "@/lib/domain/time-format";
import { loadClinicDoctor, type BookingTarget } from "@/lib/server/booking/bookable-doctor";
import { freeSlotsOf } from "@/lib/server/booking/free-slot-reader";
import { newAccessToken } from "@/lib/server/appointments/tokens";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { isAlreadyExists } from "@/lib/server/firestore-errors";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { leaveUrl, oneClickLeaveUrl, noticeRef, waitlist, waitlistWakeups, type WaitlistEntryDoc, type WaitlistNoticeDoc, type WaitlistWakeupDoc } from "./entries";
import { calendarUrl } from "./join";
import { timeOpenedEmail } from "@/lib/server/mail/waitlist-emails";

const NOTICE_TTL_MS = 31 * 86_400_000;
const WAKEUP_PAGE = 20;

export interface WakeResult {
  wakeups: number;
  emailed: number;
  failed: number;
  more: boolean;
}

/**
 * Works through the wake-ups not yet done, oldest first (all of them, or one
 * clinic's right after its commit freed time): for each, the doctors' dates in
 * the freed span that have free time now, then everyone waiting for those
 * doctors and days, in join order, in batches. Each batch is one transaction
 * that creates a marker per person (waitlistNotices/{wakeup}_{entry}) with
 * their email; a marker that exists means they were told, so a rerun, a
 * retry or a second run at the same time emails nobody twice. The wake-up is
 * marked done after its last batch; a failure leaves it for the next run.
 */
export async function processWakeups(now: Date, options: { clinicId?: string; budgetMs?: number } = {}): Promise<WakeResult> {
  const startedAt = Date.now();
  const budgetMs = options.budgetMs ?? 45_000;
  const result: WakeResult = { wakeups: 0, emailed: 0, failed: 0, more: false };
  const page = await openWakeups(options.clinicId).limit(WAKEUP_PAGE).get();
  for (const wakeup of page.docs) {
    if (Date.now() - startedAt >= budgetMs) return { ...result, more: true };
    try {
      result.emailed += await processWakeup(wakeup, now);
      await wakeup.ref.update({ doneAt: Timestamp.fromDate(now) });
      result.wakeups += 1;
    } catch (error) {
      result.failed += 1;
      console.error(`Waitlist wake-up ${wakeup.id} failed; the next run retries it`, error);
    }
  }
  return { ...result, more: result.more || page.size === WAKEUP_PAGE };
}

function openWakeups(clinicId: string | undefined) {
  if (clinicId) {
    // query-shape: waitlistWakeups.openForClinic
    return waitlistWakeups().where("clinicId", "==", clinicId).where("doneAt", "==", null).orderBy("createdAt", "asc");
  }
  // query-shape: waitlistWakeups.open
  return waitlistWakeups().where("doneAt", "==", null).orderBy("createdAt", "asc");
}

/** Right after a commit that freed time: tell the waiting at once. Never fails the verb (the scheduled job retries). */
export async function wakeWaitlistNow(clinicId: string, now: Date): Promise<void> {
  try {
    await processWakeups(now, { clinicId, budgetMs: 10_000 });
  } catch (error) {
    console.error("Waking the waiting list failed; the scheduled job retries it", error);
  }
}

async function processWakeup(snapshot: QueryDocumentSnapshot, now: Date): Promise<number> {
  const w = snapshot.data() as WaitlistWakeupDoc;
  // query-shape: doctors.active
  const doctorIds = w.doctorId ? [w.doctorId] : (await db().collection("clinics").doc(w.clinicId).collection("doctors").where("active", "==", true).get()).docs.map((d) => d.id);
  let emailed = 0;
  for (const doctorId of doctorIds) {
    // Most freed time has nobody waiting for it: one query, and nothing else is read.
    const waiting = await waitingEntries(w.clinicId, doctorId, now);
    if (waiting.length === 0) continue;
    const target = await loadDoctor(w.clinicId, doctorId);
    if (!target) continue;
    const dates = await freeDates(target, w, now);
    if (dates.length === 0) continue;
    const wakes = planWakes(waiting, dates, now.getTime());
    for (const batch of inBatches(wakes)) emailed += await notifyBatch(snapshot.id, target, batch, now);
  }
  return emailed;
}

async function loadDoctor(clinicId: string, doctorId: string): Promise<BookingTarget | null> {
  try {
    const target = await loadClinicDoctor(clinicId, doctorId);
    return target.bookingOpen ? target : null;
  } catch (error) {
    // A doctor deactivated (or removed) since: nobody can book them, so nobody is told.
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** The dates of the freed span with free time now (the freed time may be taken again already, or too soon to book). */
async function freeDates(target: BookingTarget, w: WaitlistWakeupDoc, now: Date): Promise<LocalDate[]> {
  const zone = target.clinic.timezone;
  const today = dayNumberToLocalDate(localDayNumberAt(zone, now.getTime()));
  const freed =
    w.fromDate && w.toDate
      ? { from: w.fromDate as LocalDate, to: w.toDate as LocalDate }
      : { from: localDateKey(w.from!.toMillis(), zone) as LocalDate, to: localDateKey(w.to!.toMillis() - 1, zone) as LocalDate };
  const range = wakeDates(freed, bookableWindow(today, target.schedule.horizonDays));
  if (!range) return [];
  const { slots } = await freeSlotsOf(target, range.from, range.to, now);
  return [...new Set(slots.map((s) => localDateKey(Date.parse(s.start), zone) as LocalDate))];
}

async function waitingEntries(clinicId: string, doctorId: string, now: Date): Promise<WaitingEntry[]> {
  // query-shape: waitlist.forDoctor
  const found = await waitlist().where("clinicId", "==", clinicId).where("doctorId", "==", doctorId).orderBy("joinedAt", "asc").get();
  return found.docs
    .map((d) => {
      const e = d.data() as WaitlistEntryDoc;
      return { id: d.id, days: e.days ?? [], joinedAt: e.joinedAt.toMillis(), expiresAt: e.expiresAt.toMillis() };
    })
    .filter((e) => isWaiting(e, now.getTime()));
}

/** One batch in one transaction; a create that met a marker another run just wrote (ALREADY_EXISTS) reruns it. */
async function notifyBatch(wakeupId: string, target: BookingTarget, batch: Wake[], now: Date): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await commitBatch(wakeupId, target, batch, now);
    } catch (error) {
      if (!isAlreadyExists(error) || attempt >= 2) throw error;
    }
  }
}

async function commitBatch(wakeupId: string, target: BookingTarget, batch: Wake[], now: Date): Promise<number> {
  const { clinic, doctor } = target;
  const appUrl = serverEnv().APP_URL;
  const at = Timestamp.fromDate(now);
  return db().runTransaction(async (tx) => {
    const markers = await tx.getAll(...batch.map((b) => noticeRef(wakeupId, b.entryId)));
    const entries = await tx.getAll(...batch.map((b) => waitlist().doc(b.entryId)));
    let sent = 0;
    batch.forEach((wake, i) => {
      const entry = entries[i]!;
      // Told already (by this run's earlier try or another run), left, used by a booking, or lapsed since the plan.
      if (markers[i]!.exists || !entry.exists) return;
      const e = entry.data() as WaitlistEntryDoc;
      if (!isWaiting({ expiresAt: e.expiresAt.toMillis() }, now.getTime())) return;
      const marker: WaitlistNoticeDoc = { wakeupId, entryId: entry.id, clinicId: clinic.id, doctorId: doctor.id, date: wake.date, sentAt: at, ttlAt: Timestamp.fromMillis(now.getTime() + NOTICE_TTL_MS) };
      tx.create(markers[i]!.ref, marker);
      const { token, hash } = newAccessToken();
      tx.update(entry.ref, { leaveTokenHashes: FieldValue.arrayUnion(hash), lastNotifiedAt: at });
      const context = { clinic: { name: clinic.name, phone: clinic.phone, email: clinic.email, address: clinic.address, timezone: clinic.timezone }, doctorName: doctor.name, to: e.email, leaveUrl: leaveUrl(appUrl, entry.id, token), oneClickLeaveUrl: oneClickLeaveUrl(appUrl, entry.id, token) };
      queueMail(tx, timeOpenedEmail(context, wake.date, calendarUrl(appUrl, target, wake.date), now), { clinicId: clinic.id, waitlistEntryId: entry.id });
      sent += 1;
    });
    return sent;
  });
}

/** The changes that can release a time (their commits wrote a wake-up where they deleted locks). */
// A patient's move frees a time too: the old one (moved at once, or approved) or the held new one (declined, withdrawn, lapsed).
export const FREES_TIME: ReadonlySet<string> = new Set(["cancel", "decline", "expire", "clinic_cancel", "reject", "propose", "withdraw", "move", "approve_move", "decline_move", "withdraw_move"]);
