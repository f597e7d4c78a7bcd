import "server-only";
import { Timestamp, type DocumentData, type QueryDocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { isLiveAppointment } from "@/lib/domain/privacy/erasure";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";
import { db } from "@/lib/server/firebase";

/** A patient's appointments at one clinic: email equality on the stored, lower-cased address. */
export async function patientAppointments(clinicId: string, email: string, tx?: Transaction): Promise<QueryDocumentSnapshot[]> {
  // query-shape: appointments.ofPatient
  const query = appointments().where("clinicId", "==", clinicId).where("patient.email", "==", email);
  const snapshot = tx ? await tx.get(query) : await query.get();
  return [...snapshot.docs].sort((a, b) => (a.get("createdAt")?.toMillis?.() ?? 0) - (b.get("createdAt")?.toMillis?.() ?? 0));
}

export function isLive(a: AppointmentDoc, now: Date): boolean {
  return isLiveAppointment({ status: a.status, endMs: a.end.toMillis() }, now.getTime());
}

/** The mail queued for one appointment (to the patient, and to staff about it). */
export function mailOfAppointment(id: string) {
  // query-shape: mail.ofAppointment
  return db().collection("mail").where("appointmentId", "==", id);
}

/**
 * The clinic's doctor's-day digests: one email per doctor and day listing
 * that day's visits by time and the patient's first name, with no appointment
 * id (lib/server/reminders/doctor-day.ts). Not exported (they name other
 * patients too); erasure deletes those that name the patient.
 */
export function digestMailOfClinic(clinicId: string) {
  // query-shape: mail.digestsOfClinic
  return db().collection("mail").where("clinicId", "==", clinicId).where("kind", "==", "doctorDay");
}

/** Charges that are not the appointment's own payment (refunded extras), for the export. */
export function extraChargesOfAppointment(id: string) {
  // query-shape: extraCharges.ofAppointment
  return db().collection("extraCharges").where("appointmentId", "==", id);
}

/** Firestore values as plain JSON: Timestamps become ISO strings, recursively. */
export function plain(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as DocumentData).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
