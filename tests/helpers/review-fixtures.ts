// A small world for the review verbs' integration tests, written straight to
// Firestore (no Auth accounts needed: the verbs take a resolved Caller).
// Clinic A charges $50 and has two doctors; clinic B's doctor shares the id
// "dr-a1" with clinic A's; clinic F is free.
import type { Caller } from "@/lib/domain/roles";
import { requestAppointment } from "@/lib/server/appointments/request";
import { db } from "@/lib/server/firebase";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { patient, seedClinic } from "./clinic-fixtures";

// Monday 2030-01-07, 07:00 in New York. Requests are for Tuesday the 8th
// (EST, UTC-5) on a 30-minute grid with a 10-minute buffer: 09:00, 09:40, 10:20, 11:00, 11:40, ...
export const NOW = new Date("2030-01-07T12:00:00Z");
export const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
export const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();

type Member = { uid: string; clinicId: string; role: Caller["role"]; doctorId?: string; email: string; name: string; notifyRequests?: boolean };

const MEMBERS: Member[] = [
  { uid: "a-admin", clinicId: "clinic-a", role: "admin", email: "admin@a.test", name: "Ann Admin" },
  { uid: "a-staff", clinicId: "clinic-a", role: "staff", email: "staff@a.test", name: "Sam Lee" },
  { uid: "a-doc1", clinicId: "clinic-a", role: "doctor", doctorId: "dr-a1", email: "doc1@a.test", name: "Dr. One" },
  { uid: "a-doc2", clinicId: "clinic-a", role: "doctor", doctorId: "dr-a2", email: "doc2@a.test", name: "Dr. Two" },
  { uid: "a-quiet", clinicId: "clinic-a", role: "staff", email: "quiet@a.test", name: "Quiet Staff", notifyRequests: false },
  { uid: "b-staff", clinicId: "clinic-b", role: "staff", email: "staff@b.test", name: "Bo Staff" },
  { uid: "f-staff", clinicId: "clinic-f", role: "staff", email: "staff@f.test", name: "Fay Staff" },
];

const callerFor = (m: Member): Caller => ({
  uid: m.uid,
  email: m.email,
  name: m.name,
  clinicId: m.clinicId,
  clinicName: m.clinicId,
  role: m.role,
  ...(m.doctorId ? { doctorId: m.doctorId } : {}),
});
const byUid = (uid: string) => callerFor(MEMBERS.find((m) => m.uid === uid)!);

export const callers = {
  admin: byUid("a-admin"),
  staff: byUid("a-staff"),
  doctor: byUid("a-doc1"),
  otherDoctor: byUid("a-doc2"),
  otherClinicStaff: byUid("b-staff"),
  freeStaff: byUid("f-staff"),
};

export async function seedReviewWorld(): Promise<void> {
  await clearFirestore();
  await seedClinic({ id: "clinic-a", slug: "clinic-a", doctors: [{ id: "dr-a1" }, { id: "dr-a2" }] });
  await seedClinic({ id: "clinic-b", slug: "clinic-b", doctors: [{ id: "dr-a1" }] });
  await seedClinic({ id: "clinic-f", slug: "clinic-f", feeCents: 0, doctors: [{ id: "dr-f1" }] });
  for (const { uid, ...data } of MEMBERS) await db().doc(`members/${uid}`).set(data);
}

export interface Booked {
  id: string;
  token: string;
}

export async function book(start: string, opts: { slug?: string; doctorId?: string; now?: Date; email?: string } = {}): Promise<Booked> {
  const created = await requestAppointment(
    opts.slug ?? "clinic-a",
    opts.doctorId ?? "dr-a1",
    { start, patient: { ...patient, email: opts.email ?? patient.email }, reason: "SECRET-REASON chest pain" },
    { source: "web", now: opts.now ?? NOW },
  );
  return { id: created.id, token: new URL(created.statusUrl).searchParams.get("t")! };
}

export async function appointment(id: string) {
  return (await db().doc(`appointments/${id}`).get()).data()!;
}

export async function history(id: string) {
  return (await db().collection(`appointments/${id}/history`).get()).docs.map((d) => d.data());
}

export async function mailFor(id: string) {
  return (await db().collection("mail").where("appointmentId", "==", id).get()).docs.map((d) => d.data());
}

/** Every collection's documents, to prove a refused verb wrote nothing. */
export async function snapshotAll(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of ["appointments", "slotLocks", "mail", "visits"]) {
    const snap = await db().collection(name).get();
    out[name] = Object.fromEntries(snap.docs.map((d) => [d.id, JSON.stringify(d.data())]));
  }
  return out;
}

/** The token in a status link from an email's text. */
export function linkToken(text: string): string {
  const match = /\/appointments\/[A-Za-z0-9]+\?t=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no status link in: ${text}`);
  return match[1]!;
}
