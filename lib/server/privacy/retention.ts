import "server-only";
import { sweepLapsedWaitlist } from "@/lib/server/waitlist/patient-data";
import { FieldValue, Timestamp, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { SYSTEM_ACTOR } from "@/lib/domain/privacy/access-log";
import { ENDED_REQUEST, requestCutoffMs, retentionOf, visitCutoffMs, type RetentionSettings } from "@/lib/domain/privacy/retention";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { appointments } from "@/lib/server/appointments/model";
import { db } from "@/lib/server/firebase";
import { eraseAppointment } from "./erase";

const clinics = () => db().collection("clinics");
const missingClinic = () => new AppError("not_found", "We couldn't find your clinic. Please sign in again.");

/** The clinic's retention periods, defaults filled in. Admins only. */
export async function getRetentionSettings(caller: Caller | null): Promise<RetentionSettings> {
  assertCan(caller, "privacy:manage");
  const clinic = await clinics().doc(caller.clinicId).get();
  if (!clinic.exists) throw missingClinic();
  return retentionOf(clinic.data());
}

/** Saves them; the next sweep applies them. No visit period (null) removes the field: visits are kept. */
export async function updateRetentionSettings(caller: Caller | null, settings: RetentionSettings): Promise<void> {
  assertCan(caller, "privacy:manage");
  const ref = clinics().doc(caller.clinicId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw missingClinic();
    tx.update(ref, {
      retentionRequestDays: settings.requestDays,
      retentionVisitYears: settings.visitYears ?? FieldValue.delete(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  });
}

export interface RetentionResult {
  /** Appointments whose personal data this run erased. */
  erased: number;
  /** Appointments past their period this run looked at (already erased ones are skipped). */
  checked: number;
  /** Appointments that failed to erase (logged); the next run starts again at the first of them. */
  failed: number;
  clinics: number;
  /** Waiting-list entries past their 30 days, deleted (with the patient's email they held). */
  waitlistDeleted: number;
  /** True when the time budget stopped the run with work left: the next run continues. */
  more: boolean;
}

export interface RetentionOptions {
  pageSize?: number;
  budgetMs?: number;
  clock?: () => number;
}

const DEFAULTS = { pageSize: 100, budgetMs: 45_000 };
const CLINIC_PAGE = 100;

/**
 * privacyRetention/{clinicId}: where each kind's sweep got to in the clinic's
 * appointments, as (instant, id). Erased appointments stay in the queries
 * (erasure changes no status or date), so without this each run would re-read
 * every one ever erased; with it a run reads only what passed its period
 * since the last one. An appointment that ends later gets a later updatedAt,
 * so it is always ahead of the cursor.
 */
type Cursor = { at: Timestamp; id: string };
type Kind = "requests" | "visits";

/**
 * The scheduled retention sweep (functions/src enforceRetention, daily; the
 * dev ticker). For each clinic: requests that ended (declined, cancelled,
 * expired) at or before now − its request period, and, if the clinic set a
 * visit period, confirmed visits that started at or before now − that many
 * years, each erased by eraseAppointment (its own transaction, with a
 * "retention_erase" access-log entry). Page by page, resumable from the
 * cursor; a failure stops that clinic's kind before it, so the next run
 * retries it. Idempotent: rerunning erases nothing twice.
 */
export async function sweepRetention(now: Date, opts: RetentionOptions = {}): Promise<RetentionResult> {
  const pageSize = Math.min(500, Math.max(1, Math.floor(opts.pageSize ?? DEFAULTS.pageSize)));
  const budgetMs = opts.budgetMs ?? DEFAULTS.budgetMs;
  const clock = opts.clock ?? Date.now;
  const startedAt = clock();
  const outOfTime = () => clock() - startedAt >= budgetMs;
  const result: RetentionResult = { erased: 0, checked: 0, failed: 0, clinics: 0, waitlistDeleted: 0, more: false };
  // Across clinics, by one query: an entry keeps its email only while it waits.
  result.waitlistDeleted = await sweepLapsedWaitlist(now);

  let afterClinic: string | null = null;
  for (;;) {
    // query-shape: clinics.all
    let page = clinics().orderBy("__name__", "asc").limit(CLINIC_PAGE);
    if (afterClinic) page = page.startAfter(afterClinic);
    const snapshot = await page.get();
    for (const clinic of snapshot.docs) {
      if (outOfTime()) return { ...result, more: true };
      result.clinics += 1;
      const settings = retentionOf(clinic.data());
      const stopped = await sweepKind(clinic.id, "requests", requestCutoffMs(now.getTime(), settings.requestDays), now, pageSize, outOfTime, result);
      if (settings.visitYears !== null && !stopped) {
        await sweepKind(clinic.id, "visits", visitCutoffMs(now.getTime(), settings.visitYears), now, pageSize, outOfTime, result);
      }
    }
    if (snapshot.size < CLINIC_PAGE) break;
    afterClinic = snapshot.docs[snapshot.size - 1]!.id;
  }
  return result;
}

/** One clinic's requests or visits past the cutoff. Returns true when the budget ran out. */
async function sweepKind(
  clinicId: string,
  kind: Kind,
  cutoffMs: number,
  now: Date,
  pageSize: number,
  outOfTime: () => boolean,
  result: RetentionResult,
): Promise<boolean> {
  const cursorRef = db().collection("privacyRetention").doc(clinicId);
  let cursor = ((await cursorRef.get()).get(kind) as Cursor | undefined) ?? null;
  const cutoff = Timestamp.fromMillis(cutoffMs);
  for (;;) {
    if (outOfTime()) {
      result.more = true;
      return true;
    }
    const page = await pastPeriod(clinicId, kind, cutoff, cursor, pageSize);
    if (page.length === 0) return false;
    let last: Cursor | null = null;
    for (const doc of page) {
      result.checked += 1;
      if (!doc.get("erasedAt")) {
        try {
          const done = await eraseAppointment(doc.id, clinicId, now, { by: SYSTEM_ACTOR, action: "retention_erase", appointmentIds: [doc.id], patientEmail: doc.get("patient.email") });
          if (done.found) result.erased += 1;
        } catch (error) {
          result.failed += 1;
          console.error(`sweepRetention: ${doc.id} failed`, error);
          if (last) await cursorRef.set({ [kind]: last }, { merge: true });
          return false;
        }
      }
      last = { at: doc.get(kind === "requests" ? "updatedAt" : "start") as Timestamp, id: doc.id };
    }
    cursor = last;
    await cursorRef.set({ [kind]: cursor }, { merge: true });
    if (page.length < pageSize) return false;
  }
}

async function pastPeriod(clinicId: string, kind: Kind, cutoff: Timestamp, cursor: Cursor | null, pageSize: number): Promise<QueryDocumentSnapshot[]> {
  if (kind === "requests") {
    // query-shape: appointments.endedByUpdate
    let query = appointments()
      .where("clinicId", "==", clinicId)
      .where("status", "in", [...ENDED_REQUEST])
      .where("updatedAt", "<=", cutoff)
      .orderBy("updatedAt", "asc")
      .orderBy("__name__", "asc")
      .limit(pageSize);
    if (cursor) query = query.startAfter(cursor.at, cursor.id);
    return (await query.get()).docs;
  }
  // query-shape: appointments.visitsByStart
  let query = appointments()
    .where("clinicId", "==", clinicId)
    .where("status", "in", ["confirmed"])
    .where("start", "<=", cutoff)
    .orderBy("start", "asc")
    .orderBy("__name__", "asc")
    .limit(pageSize);
  if (cursor) query = query.startAfter(cursor.at, cursor.id);
  return (await query.get()).docs;
}
