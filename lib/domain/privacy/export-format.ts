/**
 * The patient export: one JSON document with every appointment of the patient
 * at one clinic and everything attached to it, and a CSV of the appointments.
 * Pure: lib/server/privacy/export.ts reads the documents and turns Firestore
 * values into plain JSON (instants as ISO strings) before calling this.
 */
import type { ExportKey } from "./collection-rules";

export type JsonRecord = Record<string, unknown>;

/** One appointment and what hangs off it, under the rule keys of collection-rules.ts. */
export type ExportedAppointment = { id: string } & Record<Exclude<ExportKey, "waitlist">, JsonRecord | JsonRecord[] | null>;

export interface PatientExport {
  format: "patient-export/1";
  exportedAt: string;
  clinic: { id: string; name: string };
  email: string;
  appointments: ExportedAppointment[];
  /** The email's waiting-list entries at the clinic (top level: they belong to no appointment). */
  waitlist: JsonRecord[];
  /** The emails about those entries (joined, a time opened). */
  waitlistEmails: JsonRecord[];
}

/** Fields never exported: link secrets (hashes, but still keys to the status page) and internal lock ids. */
export const NOT_EXPORTED = new Set(["tokenHash", "linkTokenHashes", "confirmTokenHash", "lockIds"]);

export const CSV_COLUMNS = [
  "id",
  "status",
  "start",
  "end",
  "timezone",
  "doctor",
  "patientName",
  "patientEmail",
  "patientPhone",
  "reason",
  "feeCents",
  "currency",
  "paymentStatus",
  "paidCents",
  "refundedCents",
  "paymentIntentId",
  "chargeId",
  "refundId",
  "visitStatus",
  "createdAt",
  "updatedAt",
  "erasedAt",
] as const;

const get = (record: JsonRecord | null | undefined, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as JsonRecord)[key] : undefined), record ?? undefined);

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) is
 * prefixed with an apostrophe, so a spreadsheet never runs a patient's text
 * as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(header: readonly string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The appointments as CSV, one row each. */
export function appointmentsCsv(data: PatientExport): string {
  const rows = data.appointments.map((row) => {
    const a = row.appointment as JsonRecord;
    const visit = row.visit as JsonRecord | null;
    return [
      row.id,
      a.status,
      a.start,
      a.end,
      a.timezone,
      a.doctorName,
      get(a, "patient.name"),
      get(a, "patient.email"),
      get(a, "patient.phone"),
      a.reason,
      a.feeCents,
      a.currency,
      get(a, "payment.status"),
      get(a, "payment.amountCents"),
      get(a, "payment.refundedCents"),
      get(a, "payment.intentId"),
      get(a, "payment.chargeId"),
      get(a, "payment.refundId"),
      visit ? visit.status : null,
      a.createdAt,
      a.updatedAt,
      a.erasedAt,
    ];
  });
  return csvRows(CSV_COLUMNS, rows);
}

/** A file name for the download: the date, never the email (file names end up in logs and shared folders). */
export function exportFilename(exportedAt: string, format: "json" | "csv"): string {
  return `patient-export-${exportedAt.slice(0, 10)}.${format === "json" ? "json" : "csv"}`;
}
