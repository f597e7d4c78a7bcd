import "server-only";
import type { Query, QueryDocumentSnapshot, Timestamp } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import type { QueueRow, RequestDetail } from "@/lib/domain/appointments/views";
import { AppError } from "@/lib/domain/errors";
import {
  OPEN_SECTIONS,
  OPEN_SECTION_LIMIT,
  RECENT_LIMIT,
  RECENT_STATUSES,
  matchesStatusFilter,
  recentQueryStatuses,
  type QueueFilters,
} from "@/lib/domain/request-queue";
import { assertSignedIn, forbidden, requestScope, type Caller } from "@/lib/domain/roles";
import { isAppointmentId } from "@/lib/domain/validation";
import { db } from "../firebase";
import { paymentOf } from "@/lib/server/visits/staff-visits";
import { toHistoryItem } from "./history-view";
import { appointments, holdsTime, type AppointmentDoc } from "./model";
import { matchesSearch, SEARCH_SCAN_LIMIT } from "@/lib/domain/request-search";

// The staff side's read models: the queue, the nav's count, and one request
// with its history and visit. Reads only; every change goes through the
// review verbs (review.ts). Paths and queries are always built from the
// caller's clinic, and a doctor's from their own doctor id, so nobody reads
// another clinic's or another doctor's requests. Times leave as epoch ms.

export interface QueueSection {
  status: AppointmentStatus;
  title: string;
  rows: QueueRow[];
  /** True when more than OPEN_SECTION_LIMIT wait; only the oldest are listed. */
  more: boolean;
}

export interface RequestQueue {
  filters: QueueFilters;
  /** The open view: Needs review, Awaiting patient, Awaiting payment (only the filtered one when a status is chosen). */
  sections: QueueSection[];
  /** The recent view: newest change first, at most RECENT_LIMIT. */
  recent: QueueRow[];
  /** Per open status, for the tabs and the nav; filtered by doctor like the rows. */
  counts: Record<(typeof OPEN_SECTIONS)[number]["status"], number>;
  /** Doctors for the filter (only the caller's own for a doctor). */
  doctors: { id: string; name: string }[];
  /** The caller sees one doctor's requests only. */
  doctorScoped: boolean;
}

const millis = (t: Timestamp | null | undefined) => (t ? t.toMillis() : null);

function toRow(id: string, a: AppointmentDoc): QueueRow {
  return {
    id,
    status: a.status,
    timeHeld: holdsTime(a),
    cancelledBy: a.cancelledBy === "clinic" ? "clinic" : null,
    patient: { name: a.patient.name, email: a.patient.email, phone: a.patient.phone },
    reason: a.reason,
    doctorId: a.doctorId,
    doctorName: a.doctorName,
    timezone: a.timezone,
    start: a.start.toMillis(),
    end: a.end.toMillis(),
    previousStart: a.status === "rescheduled" ? millis(a.proposal?.previousStart) : null,
    moveStart: a.status === "move_requested" ? millis(a.move?.start) : null,
    turnedDownStart: a.status === "pending" && !holdsTime(a) ? millis(a.turnedDown?.start) : null,
    withdrawnStart: a.status === "pending" && !holdsTime(a) ? millis(a.withdrawnProposal?.start) : null,
    createdAt: a.createdAt.toMillis(),
    updatedAt: (a.updatedAt ?? a.createdAt).toMillis(),
    expiresAt: millis(a.expiresAt),
    version: a.version,
  };
}

/** Asserts the caller may see requests; the doctor they are limited to, or null for all. */
export function scopeOf(caller: Caller | null | undefined): { caller: Caller; doctorId: string | null } {
  assertSignedIn(caller);
  const scope = requestScope(caller);
  if (!scope) throw forbidden();
  return { caller, doctorId: scope.doctorId };
}

// Each query is spelled out whole (with and without a doctor) so that
// lib/server/query-shapes.test.ts can read its fields and check its index.

/** One open section, oldest first. */
function sectionQuery(clinicId: string, doctorId: string | null, status: AppointmentStatus): Query {
  if (doctorId) {
    // query-shape: appointments.queueSectionOfDoctor
    return appointments().where("clinicId", "==", clinicId).where("doctorId", "==", doctorId).where("status", "==", status).orderBy("createdAt", "asc");
  }
  // query-shape: appointments.queueSection
  return appointments().where("clinicId", "==", clinicId).where("status", "==", status).orderBy("createdAt", "asc");
}

