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

/** The log page's and the download's filters (query strings: blank = any). */
export const accessLogFilterSchema = z.object({
  member: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), uid])),
  patient: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), patientEmailSchema])),
});
export type AccessLogFilter = z.output<typeof accessLogFilterSchema>;

/** The log as CSV, names resolved by the caller (a removed member shows as their uid). */
export function accessLogCsv(entries: AccessEntry[], nameOf: (uid: string) => string): string {
  return csvRows(
    ["at", "memberUid", "member", "action", "visitId", "appointmentIds", "patientKey"],
    entries.map((e) => [new Date(e.at).toISOString(), e.by, nameOf(e.by), e.action, e.visitId, e.appointmentIds.join(" "), e.patientKey]),
  );
}
