import "server-only";
import type { Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { AppointmentAction, Actor } from "@/lib/domain/appointments/state-machine";
import { db } from "../firebase";

export interface PatientContact {
  name: string;
  email: string;
  phone: string;
}

/** appointments/{id}. Snapshots (names, zone, fee) keep the record true if settings change later. */
export interface AppointmentDoc {
  clinicId: string;
  clinicSlug: string;
  clinicName: string;
  clinicContact: { phone: string; email: string; address: string };
  doctorId: string;
  doctorName: string;
  timezone: string;
  /** The time the appointment is currently for. While rescheduled, the PROPOSED time (which lockIds hold). */
  start: Timestamp;
  end: Timestamp;
  bufferMinutes: number;
  status: AppointmentStatus;
  /** When the current hold lapses; null when nothing is pending (confirmed or ended). */
  expiresAt: Timestamp | null;
  patient: PatientContact;
  reason: string;
  feeCents: number;
  currency: string;
  /** SHA-256 of the patient's status-page token; the token itself is never stored. */
  tokenHash: string;
  /** Hashes of the fresh tokens in later emails' status links (see newStatusLink); missing = none. */
  linkTokenHashes?: string[];
  /** The slot-lock documents this appointment holds while it is active. */
  lockIds: string[];
  /** Number of history entries; the next one is history/{version + 1}. */
  version: number;
  /** Set while status is "rescheduled": the time the proposal replaced, and who proposed it. */
  proposal: AppointmentProposal | null;
  /**
   * False only for a pending request whose patient turned down a proposed time:
   * no locks, no busy time, expires 24 h after the rejection unless staff act.
   * Missing on documents written before this field existed: read as true.
   */
  timeHeld: boolean;
  /** Staff's reason for declining; shown to the patient. */
  declineReason: string | null;
  /** The patient's reason for cancelling, if they gave one (never emailed). */
  cancelReason: string | null;
  /** Filled by the payments issue; always null until payments exist. */
  payment: AppointmentPayment | null;
  /**
   * When staff were reminded that this request lapses in 2 hours (expiry.ts),
   * set in the same transaction as the reminder email; null until then.
   * Missing on older documents: they get no reminder.
   */
  reminderSentAt?: Timestamp | null;
  /**
   * Only at clinics that ask patients to confirm their email first: null until
   * the patient opens the confirmation link (the hold is 30 minutes until
   * then), then when they did. Missing = no confirmation was asked.
   */
  emailConfirmedAt?: Timestamp | null;
  source: "web" | "api";
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AppointmentProposal {
  previousStart: Timestamp;
  previousEnd: Timestamp;
  /** Staff's optional message to the patient. */
  message: string | null;
  at: Timestamp;
  /** Member uid of the proposer. */
  by: string;
}

/** Placeholder for the payments issue; nothing writes it yet. */
export interface AppointmentPayment {
  status: "paid" | "refunded";
}

export const isPaid = (a: Pick<AppointmentDoc, "payment">) => a.payment?.status === "paid";
/** Documents written before `timeHeld` existed hold their time. */
export const holdsTime = (a: Pick<AppointmentDoc, "timeHeld">) => a.timeHeld !== false;

/** appointments/{id}/history/{seq}: append-only, created and never changed. */
export interface HistoryEntry {
  action: AppointmentAction | "request";
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  actor: Actor;
  /** Member uid, or "patient", or "system" (the expiry job, the payment webhook). */
  by: string;
  /** The member's display name at the time, or "Patient" / "System". */
  byName: string;
  at: Timestamp;
  note?: string;
}

/** Who did it, as history records it. */
export interface ActedBy {
  by: string;
  byName: string;
}
export const PATIENT: ActedBy = { by: "patient", byName: "Patient" };
export const SYSTEM: ActedBy = { by: "system", byName: "System" };

export const appointments = () => db().collection("appointments");

/** How long a time is held while someone must act: the clinic on a request, the patient on a proposal or payment. */
export const HOLD_MS = 24 * 60 * 60 * 1000;

/** Zero-padded so the ids sort in order. */
export const historyId = (seq: number) => String(seq).padStart(6, "0");
