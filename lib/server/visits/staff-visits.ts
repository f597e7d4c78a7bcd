import "server-only";
import { Timestamp } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import type { PaymentView } from "@/lib/domain/payment-view";
import { assertSignedIn, forbidden, type Caller } from "@/lib/domain/roles";
import { DAY_MS } from "@/lib/domain/slots/local-time";
import { formatTime } from "@/lib/domain/time-format";
import {
  canReadSchedule,
  canSetVisitOutcome,
  canWriteVisitNotes,
  isOnSchedule,
  OUTCOME_ACTION,
  outcomeSchema,
  outcomeTooEarlyMessage,
  saveNotesSchema,
  VISIT_STATUS_LABELS,
  visitIdSchema,
  type ScheduleVisit,
  type VisitOutcome,
  type VisitStatus,
} from "@/lib/domain/visits";
import type { HistoryItem } from "@/lib/domain/appointments/views";
import { toHistoryItem } from "@/lib/server/appointments/history-view";
import { appointments, historyId, type AppointmentDoc, type HistoryEntry } from "@/lib/server/appointments/model";
import { visits, type VisitDoc } from "./visit-docs";
import { appNow } from "@/lib/server/clock";
import { appendAccess } from "@/lib/server/privacy/access-log";

// The doctor's schedule and one visit's record: reads for the clinic's
// members, and the two writes (notes, outcome). Every read checks the
// caller's clinic and, for a doctor, their own doctor id; a visit the caller
// may not see is "not found", so ids never leak across clinics or doctors.
// Times leave as epoch ms. Who may write what: lib/domain/visits.ts.

export type VisitPayment = PaymentView;

export interface VisitDetail extends ScheduleVisit {
  patient: { name: string; email: string; phone: string };
  notes: string;
  notesVersion: number;
  notesUpdatedAt: number | null;
  notesUpdatedBy: string | null;
  appointmentStatus: AppointmentDoc["status"];
  feeCents: number;
  payment: VisitPayment;
  history: HistoryItem[];
  canWriteNotes: boolean;
  canSetOutcome: boolean;
}

const MAX_RANGE_MS = 8 * DAY_MS;
const notFound = () => new AppError("not_found", "We couldn't find that visit in your clinic.");

/** A visit the caller may see (same clinic; a doctor's own), or not_found. */
function assertVisible(caller: Caller, v: VisitDoc | undefined): asserts v is VisitDoc {
  if (!v || v.clinicId !== caller.clinicId || !canReadSchedule(caller, v.doctorId)) throw notFound();
}

function toScheduleVisit(id: string, v: VisitDoc): ScheduleVisit {
  return {
    id,
    doctorId: v.doctorId,
    doctorName: v.doctorName,
    start: v.start.toMillis(),
    end: v.end.toMillis(),
    timezone: v.timezone,
    patientName: v.patient?.name ?? "",
    reason: v.reason ?? "",
    status: (v.status in VISIT_STATUS_LABELS ? v.status : "scheduled") as VisitStatus,
  };
}

/**
 * One doctor's visits on the schedule (scheduled, completed, no-show; not
 * cancelled) starting in [from, to), earliest first. Staff and admins may ask
 * for any doctor of their clinic; a doctor only for themselves.
 * Query: visits where clinicId ==, doctorId ==, start in range, by start
 * (composite index clinicId + doctorId + start in firestore.indexes.json).
 */
export async function listVisits(caller: Caller | null, input: { doctorId: string; from: number; to: number }): Promise<ScheduleVisit[]> {
  assertSignedIn(caller);
  const { doctorId, from, to } = input;
  if (typeof doctorId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(doctorId)) {
    throw new AppError("invalid_request", "That doctor id isn't valid.");
  }
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from || to - from > MAX_RANGE_MS) {
    throw new AppError("invalid_request", "Choose a day or a week to show.");
  }
  if (!canReadSchedule(caller, doctorId)) throw forbidden();
  // query-shape: visits.scheduleOfDoctor
  const snapshot = await visits()
    .where("clinicId", "==", caller.clinicId)
    .where("doctorId", "==", doctorId)
    .where("start", ">=", Timestamp.fromMillis(from))
    .where("start", "<", Timestamp.fromMillis(to))
    .orderBy("start")
    .get();
  return snapshot.docs
    .map((doc) => toScheduleVisit(doc.id, doc.data() as VisitDoc))
    .filter((visit) => isOnSchedule(visit.status));
}

/** The appointment's money for staff pages (the visit page and the request page). */
export function paymentOf(a: AppointmentDoc): VisitPayment {
  const p = a.payment;
  if (!p) {
    const due = a.feeCents > 0;
    return { state: due ? "unpaid" : "free", amountCents: due ? a.feeCents : null, currency: (a.currency ?? "USD").toUpperCase(), refundedAt: null };
  }
  return {
    state: p.status,
    amountCents: typeof p.amountCents === "number" ? p.amountCents : a.feeCents,
    currency: String(p.currency ?? a.currency ?? "USD").toUpperCase(),
    refundedAt: p.refundedAt ? p.refundedAt.toMillis() : null,
  };
}

