/**
 * The access log: who read a visit's notes, exported or erased a patient's
 * data, and when. Entries hold ids (member uid, visit and appointment ids) and
 * a keyed hash of the patient's email, never the patient's details, so the log
 * survives an erasure without undoing it. Pure: lib/server/privacy/access-log.ts
 * writes and reads them.
 */
import { z } from "zod";
import { csvRows } from "./export-format";
import { patientEmailSchema } from "./patient-email";

export const ACCESS_ACTIONS = ["visit_read", "export", "erase", "retention_erase"] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = {
  visit_read: "Read visit notes",
  export: "Exported patient data",
  erase: "Erased patient data",
  retention_erase: "Erased after the retention period",
};

/** Who: a member's uid, or "system" for the scheduled retention sweep. */
export const SYSTEM_ACTOR = "system";

export interface AccessEntry {
  id: string;
  at: number;
  by: string;
  action: AccessAction;
  visitId: string | null;
  appointmentIds: string[];
  patientKey: string | null;
}

const uid = z.string().trim().regex(/^[A-Za-z0-9_-]{1,128}$/, { error: "Choose a member from the list." });

const blankOr = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), schema]));

/** A patient's key (lib/server/privacy/patient-key.ts): what a filtered page's address carries instead of the email. */
export const PATIENT_KEY = /^[0-9a-f]{32}$/;

/**
 * The log page's and the download's filters, from their query strings (blank = any). The patient is named by their
 * key, never by their email: an address with an email in it ends up in browser histories and request logs, where
 * no erasure reaches it.
 */
export const accessLogFilterSchema = z.object({
  member: blankOr(uid),
  patient: blankOr(z.string().regex(PATIENT_KEY, { error: "That patient filter isn't valid. Filter by the patient's email again." })),
});
/** The filter form's fields (sent in a POST body): the patient by email, turned into their key by the server. */
export const accessLogFilterFormSchema = z.object({ member: blankOr(uid), patient: blankOr(patientEmailSchema) });
export type AccessLogFilter = z.output<typeof accessLogFilterSchema>;

/** The log as CSV, names resolved by the caller (a removed member shows as their uid). */
export function accessLogCsv(entries: AccessEntry[], nameOf: (uid: string) => string): string {
  return csvRows(
    ["at", "memberUid", "member", "action", "visitId", "appointmentIds", "patientKey"],
    entries.map((e) => [new Date(e.at).toISOString(), e.by, nameOf(e.by), e.action, e.visitId, e.appointmentIds.join(" "), e.patientKey]),
  );
}
