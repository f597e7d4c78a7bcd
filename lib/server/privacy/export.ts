import "server-only";
import type { DocumentData } from "firebase-admin/firestore";
import { appointmentsCsv, exportFilename, NOT_EXPORTED, type JsonRecord, type PatientExport } from "@/lib/domain/privacy/export-format";
import { exportQuerySchema } from "@/lib/domain/privacy/patient-email";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { parseWith } from "@/lib/http/json-api";
import { appNow } from "@/lib/server/clock";
import { db } from "@/lib/server/firebase";
import { visits } from "@/lib/server/visits/visit-docs";
import { waitlistEntriesOf, waitlistMailOf } from "@/lib/server/waitlist/patient-data";
import { appendAccess } from "./access-log";
import { extraChargesOfAppointment, mailOfAppointment, patientAppointments, plain } from "./patient-records";

const record = (data: DocumentData | undefined) => plain(data) as JsonRecord;

/**
 * Everything the clinic holds about one email, as the JSON export: each
 * appointment (without its link secrets) with its history, its visit and
 * notes, every email sent about it, and extra charges (amounts and Stripe
 * ids; no card data exists); and the email's waiting-list entries with their emails. The caller's clinic only. The export is logged
 * (who, when, which appointments) before it is returned.
 */
export async function exportPatientData(caller: Caller | null, input: { email: unknown }, now = appNow()): Promise<PatientExport> {
  assertCan(caller, "privacy:manage");
  const { email } = parseWith(exportQuerySchema.pick({ email: true }), input, "Enter the patient's email address.");
  const docs = await patientAppointments(caller.clinicId, email);
  const clinic = await db().collection("clinics").doc(caller.clinicId).get();
  const rows = await Promise.all(
    docs.map(async (doc) => {
      const [history, visit, mail, extras] = await Promise.all([
        doc.ref.collection("history").get(),
        visits().doc(doc.id).get(),
        mailOfAppointment(doc.id).get(),
        extraChargesOfAppointment(doc.id).get(),
      ]);
      const appointment = Object.fromEntries(Object.entries(record(doc.data())).filter(([key]) => !NOT_EXPORTED.has(key)));
      return {
        id: doc.id,
        appointment,
        history: [...history.docs].sort((x, y) => x.id.localeCompare(y.id)).map((h) => ({ seq: h.id, ...record(h.data()) })),
        visit: visit.exists ? record(visit.data()) : null,
        emails: mail.docs
          .map((m): JsonRecord => ({ id: m.id, ...record(m.data()) }))
          .sort((a, b) => String(a.createdAt ?? "").localeCompare(String(b.createdAt ?? ""))),
        extraCharges: extras.docs.map((c) => ({ id: c.id, ...record(c.data()) })),
      };
    }),
  );
  const [entries, waitlistMail] = await Promise.all([waitlistEntriesOf(caller.clinicId, email), waitlistMailOf(caller.clinicId, email)]);
  await appendAccess({ clinicId: caller.clinicId, by: caller.uid, action: "export", appointmentIds: docs.map((d) => d.id), patientEmail: email }, { now });
  return {
    format: "patient-export/1",
    exportedAt: now.toISOString(),
    clinic: { id: caller.clinicId, name: String(clinic.get("name") ?? "") },
    email,
    appointments: rows,
    // The waiting list's entries (without their leave links' hashes) and the emails about them.
    waitlist: entries.map((e) => ({ id: e.id, ...Object.fromEntries(Object.entries(record(e.data())).filter(([key]) => key !== "leaveTokenHashes")) })),
    waitlistEmails: waitlistMail.map((m): JsonRecord => ({ id: m.id, ...record(m.data()) })).sort((a, b) => String(a.createdAt ?? "").localeCompare(String(b.createdAt ?? ""))),
  };
}

/** The download: the JSON export or its appointments as CSV, with a file name that names no patient. */
export async function exportDownload(caller: Caller | null, query: unknown, now = appNow()): Promise<{ body: string; filename: string; contentType: string }> {
  assertCan(caller, "privacy:manage");
  const { email, format } = parseWith(exportQuerySchema, query, "The export needs the patient's email and a format (json or csv).");
  const data = await exportPatientData(caller, { email }, now);
  return format === "csv"
    ? { body: appointmentsCsv(data), filename: exportFilename(data.exportedAt, "csv"), contentType: "text/csv; charset=utf-8" }
    : { body: JSON.stringify(data, null, 2), filename: exportFilename(data.exportedAt, "json"), contentType: "application/json; charset=utf-8" };
}
