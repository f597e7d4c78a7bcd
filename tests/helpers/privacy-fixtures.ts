// One patient (Ada, ada@example.com) with every kind of record at the free
// clinic F: a visit that took place (notes, outcome, a payment and an extra
// charge written as the webhook would), a declined request and one she
// cancelled; the same email at clinic A (another clinic) and another patient
// at F. Built through the verbs, on review-fixtures' world.
import { joinWaitlist } from "@/lib/server/waitlist/join";
import type { DocumentData } from "firebase-admin/firestore";
import { Timestamp } from "firebase-admin/firestore";
import type { Caller } from "@/lib/domain/roles";
import { cancelAppointmentByPatient } from "@/lib/server/appointments/patient";
import { requestAppointment } from "@/lib/server/appointments/request";
import { approveAppointment, declineAppointment } from "@/lib/server/appointments/review";
import { db } from "@/lib/server/firebase";
import { saveVisitNotes, setVisitOutcome } from "@/lib/server/visits/staff-visits";
import { at, callers, later, NOW, seedReviewWorld } from "./review-fixtures";

export const ADA = { name: "Ada Quillfeather", email: "ada@example.com", phone: "+1 555 010 7788" };
export const BOB = { name: "Bob Tarragon", email: "bob@example.com", phone: "+1 555 010 4455" };
export const REASON = "SECRET-REASON knee pain";
export const NOTES = "NOTES-SECRET left knee, ice twice a day";
/** Every piece of Ada's personal data that erasure must remove. */
export const ADA_SECRETS = [ADA.name, ADA.email, ADA.phone, REASON, NOTES];

export const fAdmin: Caller = { uid: "f-admin", email: "admin@f.test", name: "Fia Admin", clinicId: "clinic-f", clinicName: "clinic-f", role: "admin" };
export const fDoctor: Caller = { uid: "f-doc1", email: "doc1@f.test", name: "Dr. Eff", clinicId: "clinic-f", clinicName: "clinic-f", role: "doctor", doctorId: "dr-f1" };
/** After the visit (Tue 2030-01-08 09:00 EST) is over. */
export const AFTER_VISIT = new Date("2030-01-09T12:00:00Z");

export async function bookAs(who: { name: string; email: string; phone: string }, slug: string, doctorId: string, start: string, now = NOW) {
  const reason = who === ADA ? REASON : `${who.name}'s own reason`;
  const created = await requestAppointment(slug, doctorId, { start, patient: who, reason }, { source: "web", now });
  return { id: created.id, token: new URL(created.statusUrl).searchParams.get("t")! };
}

export interface PatientWorld {
  visit: { id: string; token: string };
  declined: { id: string; token: string };
  cancelled: { id: string; token: string };
  bobAtF: { id: string; token: string };
  adaAtA: { id: string; token: string };
}

export async function seedPatientWorld(): Promise<PatientWorld> {
  await seedReviewWorld();
  for (const m of [fAdmin, fDoctor]) {
    await db().doc(`members/${m.uid}`).set({ clinicId: m.clinicId, role: m.role, email: m.email, name: m.name, ...(m.doctorId ? { doctorId: m.doctorId } : {}) });
  }
  const visit = await bookAs(ADA, "clinic-f", "dr-f1", at("09:00"));
  await approveAppointment(callers.freeStaff, visit.id, { now: later(1) });
  await saveVisitNotes(fDoctor, visit.id, { notes: NOTES, expectedVersion: 0 }, later(2));
  await setVisitOutcome(fDoctor, visit.id, "completed", new Date("2030-01-08T14:40:00Z"));
  // The money as the webhook records it, and a second charge it refunded.
  await db().doc(`appointments/${visit.id}`).update({
    payment: { status: "paid", amountCents: 5000, currency: "usd", intentId: "pi_visit", chargeId: "ch_visit", paidAt: Timestamp.fromDate(later(1)), refundReason: null, refundId: null, refundedCents: 0, refundedAt: null, flagged: null },
  });
  await db().doc("extraCharges/pi_extra").set({ appointmentId: visit.id, clinicId: "clinic-f", status: "refunded", amountCents: 5000, currency: "usd", intentId: "pi_extra", chargeId: "ch_extra", paidAt: Timestamp.fromDate(later(1)), refundReason: "duplicate", refundId: "re_extra", refundedCents: 5000, refundedAt: Timestamp.fromDate(later(2)), flagged: null });

  const declined = await bookAs(ADA, "clinic-f", "dr-f1", at("10:20"));
  await declineAppointment(callers.freeStaff, declined.id, { reason: "The doctor is away that week." }, { now: later(2) });
  const cancelled = await bookAs(ADA, "clinic-f", "dr-f1", at("11:00"));
  await cancelAppointmentByPatient(cancelled.id, cancelled.token, later(3));
  const bobAtF = await bookAs(BOB, "clinic-f", "dr-f1", at("11:40"));
  const adaAtA = await bookAs(ADA, "clinic-a", "dr-a1", at("09:00"));
  // Ada waits for a time with the doctor at clinic F (after her bookings there, which would use the entry) and at A.
  await joinWaitlist("clinic-f", "dr-f1", { email: ADA.email, days: ["tue"] }, { ip: null, now: NOW });
  await joinWaitlist("clinic-a", "dr-a1", { email: ADA.email, days: [] }, { ip: null, now: NOW });
  // Doctor's-day digests as lib/server/reminders/doctor-day.ts queues them: times and first names, no appointment id.
  const digest = (clinicId: string, line: string) => ({ to: "doc1@f.test", message: { subject: "Your visits on Tue, Jan 8", text: `Your visits:\n${line}`, html: `<p>${line}</p>` }, clinicId, kind: "doctorDay", createdAt: Timestamp.fromDate(NOW) });
  await db().doc("mail/digest-ada-f").set(digest("clinic-f", `9:00 AM — ${ADA.name.split(" ")[0]}`));
  await db().doc("mail/digest-bob-f").set(digest("clinic-f", `11:40 AM — ${BOB.name.split(" ")[0]}`));
  await db().doc("mail/digest-ada-a").set(digest("clinic-a", `9:00 AM — ${ADA.name.split(" ")[0]}`));
  return { visit, declined, cancelled, bobAtF, adaAtA };
}

/** Every document in the database, subcollections included, by path. */
export async function allDocuments(): Promise<Map<string, DocumentData>> {
  const out = new Map<string, DocumentData>();
  const walk = async (collections: FirebaseFirestore.CollectionReference[]) => {
    for (const collection of collections) {
      for (const doc of (await collection.get()).docs) {
        out.set(doc.ref.path, doc.data());
        await walk(await doc.ref.listCollections());
      }
    }
  };
  await walk(await db().listCollections());
  return out;
}

/**
 * Which clinic a document belongs to: its clinicId, its appointment's (mail,
 * history, extra charges), or null for documents of no clinic.
 */
export function clinicOf(path: string, data: DocumentData, all: Map<string, DocumentData>): string | null {
  if (typeof data.clinicId === "string") return data.clinicId;
  const appointmentId = typeof data.appointmentId === "string" ? data.appointmentId : /^appointments\/([^/]+)\//.exec(path)?.[1];
  if (appointmentId) return (all.get(`appointments/${appointmentId}`)?.clinicId as string | undefined) ?? null;
  return null;
}