/** One visit with the patient's details, the appointment's history and payment, for the clinic's members. */
export async function getVisit(caller: Caller | null, id: string): Promise<VisitDetail> {
  assertSignedIn(caller);
  if (!visitIdSchema.safeParse(id).success) throw notFound();
  const visitSnap = await visits().doc(id).get();
  const v = visitSnap.data() as VisitDoc | undefined;
  assertVisible(caller, v);
  const ref = appointments().doc(v.appointmentId ?? id);
  // Every read of a visit's notes is in the access log before the notes leave
  // the server: appended (once the visit is known to be the caller's) beside the reads.
  const [appointment, history] = await Promise.all([
    ref.get(),
    ref.collection("history").get(),
    appendAccess({ clinicId: caller.clinicId, by: caller.uid, action: "visit_read", visitId: id, appointmentIds: [ref.id], patientEmail: v.patient?.email }),
  ]);
  const a = appointment.data() as AppointmentDoc | undefined;
  if (!a || a.clinicId !== caller.clinicId) throw notFound();
  return {
    ...toScheduleVisit(id, v),
    patient: { name: v.patient?.name ?? "", email: v.patient?.email ?? "", phone: v.patient?.phone ?? "" },
    notes: v.notes ?? "",
    notesVersion: v.notesVersion ?? 0,
    notesUpdatedAt: v.notesUpdatedAt?.toMillis() ?? null,
    notesUpdatedBy: v.notesUpdatedBy ?? null,
    appointmentStatus: a.status,
    feeCents: a.feeCents,
    payment: paymentOf(a),
    history: history.docs.map(toHistoryItem),
    canWriteNotes: canWriteVisitNotes(caller, v.doctorId),
    canSetOutcome: canSetVisitOutcome(caller, v.doctorId),
  };
}

export interface SavedNotes {
  notesVersion: number;
  notesUpdatedAt: number;
}

/**
 * Saves a visit's notes if nobody saved since the version the editor loaded;
 * otherwise "conflict" naming who saved when, and nothing is written (the
 * editor keeps the local text). The visit's doctor and admins only.
 */
export async function saveVisitNotes(caller: Caller | null, id: string, input: unknown, now = appNow()): Promise<SavedNotes> {
  assertSignedIn(caller);
  if (!visitIdSchema.safeParse(id).success) throw notFound();
  const parsed = saveNotesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = issue?.code === "too_big" ? "payload_too_large" : "invalid_request";
    throw new AppError(code, issue?.message ?? "Those notes can't be saved.");
  }
  const { notes, expectedVersion } = parsed.data;
  const ref = visits().doc(id);
  return ref.firestore.runTransaction(async (tx) => {
    const v = (await tx.get(ref)).data() as VisitDoc | undefined;
    assertVisible(caller, v);
    if (!canWriteVisitNotes(caller, v.doctorId)) {
      throw new AppError("forbidden", "Only the visit's doctor or an admin can edit these notes.");
    }
    const current = v.notesVersion ?? 0;
    if (current !== expectedVersion) {
      const when = v.notesUpdatedAt ? ` at ${formatTime(v.notesUpdatedAt.toDate(), v.timezone)}` : "";
      const who = v.notesUpdatedBy ?? "someone";
      throw new AppError(
        "conflict",
        `These notes were changed elsewhere (${who}${when}). Your text is kept here: save yours over theirs, or copy it and reload to see theirs.`,
        { notesVersion: String(current) },
      );
    }
    const at = Timestamp.fromDate(now);
    const notesVersion = current + 1;
    tx.update(ref, { notes, notesVersion, notesUpdatedAt: at, notesUpdatedBy: caller.name || caller.email, updatedAt: at });
    return { notesVersion, notesUpdatedAt: at.toMillis() };
  });
}

/**
 * Records that a confirmed visit took place or the patient didn't come, once
 * its start time has come: in one transaction the visit's status and a new
 * history entry on the appointment under the next version (create-only, like
 * applyTransition), so two racing clicks can't both land. The appointment
 * stays confirmed; its history says what happened.
 */
export async function setVisitOutcome(caller: Caller | null, id: string, outcome: unknown, now = appNow()): Promise<VisitStatus> {
  assertSignedIn(caller);
  if (!visitIdSchema.safeParse(id).success) throw notFound();
  const parsed = outcomeSchema.safeParse(outcome);
  if (!parsed.success) throw new AppError("invalid_request", parsed.error.issues[0]?.message ?? "Choose Completed or No-show.");
  const value: VisitOutcome = parsed.data;
  const ref = visits().doc(id);
  return ref.firestore.runTransaction(async (tx) => {
    const v = (await tx.get(ref)).data() as VisitDoc | undefined;
    assertVisible(caller, v);
    const appointmentRef = appointments().doc(v.appointmentId ?? id);
    const a = (await tx.get(appointmentRef)).data() as AppointmentDoc | undefined;
    if (!a || a.clinicId !== caller.clinicId) throw notFound();
    if (!canSetVisitOutcome(caller, v.doctorId)) throw forbidden();
    if (v.status !== "scheduled") {
      throw new AppError("conflict", `This visit is already marked ${VISIT_STATUS_LABELS[v.status] ?? v.status}.`);
    }
    if (a.status !== "confirmed") throw new AppError("conflict", "This appointment is no longer confirmed.");
    const tooEarly = outcomeTooEarlyMessage(v.start.toMillis(), now.getTime());
    if (tooEarly) throw new AppError("conflict", tooEarly);
    const at = Timestamp.fromDate(now);
    const seq = a.version + 1;
    tx.update(ref, { status: value, outcomeAt: at, outcomeBy: caller.uid, updatedAt: at });
    tx.update(appointmentRef, { version: seq, updatedAt: at });
    const entry: HistoryEntry = {
      action: OUTCOME_ACTION[value],
      from: "confirmed",
      to: "confirmed",
      actor: "staff",
      by: caller.uid,
      byName: caller.name || caller.email,
      at,
    };
    tx.create(appointmentRef.collection("history").doc(historyId(seq)), entry);
    return value;
  });
}
