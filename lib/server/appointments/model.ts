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
  /** The slot-lock documents this appointment holds while it is active. */
  lockIds: string[];
  /** Number of history entries; the next one is history/{version + 1}. */
  version: number;
  source: "web" | "api";
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** appointments/{id}/history/{seq}: append-only, created and never changed. */
export interface HistoryEntry {
  action: AppointmentAction | "request";
  from: AppointmentStatus | null;
  to: AppointmentStatus;
  actor: Actor;
  at: Timestamp;
  note?: string;
}

export const appointments = () => db().collection("appointments");

/** Zero-padded so the ids sort in order. */
export const historyId = (seq: number) => String(seq).padStart(6, "0");
