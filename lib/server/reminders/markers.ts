import "server-only";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { DAY_MS } from "@/lib/domain/slots/local-time";
import { db } from "@/lib/server/firebase";

/**
 * sentReminders/{key}: one document per reminder ever queued, created (never
 * set) in the transaction that queues its email. The key is the reminder's
 * identity (lib/domain/reminders: visitReminderKey, doctorDayKey), so a
 * second sweep, a rerun or a retried transaction meets the existing document
 * and sends nothing: exactly once by construction. `expireAt` (a TTL field)
 * is a week after the reminder could last be due, long after any sweep could
 * look for it again.
 */
export interface ReminderMarker {
  kind: "visit" | "doctorDay";
  clinicId: string;
  /** kind "visit": the appointment and the start it was reminded of. */
  appointmentId?: string;
  start?: Timestamp;
  /** kind "doctorDay": the doctor and the clinic's local date. */
  doctorId?: string;
  date?: string;
  /** How many emails this reminder queued (a doctor's-day marker with 0: that day had no visits). */
  emails: number;
  sentAt: Timestamp;
  expireAt: Timestamp;
}

export const sentReminders = () => db().collection("sentReminders");

export const markerRef = (key: string): DocumentReference => sentReminders().doc(key);

/** A week after `lastDue`: the TTL policy may delete the marker from then. */
export const markerExpiry = (lastDue: number) => Timestamp.fromMillis(lastDue + 7 * DAY_MS);
