import "server-only";
import { BOOKING_PAGE_NOT_OPEN } from "@/lib/domain/booking-page-opening";
import { AppError } from "@/lib/domain/errors";
import { hasHoursInWindow } from "@/lib/domain/booking-calendar";
import { upcomingClosures, withClinicClosures } from "@/lib/domain/clinic-closures";
import { slugSchema } from "@/lib/domain/slug";
import { dayNumberToLocalDate, doctorScheduleSchema, localDayNumberAt } from "@/lib/domain/slots";
import { cachedClinicIdForSlug, cachedClinicProfile, readClinicProfile, type ClinicPublicProfile } from "@/lib/server/clinics/clinic-profile";
import { clinicIdForSlug } from "@/lib/server/clinics/clinic-slug";
import { appNow } from "@/lib/server/clock";

export interface PublicDoctor {
  id: string;
  /** The doctor's page: /book/{clinic slug}/{slug}. */
  slug: string;
  name: string;
  specialty: string;
  bio: string;
  /** False when the doctor has no working hours (or unreadable ones) in the bookable window. */
  takingBookings: boolean;
}

/** The clinic's profile as clinic-profile.ts reads it, with the slug it was asked by and its doctors as shown. */
export interface PublicClinic extends Omit<ClinicPublicProfile, "doctors"> {
  slug: string;
  doctors: PublicDoctor[];
}

/** A clinic waiting for an admin's verified email: 404, as an unknown one, but saying so. */
export const bookingPageNotOpen = () => new AppError("not_found", BOOKING_PAGE_NOT_OPEN);

/**
 * The clinic behind a public link, with its active doctors, straight from Firestore (the public API); null when
 * unknown. A clinic whose booking page is not open yet is refused with bookingPageNotOpen(), its data unread by
 * the caller.
 */
export async function getPublicClinic(slug: string, now = appNow()): Promise<PublicClinic | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const clinicId = await clinicIdForSlug(slug);
  const profile = clinicId ? await readClinicProfile(clinicId) : null;
  if (profile && !profile.bookingOpen) throw bookingPageNotOpen();
  return toPublicClinic(profile, slug, now);
}

/**
 * The same for the public pages, through this server's profile cache (clinic-profile.ts); null also for a
 * clinic not open yet (the page's layout has already answered with cachedClinicAccess, which says why).
 */
export async function cachedPublicClinic(slug: string, now = appNow()): Promise<PublicClinic | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const clinicId = await cachedClinicIdForSlug(slug);
  const profile = clinicId ? await cachedClinicProfile(clinicId) : null;
  return profile?.bookingOpen ? toPublicClinic(profile, slug, now) : null;
}

export type ClinicAccess = { kind: "unknown" } | { kind: "not_open"; name: string } | { kind: "open"; clinicId: string };

/**
 * May a patient see the clinic behind this public link? Its name is the only thing told about a clinic whose
 * booking page is not open yet.
 */
export async function cachedClinicAccess(slug: string): Promise<ClinicAccess> {
  const lower = slug.toLowerCase();
  if (!slugSchema.safeParse(lower).success) return { kind: "unknown" };
  const clinicId = await cachedClinicIdForSlug(lower);
  const profile = clinicId ? await cachedClinicProfile(clinicId) : null;
  if (!profile) return { kind: "unknown" };
  return profile.bookingOpen ? { kind: "open", clinicId: profile.id } : { kind: "not_open", name: profile.name };
}

function toPublicClinic(profile: ClinicPublicProfile | null, slug: string, now: Date): PublicClinic | null {
  if (!profile) return null;
  const { doctors, closures, ...clinic } = profile;
  const today = dayNumberToLocalDate(localDayNumberAt(clinic.timezone, now.getTime()));
  return {
    ...clinic,
    slug,
    closures: upcomingClosures(closures, today),
    doctors: doctors
      .map((doctor) => {
        // The same parse the doctor page does: a schedule it would refuse takes no bookings.
        const schedule = doctorScheduleSchema.safeParse({ ...doctor.schedule, timeZone: clinic.timezone });
        return {
          id: doctor.id,
          slug: doctor.slug,
          name: doctor.name,
          specialty: doctor.specialty,
          bio: doctor.bio,
          takingBookings: schedule.success && hasHoursInWindow(withClinicClosures(schedule.data, closures), today),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