/** The Recent tab, newest change first. */
function recentQuery(clinicId: string, doctorId: string | null, statuses: AppointmentStatus[]): Query {
  if (doctorId) {
    // query-shape: appointments.recentOfDoctor
    return appointments().where("clinicId", "==", clinicId).where("doctorId", "==", doctorId).where("status", "in", statuses).orderBy("updatedAt", "desc");
  }
  // query-shape: appointments.recent
  return appointments().where("clinicId", "==", clinicId).where("status", "in", statuses).orderBy("updatedAt", "desc");
}

/**
 * How many requests have this status; with `unconfirmed`, only those still
 * waiting for the patient's email confirmation (`== null` matches only an
 * explicit null: missing means the clinic never asked).
 */
async function countStatus(clinicId: string, doctorId: string | null, status: AppointmentStatus, unconfirmed = false): Promise<number> {
  let query: Query;
  if (doctorId && unconfirmed) {
    // query-shape: appointments.unconfirmedOfDoctor
    query = appointments().where("clinicId", "==", clinicId).where("doctorId", "==", doctorId).where("status", "==", status).where("emailConfirmedAt", "==", null);
  } else if (doctorId) {
    // query-shape: appointments.statusOfDoctor
    query = appointments().where("clinicId", "==", clinicId).where("doctorId", "==", doctorId).where("status", "==", status);
  } else if (unconfirmed) {
    // query-shape: appointments.unconfirmedOfClinic
    query = appointments().where("clinicId", "==", clinicId).where("status", "==", status).where("emailConfirmedAt", "==", null);
  } else {
    // query-shape: appointments.statusOfClinic
    query = appointments().where("clinicId", "==", clinicId).where("status", "==", status);
  }
  return (await query.count().get()).data().count;
}

/**
 * The queue for the filters. A doctor's own scope always wins over a doctor
 * filter; a filter naming a doctor outside the scope shows nothing rather
 * than another doctor's requests.
 */
export async function getRequestQueue(caller: Caller | null, filters: QueueFilters): Promise<RequestQueue> {
  const scope = scopeOf(caller);
  const clinicId = scope.caller.clinicId;
  const doctorId = scope.doctorId ?? filters.doctorId;
  const outOfScope = scope.doctorId !== null && filters.doctorId !== null && filters.doctorId !== scope.doctorId;

  const openWanted = filters.view === "open" ? OPEN_SECTIONS.filter((s) => !filters.status || s.status === filters.status) : [];
  const [sections, recent, counts, doctors] = await Promise.all([
    Promise.all(
      openWanted.map(async ({ status, title }): Promise<QueueSection> => {
        if (outOfScope) return { status, title, rows: [], more: false };
        // Oldest first: whoever has waited longest is decided first.
        const snapshot = await sectionQuery(clinicId, doctorId, status).limit(OPEN_SECTION_LIMIT + 1).get();
        const rows = listed(snapshot.docs);
        return { status, title, rows: rows.slice(0, OPEN_SECTION_LIMIT), more: rows.length > OPEN_SECTION_LIMIT };
      }),
    ),
    filters.view === "recent" && !outOfScope
      ? recentQuery(clinicId, doctorId, recentQueryStatuses(filters.status))
          // Who cancelled is not in the query, so a cancellation filter reads further back and keeps its own.
          .limit(filters.status?.startsWith("cancelled") ? SEARCH_SCAN_LIMIT : RECENT_LIMIT)
          .get()
          .then((snapshot) => listed(snapshot.docs).filter((row) => matchesStatusFilter(row, filters.status)).slice(0, RECENT_LIMIT))
      : Promise.resolve([]),
    outOfScope ? Promise.resolve({ pending: 0, rescheduled: 0, approved: 0, move_requested: 0 }) : openCounts(clinicId, doctorId),
    listDoctorOptions(clinicId, scope.doctorId),
  ]);
  return { filters, sections, recent, counts, doctors, doctorScoped: scope.doctorId !== null };
}

/**
 * Requests whose patient's name or email matches `q` (request-search.ts),
 * open and recent alike, newest change first, among the caller's scope's
 * SEARCH_SCAN_LIMIT most recently changed (the Recent tab's query and index).
 */
export async function searchRequests(caller: Caller | null, q: string, doctorFilter: string | null): Promise<QueueRow[]> {
  const scope = scopeOf(caller);
  if (scope.doctorId !== null && doctorFilter !== null && doctorFilter !== scope.doctorId) return [];
  const statuses = [...OPEN_SECTIONS.map((section) => section.status), ...RECENT_STATUSES];
  const snapshot = await recentQuery(scope.caller.clinicId, scope.doctorId ?? doctorFilter, statuses).limit(SEARCH_SCAN_LIMIT).get();
  return listed(snapshot.docs).filter((row) => matchesSearch(row.patient, q));
}

