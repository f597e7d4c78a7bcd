import "server-only";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { accessLogFilterFormSchema, type AccessAction, type AccessEntry, type AccessLogFilter } from "@/lib/domain/privacy/access-log";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { parseWith } from "@/lib/http/json-api";
import { db } from "@/lib/server/firebase";
import { appNow } from "@/lib/server/clock";
import { patientKey } from "./patient-key";

// accessLog/{autoId}: append-only. Entries are only ever created (create(),
// random ids, never update or delete: this module exports no verb that
// would), clients can touch no document at all (firestore.rules), and an
// entry holds ids and a keyed hash of the patient's email, never their
// details. docs/privacy.md.

export interface AccessLogDoc {
  clinicId: string;
  at: Timestamp;
  /** Member uid, or "system" (the retention sweep). */
  by: string;
  action: AccessAction;
  visitId: string | null;
  appointmentIds: string[];
  patientKey: string | null;
}

export const accessLog = () => db().collection("accessLog");

export interface NewAccess {
  clinicId: string;
  by: string;
  action: AccessAction;
  visitId?: string | null;
  appointmentIds?: string[];
  /** The patient's stored email (turned into its key here), or the key itself. */
  patientEmail?: string | null;
  patientKey?: string | null;
}

function entryOf(input: NewAccess, now: Date): AccessLogDoc {
  return {
    clinicId: input.clinicId,
    at: Timestamp.fromDate(now),
    by: input.by,
    action: input.action,
    visitId: input.visitId ?? null,
    appointmentIds: input.appointmentIds ?? [],
    patientKey: input.patientKey ?? patientKey(input.clinicId, input.patientEmail),
  };
}

/** Appends one entry: in the transaction that does what it records, or on its own. */
export async function appendAccess(input: NewAccess, options: { tx?: Transaction; now?: Date } = {}): Promise<void> {
  const ref = accessLog().doc();
  const entry = entryOf(input, options.now ?? appNow());
  if (options.tx) options.tx.create(ref, entry);
  else await ref.create(entry);
}

export const ACCESS_LOG_PAGE = 200;

/**
 * The clinic's log, newest first, optionally one member's or one patient's
 * (by their key: accessLogFilterQuery turns an email into it). Admins only. `limit` bounds the page;
 * the download reads up to DOWNLOAD_LIMIT.
 */
export async function listAccessLog(caller: Caller | null, filter: AccessLogFilter, limit = ACCESS_LOG_PAGE): Promise<AccessEntry[]> {
  assertCan(caller, "accessLog:read");
  const { clinicId } = caller;
  const key = filter.patient;
  const snapshot = filter.member
    ? // query-shape: accessLog.ofMember
      await accessLog().where("clinicId", "==", clinicId).where("by", "==", filter.member).orderBy("at", "desc").limit(limit).get()
    : key
      ? // query-shape: accessLog.ofPatient
        await accessLog().where("clinicId", "==", clinicId).where("patientKey", "==", key).orderBy("at", "desc").limit(limit).get()
      : // query-shape: accessLog.ofClinic
        await accessLog().where("clinicId", "==", clinicId).orderBy("at", "desc").limit(limit).get();
  const entries = snapshot.docs.map((doc) => {
    const d = doc.data() as AccessLogDoc;
    return { id: doc.id, at: d.at.toMillis(), by: d.by, action: d.action, visitId: d.visitId, appointmentIds: d.appointmentIds ?? [], patientKey: d.patientKey };
  });
  // Both filters at once: the member's entries, narrowed to the patient here.
  return filter.member && key ? entries.filter((e) => e.patientKey === key) : entries;
}

/**
 * The filter form (member, patient email) as the log page's query string, the email turned into the patient's key
 * for the caller's clinic, so no address the browser keeps or a server logs holds it. Admins only.
 */
export function accessLogFilterQuery(caller: Caller | null, input: unknown): string {
  assertCan(caller, "accessLog:read");
  const { member, patient } = parseWith(accessLogFilterFormSchema, input, "Please check the filters.");
  const query = new URLSearchParams();
  if (member) query.set("member", member);
  const key = patientKey(caller.clinicId, patient);
  if (key) query.set("patient", key);
  return query.toString();
}

export const DOWNLOAD_LIMIT = 10_000;
