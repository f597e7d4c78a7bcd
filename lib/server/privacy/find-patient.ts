import "server-only";
import type { PatientSummary } from "@/lib/domain/privacy/patient-summary";
import { findPatientSchema } from "@/lib/domain/privacy/patient-email";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { parseWith } from "@/lib/http/json-api";
import type { AppointmentDoc } from "@/lib/server/appointments/model";
import { appNow } from "@/lib/server/clock";
import { db } from "@/lib/server/firebase";
import { visits } from "@/lib/server/visits/visit-docs";
import { isLive, mailOfAppointment, patientAppointments } from "./patient-records";

/**
 * What the clinic holds about one email: its appointments (with visits) and
 * the emails sent about them. Admins only; the caller's clinic only.
 */
export async function findPatient(caller: Caller | null, input: unknown, now = appNow()): Promise<PatientSummary> {
  assertCan(caller, "privacy:manage");
  const { email } = parseWith(findPatientSchema, input, "Enter the patient's email address.");
  const docs = await patientAppointments(caller.clinicId, email);
  const visitRefs = docs.map((d) => visits().doc(d.id));
  const [visitSnaps, mailCounts] = await Promise.all([
    visitRefs.length ? db().getAll(...visitRefs) : Promise.resolve([]),
    Promise.all(docs.map(async (d) => (await mailOfAppointment(d.id).count().get()).data().count)),
  ]);
  const rows = docs.map((doc, i) => {
    const a = doc.data() as AppointmentDoc;
    return {
      id: doc.id,
      status: a.status,
      start: a.start.toMillis(),
      timezone: a.timezone,
      doctorName: a.doctorName,
      live: isLive(a, now),
      hasVisit: Boolean(visitSnaps[i]?.exists),
      erased: Boolean(a.erasedAt),
    };
  });
  return { email, appointments: rows, emails: mailCounts.reduce((s, n) => s + n, 0), live: rows.filter((r) => r.live).map((r) => r.id) };
}