/**
 * At clinics that ask patients to confirm their email first, a request is
 * not the clinic's business until it is confirmed (emailConfirmedAt null):
 * the clinic is only told then, and an unconfirmed one lapses in 30 minutes.
 * So the queue and its counts leave them out.
 */
const awaitingEmail = (a: Pick<AppointmentDoc, "emailConfirmedAt">) => a.emailConfirmedAt === null;

function listed(docs: QueryDocumentSnapshot[]): QueueRow[] {
  return docs.flatMap((doc) => {
    const a = doc.data() as AppointmentDoc;
    return awaitingEmail(a) ? [] : [toRow(doc.id, a)];
  });
}

/** Pending requests staff can act on: all pending minus those still waiting for the patient's email confirmation. */
async function countPending(clinicId: string, doctorId: string | null): Promise<number> {
  const [all, unconfirmed] = await Promise.all([countStatus(clinicId, doctorId, "pending"), countStatus(clinicId, doctorId, "pending", true)]);
  return all - unconfirmed;
}

async function openCounts(clinicId: string, doctorId: string | null): Promise<RequestQueue["counts"]> {
  const [pending, rescheduled, approved, moves] = await Promise.all([
    countPending(clinicId, doctorId),
    countStatus(clinicId, doctorId, "rescheduled"),
    countStatus(clinicId, doctorId, "approved"),
    countStatus(clinicId, doctorId, "move_requested"),
  ]);
  return { pending, rescheduled, approved, move_requested: moves };
}

async function listDoctorOptions(clinicId: string, only: string | null): Promise<{ id: string; name: string }[]> {
  const doctors = db().collection("clinics").doc(clinicId).collection("doctors");
  if (only) {
    const doc = await doctors.doc(only).get();
    return doc.exists ? [{ id: doc.id, name: String(doc.get("name") ?? "") }] : [];
  }
  const snapshot = await doctors.select("name").get();
  return snapshot.docs
    .map((doc) => ({ id: doc.id, name: String(doc.get("name") ?? "") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Requests waiting for a decision that the caller can see, for the nav; 0
 * for anyone without a queue. Never throws: a failed count must not take the
 * whole dashboard down, so it logs and shows no number.
 */
export async function countNeedsReview(caller: Caller): Promise<number> {
  const scope = requestScope(caller);
  if (!scope) return 0;
  try {
    // A patient's move request waits for a decision too.
    const [pending, moves] = await Promise.all([countPending(caller.clinicId, scope.doctorId), countStatus(caller.clinicId, scope.doctorId, "move_requested")]);
    return pending + moves;
  } catch (error) {
    console.error("Could not count requests needing review", error);
    return 0;
  }
}

export const notFound = () => new AppError("not_found", "We couldn't find that request in your clinic.");

/** One request with its full history and its visit. Another clinic's or another doctor's request is not found. */
export async function getRequestDetail(caller: Caller | null, id: string): Promise<RequestDetail> {
  const scope = scopeOf(caller);
  if (!isAppointmentId(id)) throw notFound();
  const ref = appointments().doc(id);
  const [snapshot, history, visit] = await Promise.all([
    ref.get(),
    ref.collection("history").get(), // ids are zero-padded sequence numbers: id order is time order
    db().collection("visits").doc(id).get(),
  ]);
  const a = snapshot.data() as AppointmentDoc | undefined;
  if (!a || a.clinicId !== scope.caller.clinicId || (scope.doctorId && a.doctorId !== scope.doctorId)) throw notFound();
  const visitData = visit.data();
  return {
    ...toRow(id, a),
    clinicSlug: a.clinicSlug,
    feeCents: a.feeCents,
    currency: a.currency,
    source: a.source,
    proposal: a.proposal
      ? {
          previousStart: a.proposal.previousStart.toMillis(),
          previousEnd: a.proposal.previousEnd.toMillis(),
          message: a.proposal.message ?? null,
          at: a.proposal.at.toMillis(),
        }
      : null,
    declineReason: a.declineReason ?? null,
    cancelReason: a.cancelReason ?? null,
    payment: paymentOf(a),
    history: history.docs.map(toHistoryItem),
    visit:
      visitData && visit.exists
        ? {
            status: String(visitData.status ?? "scheduled"),
            start: (visitData.start as Timestamp).toMillis(),
            end: (visitData.end as Timestamp).toMillis(),
            notes: String(visitData.notes ?? ""),
          }
        : null,
  };
}
