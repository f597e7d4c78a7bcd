import "server-only";
import { withClinicClosures, type ClinicClosure } from "@/lib/domain/clinic-closures";
import { isBookingPageOpen } from "@/lib/domain/booking-page-opening";
import { AppError } from "@/lib/domain/errors";
import type { HoldRule } from "@/lib/domain/hold-deadline";
import { slugSchema } from "@/lib/domain/slug";
import { doctorScheduleSchema, type DoctorSchedule } from "@/lib/domain/slots";
import { isDocumentId } from "@/lib/domain/validation";
import { cachedClinicIdForSlug } from "@/lib/server/clinics/clinic-profile";
import { readUpcomingClosures } from "@/lib/server/clinics/closures";
import { bookingPageNotOpen } from "@/lib/server/clinics/public-clinic";
import { currentSlug } from "@/lib/server/doctors/slugs";
import { db } from "@/lib/server/firebase";
import { holdRuleOf, requiresEmailConfirmation } from "@/lib/server/appointments/hold";
import { ipLimitOf } from "./request-limits";
import type { CancellationPolicy } from "@/lib/domain/cancellation-policy";
import { cancellationPolicyOf } from "@/lib/server/clinics/cancellation-policy";

export interface BookableDoctor {
  clinic: { id: string; slug: string; name: string; timezone: string; feeCents: number; currency: string; phone: string; email: string; address: string };
  doctor: { id: string; slug: string; name: string; specialty: string; bio: string };
  schedule: DoctorSchedule;
}

/** What a booking needs beyond what the pages show, read from Firestore with the clinic. */
export interface BookingTarget extends BookableDoctor {
  /**
   * The clinic's rules for a new request, defaults filled in (the settings on clinics/{id}), read with the clinic
   * so a booking never reads the clinic twice.
   */
  requestRules: RequestRules;
  /**
   * The clinic's closures from about today on; `schedule` is already closed on them. Empty from loadBookableDoctor,
   * whose request reads only its own date's closure.
   */
  closures: ClinicClosure[];
  /** False while the clinic waits for an admin's verified email: no patient may book it (loadBookableDoctor). */
  bookingOpen: boolean;
}

export interface RequestRules {
  hold: HoldRule;
  /** The patient confirms their email before the clinic hears of the request (a short hold until then). */
  confirmEmailFirst: boolean;
  /** Requests one network address may send per hour. */
  ipRequestsPerHour: number;
  /** The clinic's cancellation policy, snapshotted on the request (what the patient reads before paying). */
  cancellationPolicy: CancellationPolicy;
}

/**
 * The clinic and the active doctor a patient can book, or not_found for an
 * unknown clinic, an unknown or deactivated doctor. Both reads go straight to
 * Firestore: a doctor's new hours must show on the very next load.
 */
export async function loadBookableDoctor(slug: string, doctorId: string): Promise<BookingTarget> {
  const notFound = new AppError("not_found", "We couldn't find that clinic or doctor. Please check the link.");
  if (!slugSchema.safeParse(slug).success || !isDocumentId(doctorId)) throw notFound;

  const clinicId = await cachedClinicIdForSlug(slug);
  if (!clinicId) throw notFound;
  // No closures here: a request reads its own date's closure with the time's locks, in one round-trip
  // (requestAppointment), and its commit reads it again, which decides.
  const target = await loadClinicDoctor(clinicId, doctorId, slug, async () => []);
  // Read outside the booking's transaction, which is safe because a booking page only ever opens: a clinic
  // read as open stays open.
  if (!target.bookingOpen) throw bookingPageNotOpen();
  return target;
}

/**
 * The same by clinic id, for staff verbs that start from an appointment (a
 * proposal needs the doctor's current schedule). not_found when the doctor
 * was deactivated: no new times are offered for them.
 */
export async function loadClinicDoctor(
  clinicId: string,
  doctorId: string,
  knownSlug?: string,
  readClosures: (clinicId: string) => Promise<ClinicClosure[]> = readUpcomingClosures,
): Promise<BookingTarget> {
  const notFound = new AppError("not_found", "We couldn't find that clinic or doctor. Please check the link.");
  if (!isDocumentId(doctorId)) throw notFound;
  const clinicRef = db().collection("clinics").doc(clinicId);
  const [clinic, doctor, closures] = await Promise.all([
    clinicRef.get(),
    clinicRef.collection("doctors").doc(doctorId).get(),
    readClosures(clinicId),
  ]);
  if (!clinic.exists || !doctor.exists || doctor.get("active") !== true) throw notFound;

  const timezone = String(clinic.get("timezone"));
  const parsed = doctorScheduleSchema.safeParse({ ...doctor.get("schedule"), timeZone: timezone });
  if (!parsed.success) {
    // Stored data the editor should never have saved: offer no times rather than wrong ones.
    console.error(`Doctor ${clinicId}/${doctorId} has an invalid schedule`, parsed.error.issues);
    throw new AppError("not_found", "This doctor isn't taking bookings online right now.");
  }

  return {
    clinic: {
      id: clinic.id,
      slug: knownSlug ?? String(clinic.get("slug") ?? ""),
      name: String(clinic.get("name")),
      timezone,
      feeCents: Number(clinic.get("feeCents") ?? 0),
      currency: String(clinic.get("currency") ?? "USD"),
      phone: String(clinic.get("phone") ?? ""),
      email: String(clinic.get("email") ?? ""),
      address: String(clinic.get("address") ?? ""),
    },
    doctor: {
      id: doctor.id,
      slug: currentSlug(doctor),
      name: String(doctor.get("name")),
      specialty: String(doctor.get("specialty") ?? ""),
      bio: String(doctor.get("bio") ?? ""),
    },
    // Every doctor is closed on the clinic's closed dates, for a proposal as for a request.
    schedule: withClinicClosures(parsed.data as DoctorSchedule, closures),
    closures,
    requestRules: { hold: holdRuleOf(clinic), confirmEmailFirst: requiresEmailConfirmation(clinic), ipRequestsPerHour: ipLimitOf(clinic), cancellationPolicy: cancellationPolicyOf(clinic) },
    bookingOpen: isBookingPageOpen(clinic.get("publishedAt")),
  };
}
