import "server-only";
import { createHash } from "node:crypto";
import type { Timestamp } from "firebase-admin/firestore";
import type { Weekday } from "@/lib/domain/slots";
import { db } from "@/lib/server/firebase";

// The waiting list's documents (docs/data-model.md): entries, the "time freed"
// wake-ups written where locks are released, and the per-entry markers that
// make each wake-up email a person at most once.

export interface WaitlistEntryDoc {
  clinicId: string;
  doctorId: string;
  email: string;
  /** Preferred days of the week; empty = any day. */
  days: Weekday[];
  /** The first join: the order people are told in (a re-join keeps it). */
  joinedAt: Timestamp;
  updatedAt: Timestamp;
  /** 30 days after the last join; then the entry no longer waits. */
  expiresAt: Timestamp;
  /** For a TTL policy (a day after expiresAt); no read depends on it. */
  ttlAt: Timestamp;
  /** SHA-256 of each leave link's token: every email carries its own, and every one keeps working. */
  leaveTokenHashes: string[];
  lastNotifiedAt: Timestamp | null;
}

export interface WaitlistWakeupDoc {
  clinicId: string;
  /** null: every active doctor of the clinic (a re-opened date). */
  doctorId: string | null;
  /** The freed span, as instants (released locks, new hours) … */
  from: Timestamp | null;
  to: Timestamp | null;
  /** … or as the clinic's local dates (a re-opened closure). */
  fromDate: string | null;
  toDate: string | null;
  reason: "released" | "hours" | "reopened";
  createdAt: Timestamp;
  /** null until every batch was processed; the job queries on it. */
  doneAt: Timestamp | null;
  ttlAt: Timestamp;
}

export interface WaitlistNoticeDoc {
  wakeupId: string;
  entryId: string;
  clinicId: string;
  doctorId: string;
  date: string;
  sentAt: Timestamp;
  ttlAt: Timestamp;
}

export const waitlist = () => db().collection("waitlist");
export const waitlistWakeups = () => db().collection("waitlistWakeups");
export const waitlistNotices = () => db().collection("waitlistNotices");

const emailHash = (email: string) => createHash("sha256").update(email).digest("hex").slice(0, 32);

/** One entry per clinic, doctor and email, by construction: a second join finds and updates it. */
export const waitlistEntryId = (clinicId: string, doctorId: string, email: string) => `${clinicId}_${doctorId}_${emailHash(email)}`;
export const waitlistEntryRef = (clinicId: string, doctorId: string, email: string) => waitlist().doc(waitlistEntryId(clinicId, doctorId, email));
export const noticeRef = (wakeupId: string, entryId: string) => waitlistNotices().doc(`${wakeupId}_${entryId}`);

const leaveQuery = (entryId: string, token: string) => `w=${encodeURIComponent(entryId)}&t=${token}`;
/** The link in the email's text: a page whose button leaves (opening it changes nothing: mail scanners open links). */
export const leaveUrl = (appUrl: string, entryId: string, token: string) => `${appUrl}/waitlist/leave?${leaveQuery(entryId, token)}`;
/** The email's List-Unsubscribe address: a mail app's one-click "Unsubscribe" POSTs here (RFC 8058) and leaves at once. */
export const oneClickLeaveUrl = (appUrl: string, entryId: string, token: string) => `${appUrl}/api/waitlist/leave?${leaveQuery(entryId, token)}`;
