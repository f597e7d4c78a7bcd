import "server-only";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { clinicDateAt, closeDatesSchema, reopenDateSchema, upcomingClosures, type ClinicClosure } from "@/lib/domain/clinic-closures";
import { AppError } from "@/lib/domain/errors";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { DAY_MS, dayNumberToLocalDate, localDateToDayNumber, type LocalDate } from "@/lib/domain/slots";
import { startOfLocalDay } from "@/lib/domain/visits";
import { parseWith } from "@/lib/http/json-api";
import { appointments, type AppointmentDoc } from "@/lib/server/appointments/model";
import { HOLDING } from "@/lib/server/booking/busy-time";
import { forgetClinicProfile } from "@/lib/server/clinics/clinic-profile";
import { appNow } from "@/lib/server/clock";
import { db } from "@/lib/server/firebase";
import { enqueueWake } from "@/lib/server/waitlist/freed-time";

/**
 * clinics/{clinicId}/closures/{YYYY-MM-DD}: the whole clinic is closed that
 * local date, `{date, note, closedAt, closedBy, closedByName}`. One document a
 * date, so a booking's transaction reads exactly the one for its own date, and
 * conflicts with a closure of that date only. Closing never touches
 * appointments: the ones already on a closed date are listed for staff
 * (`listClosures`) to move or cancel one by one, and the patient is told by
 * that verb as usual.
 */
export const closuresOf = (clinicId: string) => db().collection("clinics").doc(clinicId).collection("closures");
export const closureRef = (clinicId: string, date: LocalDate) => closuresOf(clinicId).doc(date);

/**
 * The clinic's closures from `now`'s date in any zone on: the clinic's own
 * "today" is never earlier than the UTC date before today's (zones run from
 * UTC−12 to UTC+14), so no current closure is missed and a past one is only
 * a day old. One single-field range query.
 */
export async function readUpcomingClosures(clinicId: string, now: Date = appNow()): Promise<ClinicClosure[]> {
  const earliest = dayNumberToLocalDate(Math.floor(now.getTime() / DAY_MS) - 1);
  // query-shape: closures.upcoming
  const snapshot = await closuresOf(clinicId).where("date", ">=", earliest).get();
  return snapshot.docs.map((doc) => ({ date: String(doc.get("date")), note: String(doc.get("note") ?? "") }));
}

export const clinicClosed = () =>
  new AppError("slot_unavailable", "The clinic is closed that day. Please choose another day.", { start: "The clinic is closed that day" });

/** In a booking's transaction, before any write: refuse a start on a date the clinic has closed. */
export async function assertOpenInTransaction(tx: Transaction, clinicId: string, timeZone: string, start: number): Promise<void> {
  const date = clinicDateAt(timeZone, start);
  if ((await tx.get(closureRef(clinicId, date))).exists) throw clinicClosed();
}

async function clinicZone(clinicId: string): Promise<string> {
  const clinic = await db().collection("clinics").doc(clinicId).get();
  if (!clinic.exists) throw new AppError("not_found", "We couldn't find your clinic.");
  return String(clinic.get("timezone"));
}

/**
 * Admins close the clinic on one date or a run of dates, with an optional
 * public note, in one commit (re-closing a date replaces its note). The input
 * is the form's: `{from, to?, note?}` (closeDatesSchema, as of the clinic's
 * today). Appointments on those dates are left as they are (see above).
 */
export async function closeClinicDates(caller: Caller | null, input: unknown, now: Date = appNow()): Promise<{ dates: LocalDate[] }> {
  assertCan(caller, "settings:write");
  const zone = await clinicZone(caller.clinicId);
  const { dates, note } = parseWith(closeDatesSchema(clinicDateAt(zone, now.getTime())), input, "Please check the highlighted fields.");
  const batch = db().batch();
  const at = Timestamp.fromDate(now);
  for (const date of dates) batch.set(closureRef(caller.clinicId, date), { date, note, closedAt: at, closedBy: caller.uid, closedByName: caller.name });
  await batch.commit();
  // The closures are part of the cached profile the booking pages read.
  forgetClinicProfile(caller.clinicId);
  return { dates };
}

/** Admins open a closed date again: its doctors' own hours apply once more. */
export async function reopenClinicDate(caller: Caller | null, input: unknown): Promise<{ date: LocalDate }> {
  assertCan(caller, "settings:write");
  const { date } = parseWith(reopenDateSchema, input, "That isn't a date.");
  const ref = closureRef(caller.clinicId, date);
  if (!(await ref.get()).exists) throw new AppError("not_found", "The clinic isn't closed that day.");
  // The date's time is bookable again: wake every doctor's waiting list for it, in the same commit.
  const batch = db().batch();
  batch.delete(ref);
  enqueueWake(batch, { clinicId: caller.clinicId, doctorId: null, from: null, to: null, fromDate: date, toDate: date, reason: "reopened" });
  await batch.commit();
  forgetClinicProfile(caller.clinicId);
  return { date };
}

export interface AffectedAppointment {
  id: string;
  status: AppointmentStatus;
  /** ISO instant. */
  start: string;
  doctorName: string;
  patientName: string;
  /** Where staff act on it: the visit for a confirmed one, the request otherwise. */
  href: string;
}

export interface ClosureWithAffected extends ClinicClosure {
  affected: AffectedAppointment[];
}

/**
 * The clinic's closures from today on, each with the appointments that still
 * hold a time that day (pending, approved, moved, confirmed), earliest first,
 * for staff to move or cancel. One query a closed date.
 */
export async function listClosures(caller: Caller | null, now: Date = appNow()): Promise<{ today: LocalDate; timezone: string; closures: ClosureWithAffected[] }> {
  assertCan(caller, "requests:review");
  const [zone, closures] = await Promise.all([clinicZone(caller.clinicId), readUpcomingClosures(caller.clinicId, now)]);
  const today = clinicDateAt(zone, now.getTime());
  const upcoming = upcomingClosures(closures, today);
  const withAffected = await Promise.all(
    upcoming.map(async (closure) => ({ ...closure, affected: await appointmentsOnDate(caller.clinicId, zone, closure.date) })),
  );
  return { today, timezone: zone, closures: withAffected };
}

async function appointmentsOnDate(clinicId: string, zone: string, date: LocalDate): Promise<AffectedAppointment[]> {
  const from = startOfLocalDay(zone, date);
  const to = startOfLocalDay(zone, dayNumberToLocalDate(localDateToDayNumber(date) + 1));
  // query-shape: appointments.onClinicDate
  const snapshot = await appointments()
    .where("clinicId", "==", clinicId)
    .where("status", "in", HOLDING)
    .where("start", ">=", Timestamp.fromMillis(from))
    .where("start", "<", Timestamp.fromMillis(to))
    .orderBy("start")
    .get();
  return snapshot.docs.map((doc) => {
    const a = doc.data() as AppointmentDoc;
    return {
      id: doc.id,
      status: a.status,
      start: a.start.toDate().toISOString(),
      doctorName: a.doctorName,
      patientName: a.patient.name,
      href: a.status === "confirmed" ? `/dashboard/schedule/${doc.id}` : `/dashboard/requests/${doc.id}`,
    };
  });
}
