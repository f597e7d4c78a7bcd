import "server-only";
import { createHash } from "node:crypto";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { MAX_WAITLIST_ENTRIES_PER_EMAIL, waitlistExpiry, type WaitlistJoin } from "@/lib/domain/waitlist";
import { loadBookableDoctor, type BookingTarget } from "@/lib/server/booking/bookable-doctor";
import { RateLimitError, exemptFromIpLimit } from "@/lib/server/booking/request-limits";
import { newAccessToken } from "@/lib/server/appointments/tokens";
import { appNow } from "@/lib/server/clock";
import { serverEnv } from "@/lib/server/env";
import { db } from "@/lib/server/firebase";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { patientHoldId } from "@/lib/server/privacy/patient-key";
import { leaveUrl, oneClickLeaveUrl, waitlist, waitlistEntryRef, type WaitlistEntryDoc } from "./entries";
import { joinedEmail } from "@/lib/server/mail/waitlist-emails";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

export interface JoinedWaitlist {
  /** False when this email already waited for this doctor: the entry was updated, not added. */
  added: boolean;
  expiresAt: string;
}

/** The booking page's calendar at a date (or at its first free day). */
export const calendarUrl = (appUrl: string, b: Pick<BookingTarget, "clinic" | "doctor">, date?: string) =>
  `${appUrl}/book/${b.clinic.slug}/${b.doctor.slug || b.doctor.id}${date ? `?date=${date}` : ""}`;

/**
 * Someone asks to be told when a time opens with this doctor. In one
 * transaction, with the limits a booking request has: the per-email one
 * (at most MAX_WAITLIST_ENTRIES_PER_EMAIL doctors waited for at the clinic,
 * counted by a query and guarded by the same per-email document a request
 * writes, so two racing joins conflict) and the per-address one (the clinic's
 * hourly allowance, counted separately from requests). A second join for the
 * same doctor and email updates that entry (days, 30 more days) and keeps its
 * place. Every join emails the address a leave link, so whoever owns it can
 * undo a join someone else typed.
 */
export async function joinWaitlist(slug: string, doctorId: string, input: WaitlistJoin, options: { ip: string | null; now?: Date }): Promise<JoinedWaitlist> {
  const now = options.now ?? appNow();
  const target = await loadBookableDoctor(slug, doctorId);
  const { clinic, doctor } = target;
  const appUrl = serverEnv().APP_URL;
  const ref = waitlistEntryRef(clinic.id, doctor.id, input.email);
  const guardRef = db().collection("patientHolds").doc(patientHoldId(clinic.id, input.email));
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const ip = options.ip;
  const counterRef = ip && !exemptFromIpLimit(ip) ? db().collection("requestCounters").doc(`${clinic.id}_waitlist_${hash(ip)}_${hour}`) : null;
  const { token, hash: tokenHash } = newAccessToken();
  const at = Timestamp.fromDate(now);
  const expiresAt = Timestamp.fromMillis(waitlistExpiry(now.getTime()));

  return db().runTransaction(async (tx) => {
    const [existing, counter, others] = await Promise.all([
      tx.get(ref),
      counterRef ? tx.get(counterRef) : Promise.resolve(null),
      waitingFor(tx, clinic.id, input.email, now),
      tx.get(guardRef),
    ]);
    if (counter && Number(counter.get("count") ?? 0) >= target.requestRules.ipRequestsPerHour) {
      throw new RateLimitError(
        "Too many requests have come from your network in the last hour. Please try again later, or call the clinic.",
        Math.max(1, Math.ceil(((hour + 1) * HOUR_MS - now.getTime()) / 1000)),
      );
    }
    const added = !existing.exists || (existing.get("expiresAt") as Timestamp).toMillis() <= now.getTime();
    if (added && others.filter((id) => id !== ref.id).length >= MAX_WAITLIST_ENTRIES_PER_EMAIL) {
      throw new RateLimitError(
        `You're already on ${MAX_WAITLIST_ENTRIES_PER_EMAIL} waiting lists at this clinic. Leave one (the link is in its emails) or wait for a time to open.`,
        DAY_MS / 1000,
      );
    }
    const entry: WaitlistEntryDoc = {
      clinicId: clinic.id,
      doctorId: doctor.id,
      email: input.email,
      days: [...input.days],
      // A re-join keeps its place in the queue; a lapsed one starts again at the back.
      joinedAt: added ? at : (existing.get("joinedAt") as Timestamp),
      updatedAt: at,
      expiresAt,
      ttlAt: Timestamp.fromMillis(expiresAt.toMillis() + DAY_MS),
      leaveTokenHashes: added ? [tokenHash] : [...((existing.get("leaveTokenHashes") as string[] | undefined) ?? []), tokenHash],
      lastNotifiedAt: added ? null : ((existing.get("lastNotifiedAt") as Timestamp | null | undefined) ?? null),
    };
    tx.set(ref, entry);
    tx.set(guardRef, { lastWaitlistJoinAt: at, ttlAt: Timestamp.fromMillis(now.getTime() + 90 * DAY_MS) }, { merge: true });
    if (counterRef) {
      const count = Number(counter?.get("count") ?? 0) + 1;
      tx.set(counterRef, { count, hourEnd: Timestamp.fromMillis((hour + 1) * HOUR_MS), ttlAt: Timestamp.fromMillis((hour + 2) * HOUR_MS) });
    }
    const context = { clinic: { name: clinic.name, phone: clinic.phone, email: clinic.email, address: clinic.address, timezone: clinic.timezone }, doctorName: doctor.name, to: input.email, leaveUrl: leaveUrl(appUrl, ref.id, token), oneClickLeaveUrl: oneClickLeaveUrl(appUrl, ref.id, token) };
    queueMail(tx, joinedEmail(context, input.days, expiresAt.toDate(), calendarUrl(appUrl, target), now), { clinicId: clinic.id, waitlistEntryId: ref.id });
    return { added, expiresAt: expiresAt.toDate().toISOString() };
  });
}

/** The ids of the entries this email is waiting on at the clinic (lapsed ones left out). */
async function waitingFor(tx: Transaction, clinicId: string, email: string, now: Date): Promise<string[]> {
  // query-shape: waitlist.byClinicAndEmail
  const found = await tx.get(waitlist().where("clinicId", "==", clinicId).where("email", "==", email).select("expiresAt"));
  return found.docs.filter((d) => (d.get("expiresAt") as Timestamp).toMillis() > now.getTime()).map((d) => d.id);
}

/** A booking uses the entry: the person booked this doctor, so they no longer wait (in the request's commit). */
export function useWaitlistEntry(tx: Transaction, clinicId: string, doctorId: string, email: string): void {
  tx.delete(waitlistEntryRef(clinicId, doctorId, email));
}

