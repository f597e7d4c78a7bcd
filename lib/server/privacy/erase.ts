import "server-only";
import { eraseWaitlistOf } from "@/lib/server/waitlist/patient-data";
import { FieldValue, Timestamp, type Transaction } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { ERASED, erasedAppointmentFields, erasedVisitFields } from "@/lib/domain/privacy/erasure";
import { firstName } from "@/lib/domain/reminders";
import { findPatientSchema } from "@/lib/domain/privacy/patient-email";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { parseWith } from "@/lib/http/json-api";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";
import { appNow } from "@/lib/server/clock";
import { db } from "@/lib/server/firebase";
import { visits, type VisitDoc } from "@/lib/server/visits/visit-docs";
import { appendAccess, type NewAccess } from "./access-log";
import { patientHoldId, patientKey } from "./patient-key";
import { digestMailOfClinic, isLive, mailOfAppointment, patientAppointments } from "./patient-records";

/**
 * privacyErasures/{clinicId}_{patientKey}: one per patient and clinic,
 * written FIRST with the ids of every appointment to erase, so a run that
 * stops half-way (a crash, a timeout) is finished by running it again, even
 * for appointments whose email is already gone. Holds no patient data.
 */
export interface ErasureRecord {
  clinicId: string;
  patientKey: string;
  state: "running" | "done";
  appointmentIds: string[];
  requestedBy: string;
  startedAt: Timestamp;
  completedAt: Timestamp | null;
  runs: number;
  counts: { appointments: number; visits: number; emails: number } | null;
}

export const erasures = () => db().collection("privacyErasures");

export interface AppointmentErasure {
  /** False when there was nothing of this clinic's to erase (another clinic's id, or no such appointment). */
  found: boolean;
  visit: boolean;
  emails: number;
}

const liveRefusal = (ids: string[]) =>
  new AppError(
    "conflict",
    ids.length === 1
      ? "This patient has a live appointment. Cancel or decline it, or wait until the visit is over, then erase."
      : `This patient has ${ids.length} live appointments. Cancel or decline them, or wait until the visits are over, then erase.`,
  );

/**
 * Erases one appointment's personal data, in one transaction: every mail
 * document about it deleted, its visit's contact details, reason and notes
 * and its own replaced with the marker (erasedAt set the first time). The
 * status, version, history, times, amounts and Stripe ids are untouched, so
 * the lifecycle and the books read it as before. A live appointment is
 * refused inside the transaction. Idempotent: a second run rewrites the same
 * marker and finds no mail. `log` appends the access-log entry in the same commit.
 */
export async function eraseAppointment(id: string, clinicId: string, now: Date, log?: Omit<NewAccess, "clinicId">): Promise<AppointmentErasure> {
  const ref = appointments().doc(id);
  return db().runTransaction(async (tx: Transaction) => {
    const snap = await tx.get(ref);
    const a = snap.data() as AppointmentDoc | undefined;
    if (!a || a.clinicId !== clinicId) return { found: false, visit: false, emails: 0 };
    if (isLive(a, now)) throw liveRefusal([id]);
    const visitRef = visits().doc(id);
    const [visit, mail] = await Promise.all([tx.get(visitRef), tx.get(mailOfAppointment(id))]);
    const at = a.erasedAt ?? Timestamp.fromDate(now);
    for (const m of mail.docs) tx.delete(m.ref);
    const v = visit.data() as VisitDoc | undefined;
    if (v && v.clinicId === clinicId) tx.update(visitRef, { ...erasedVisitFields(), erasedAt: v.erasedAt ?? at });
    tx.update(ref, { ...erasedAppointmentFields(a), erasedAt: at });
    if (log) await appendAccess({ ...log, clinicId }, { tx, now });
    return { found: true, visit: Boolean(v), emails: mail.size };
  });
}

/**
 * Deletes the clinic's doctor's-day digests that name the patient (by first
 * name, all a digest holds). Copies of emails already sent to the doctor:
 * deleting one that names a namesake too loses nothing the clinic needs.
 */
