import "server-only";
import { forgetClinicProfile } from "@/lib/server/clinics/clinic-profile";
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { enqueueWake } from "@/lib/server/waitlist/freed-time";
import type { StoredSchedule } from "@/lib/domain/availability-form";
import { AppError } from "@/lib/domain/errors";
import { assertSignedIn, canManageDoctor, forbidden, type Caller } from "@/lib/domain/roles";
import { WEEKDAYS, doctorScheduleSchema, doctorScheduleSchemaAt } from "@/lib/domain/slots";
import { fieldErrors, isDocumentId } from "@/lib/domain/validation";
import { db } from "@/lib/server/firebase";
import { appNow } from "@/lib/server/clock";

// A doctor's working hours as the availability editor reads and saves them.
// Admins manage any doctor of their clinic, a doctor only their own, staff
// none (lib/domain/roles canManageDoctor). Paths are always built from the
// caller's clinic, so another clinic's doctor is simply not found.
//
// Stored at clinics/{clinicId}/doctors/{doctorId}.schedule in the slot
// engine's shape without `timeZone` (the clinic's `timezone` supplies it).
// The booking pages read it through the clinic profile cache, which a save
// forgets, so it shows on the very next load. Appointments and
// slot locks are not touched: existing requests and visits keep their times.

export interface DoctorScheduleForEditing {
  doctor: { id: string; name: string; active: boolean };
  /** The clinic's IANA zone; every time in the schedule is wall-clock time there. */
  timezone: string;
  /** The stored schedule as it is (possibly hand-edited or incomplete); the editor opens it leniently. */
  schedule: unknown;
  /** False when the stored schedule fails the engine's schema: patients then see no times until it is fixed and saved. */
  valid: boolean;
  /** ISO instant of the doctor document's last change, if known. */
  updatedAt: string | null;
}

const notFound = () => new AppError("not_found", "We couldn't find that doctor in your clinic.");

// Ids come from URLs and forms; anything else (a "/" would address another
// document) is simply not one of the clinic's doctors.
function doctorRef(clinicId: string, doctorId: string) {
  if (!isDocumentId(doctorId)) throw notFound();
  return db().collection("clinics").doc(clinicId).collection("doctors").doc(doctorId);
}

function assertCanManage(caller: Caller | null | undefined, doctorId: string): asserts caller is Caller {
  assertSignedIn(caller);
  if (!canManageDoctor(caller, doctorId)) throw forbidden();
}

/** The doctor's schedule and the clinic's zone, for the editor. Admins: any doctor of their clinic; a doctor: their own. */
export async function getDoctorScheduleForEditing(caller: Caller | null, doctorId: string): Promise<DoctorScheduleForEditing> {
  assertCanManage(caller, doctorId);
  const ref = doctorRef(caller.clinicId, doctorId);
  const [clinic, doctor] = await Promise.all([db().collection("clinics").doc(caller.clinicId).get(), ref.get()]);
  if (!clinic.exists || !doctor.exists) throw notFound();

  const timezone = String(clinic.get("timezone"));
  const schedule: unknown = doctor.get("schedule");
  const updatedAt = doctor.get("updatedAt") as Timestamp | undefined;
  return {
    doctor: { id: doctor.id, name: String(doctor.get("name") ?? ""), active: doctor.get("active") === true },
    timezone,
    schedule: schedule ?? null,
    valid: doctorScheduleSchema.safeParse({ ...(schedule as object), timeZone: timezone }).success,
    updatedAt: typeof updatedAt?.toDate === "function" ? updatedAt.toDate().toISOString() : null,
  };
}

/**
 * Replaces the doctor's whole schedule (weekly hours, date overrides, visit
 * length, buffer, notice, horizon), so removed rows and overrides are really
 * gone. `input` is the stored shape; any `timeZone` in it is ignored (the
 * clinic's zone applies). Validated with the engine's schema: invalid input
 * is invalid_request with `fields` keyed like "weeklyHours.mon.1.end", and
 * nothing is written. Date overrides before `now`'s day are dropped; one after
 * the booking horizon is refused.
 */
export async function updateDoctorSchedule(caller: Caller | null, doctorId: string, input: unknown, now = appNow()): Promise<void> {
  assertCanManage(caller, doctorId);
  const ref = doctorRef(caller.clinicId, doctorId);
  const clinicRef = db().collection("clinics").doc(caller.clinicId);

  await db().runTransaction(async (tx) => {
    const [clinic, doctor] = await Promise.all([tx.get(clinicRef), tx.get(ref)]);
    if (!clinic.exists || !doctor.exists) throw notFound();

    const body = input !== null && typeof input === "object" && !Array.isArray(input) ? input : {};
    // Past date overrides are dropped and ones beyond the horizon refused, so
    // the stored list stays small (see doctorScheduleSchemaAt).
    const parsed = doctorScheduleSchemaAt(now).safeParse({ ...body, timeZone: String(clinic.get("timezone")) });
    if (!parsed.success) {
      throw new AppError("invalid_request", "Some of the hours need fixing. Check the highlighted fields.", fieldErrors(parsed.error));
    }

    const { timeZone: _zone, weeklyHours, dateOverrides, ...rules } = parsed.data;
    const schedule: StoredSchedule = {
      // Every weekday written out, closed days as [], like new doctors get.
      weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, weeklyHours[day] ?? []])),
      dateOverrides: dateOverrides ?? {},
      ...rules,
    };
    // One field, one write: `schedule` is replaced as a whole, not merged.
    tx.update(ref, { schedule, updatedAt: FieldValue.serverTimestamp() });
    // New hours or an override may add time: the waiting list's job looks at the whole window for free days.
    enqueueWake(tx, { clinicId: caller.clinicId, doctorId, from: Timestamp.fromDate(now), to: Timestamp.fromMillis(now.getTime() + (schedule.horizonDays + 1) * 86_400_000), fromDate: null, toDate: null, reason: "hours" }, now);
  });
  forgetClinicProfile(caller.clinicId);
}
