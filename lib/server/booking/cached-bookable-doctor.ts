import "server-only";
import { upcomingClosures, withClinicClosures, type ClinicClosure } from "@/lib/domain/clinic-closures";
import { AppError } from "@/lib/domain/errors";
import { isValidSlug, slugSchema } from "@/lib/domain/slug";
import { dayNumberToLocalDate, doctorScheduleSchema, localDayNumberAt, type DoctorSchedule } from "@/lib/domain/slots";
import { isDocumentId } from "@/lib/domain/validation";
import { processWide } from "@/lib/server/cache/process-wide";
import { createRefreshingCache } from "@/lib/server/cache/refreshing-cache";
import { cachedClinicIdForSlug, cachedClinicProfile, type ClinicPublicProfile } from "@/lib/server/clinics/clinic-profile";
import { appNow } from "@/lib/server/clock";
import { bookingPageNotOpen } from "@/lib/server/clinics/public-clinic";
import { doctorSlugRef } from "@/lib/server/doctors/slugs";
import type { BookableDoctor } from "./bookable-doctor";

// The booking page and the slots API, which only show times, read the doctor
// through the clinic profile cache (clinic-profile.ts). A booking never does:
// requestAppointment reads the clinic and the doctor from Firestore and checks
// the time against them.

export interface DoctorPage {
  /** The canonical address: the clinic's slug in lowercase, the doctor's current slug. */
  path: { clinicSlug: string; doctorId: string; doctorSlug: string };
  /** Null when the doctor's stored hours are unreadable: no times are offered. */
  bookable: BookableDoctor | null;
  /** The clinic's closures from today on, in date order (their notes are shown on the page). */
  closures: ClinicClosure[];
}

// A doctor slug document is created once and never changed or removed (an old
// slug keeps naming its doctor), so a found one is kept while there is room.
const doctorSlugs = processWide("doctor-slugs", () =>
  createRefreshingCache<string | undefined>({
    ttlMs: Number.POSITIVE_INFINITY,
    maxEntries: 10_000,
    keep: (doctorId) => doctorId !== undefined,
  }),
);

function doctorIdForSlug(clinicId: string, slug: string): Promise<string | undefined> {
  return doctorSlugs.get(`${clinicId}/${slug}`, async () => {
    const doctorId = (await doctorSlugRef(clinicId, slug).get()).get("doctorId");
    return typeof doctorId === "string" && isDocumentId(doctorId) ? doctorId : undefined;
  });
}

/**
 * What /book/{clinic}/{segment} shows: the segment is the doctor's current or
 * old slug in any case, or their id (links from before slugs). Null for an
 * unknown clinic, a clinic whose booking page is not open yet (the clinic's
 * layout says so), or a doctor who is unknown or not active.
 */
export async function cachedDoctorPage(clinicSlug: string, segment: string): Promise<DoctorPage | null> {
  const lower = clinicSlug.toLowerCase();
  if (!slugSchema.safeParse(lower).success) return null;
  const clinicId = await cachedClinicIdForSlug(lower);
  if (!clinicId) return null;
  const segmentLower = segment.toLowerCase();
  const [profile, bySlug] = await Promise.all([
    cachedClinicProfile(clinicId),
    isValidSlug(segmentLower) ? doctorIdForSlug(clinicId, segmentLower) : undefined,
  ]);
  const active = (doctorId: string | undefined) => profile?.doctors.find((doctor) => doctor.id === doctorId);
  const found = active(bySlug) ?? (isDocumentId(segment) ? active(segment) : undefined);
  if (!profile?.bookingOpen || !found) return null;
  const today = dayNumberToLocalDate(localDayNumberAt(profile.timezone, appNow().getTime()));
  return {
    path: { clinicSlug: lower, doctorId: found.id, doctorSlug: found.slug },
    bookable: bookableOf(profile, found.id, lower),
    closures: upcomingClosures(profile.closures, today),
  };
}

/** The doctor the slots API asks about by id, or not_found as loadBookableDoctor says it. */
export async function cachedBookableDoctor(slug: string, doctorId: string): Promise<BookableDoctor> {
  const notFound = new AppError("not_found", "We couldn't find that clinic or doctor. Please check the link.");
  if (!slugSchema.safeParse(slug).success || !isDocumentId(doctorId)) throw notFound;
  const clinicId = await cachedClinicIdForSlug(slug);
  const profile = clinicId ? await cachedClinicProfile(clinicId) : null;
  if (profile && !profile.bookingOpen) throw bookingPageNotOpen();
  if (!profile || !profile.doctors.some((doctor) => doctor.id === doctorId)) throw notFound;
  const bookable = bookableOf(profile, doctorId, slug);
  if (!bookable) throw new AppError("not_found", "This doctor isn't taking bookings online right now.");
  return bookable;
}

function bookableOf(profile: ClinicPublicProfile, doctorId: string, clinicSlug: string): BookableDoctor | null {
  const { doctors, description: _description, closures, ...clinic } = profile;
  const doctor = doctors.find((each) => each.id === doctorId)!;
  const parsed = doctorScheduleSchema.safeParse({ ...doctor.schedule, timeZone: clinic.timezone });
  if (!parsed.success) {
    // Stored data the editor should never have saved: offer no times rather than wrong ones.
    console.error(`Doctor ${clinic.id}/${doctorId} has an invalid schedule`, parsed.error.issues);
    return null;
  }
  const { schedule: _schedule, ...shown } = doctor;
  // Every doctor is closed on the clinic's closed dates.
  return { clinic: { ...clinic, slug: clinicSlug }, doctor: shown, schedule: withClinicClosures(parsed.data as DoctorSchedule, closures) };
}