async function deleteDigestsNaming(clinicId: string, firstNames: string[]): Promise<number> {
  if (!firstNames.length) return 0;
  const digests = await digestMailOfClinic(clinicId).get();
  const naming = digests.docs.filter((d) => {
    const text = `${d.get("message.text") ?? ""}\n${d.get("message.html") ?? ""}`;
    return firstNames.some((name) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, "u").test(text));
  });
  for (let i = 0; i < naming.length; i += 400) {
    const batch = db().batch();
    for (const d of naming.slice(i, i + 400)) batch.delete(d.ref);
    await batch.commit();
  }
  return naming.length;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface ErasureResult {
  appointments: number;
  visits: number;
  emails: number;
}

export interface ErasureOptions {
  /** Called after each appointment is erased; a test stops a run half-way with it. */
  afterAppointment?: (id: string) => Promise<void>;
}

/**
 * Erases everything of one patient (an email) at the caller's clinic, or
 * refuses, writing nothing, while any of their appointments is live. First
 * the erasure record (with the appointment ids) and the access-log entry in
 * one commit; then each appointment in its own transaction (eraseAppointment);
 * then the waiting-list entries and their emails; then the booking guard that holds the email's hash; then the record marked
 * done with the counts. Rerunning continues whatever a stopped run left.
 */
export async function erasePatient(caller: Caller | null, input: unknown, now = appNow(), options: ErasureOptions = {}): Promise<ErasureResult> {
  assertCan(caller, "privacy:manage");
  const { email } = parseWith(findPatientSchema, input, "Enter the patient's email address.");
  const { clinicId } = caller;
  const key = patientKey(clinicId, email)!;
  const recordRef = erasures().doc(`${clinicId}_${key}`);

  const { ids, firstNames } = await db().runTransaction(async (tx) => {
    const [found, existing] = await Promise.all([patientAppointments(clinicId, email, tx), tx.get(recordRef)]);
    const live = found.filter((d) => isLive(d.data() as AppointmentDoc, now)).map((d) => d.id);
    if (live.length) throw liveRefusal(live);
    const before = existing.data() as ErasureRecord | undefined;
    // A stopped run's ids stay: their appointments may no longer carry the email.
    const all = [...new Set([...(before?.state === "running" ? before.appointmentIds : []), ...found.map((d) => d.id)])];
    const record: ErasureRecord = {
      clinicId,
      patientKey: key,
      state: "running",
      appointmentIds: all,
      requestedBy: caller.uid,
      startedAt: before?.state === "running" ? before.startedAt : Timestamp.fromDate(now),
      completedAt: null,
      runs: (before?.runs ?? 0) + 1,
      counts: null,
    };
    tx.set(recordRef, record);
    await appendAccess({ clinicId, by: caller.uid, action: "erase", appointmentIds: all, patientKey: key }, { tx, now });
    const names = found.map((d) => firstName(String(d.get("patient.name") ?? ""))).filter((n) => n && n !== ERASED);
    return { ids: all, firstNames: [...new Set(names)] };
  });

  const result: ErasureResult = { appointments: 0, visits: 0, emails: 0 };
  // Before the appointments lose the name: a rerun after a stop still knows it from those left.
  result.emails += await deleteDigestsNaming(clinicId, firstNames);
  for (const id of ids) {
    const done = await eraseAppointment(id, clinicId, now);
    if (done.found) result.appointments += 1;
    if (done.visit) result.visits += 1;
    result.emails += done.emails;
    await options.afterAppointment?.(id);
  }
  result.emails += (await eraseWaitlistOf(clinicId, email)).emails;
  await db().collection("patientHolds").doc(patientHoldId(clinicId, email)).delete();
  await recordRef.update({ state: "done", completedAt: Timestamp.fromDate(now), counts: result, updatedAt: FieldValue.serverTimestamp() });
  return result;
}

