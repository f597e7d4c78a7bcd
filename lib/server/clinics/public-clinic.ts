import "server-only";
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

/** The clinic behind a public link, with its active doctors, straight from Firestore; null when unknown. */
export async function getPublicClinic(slug: string, now = appNow()): Promise<PublicClinic | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const clinicId = await clinicIdForSlug(slug);
  return clinicId ? toPublicClinic(await readClinicProfile(clinicId), slug, now) : null;
}

/** The same for the public pages, through this server's profile cache (clinic-profile.ts). */
export async function cachedPublicClinic(slug: string, now = appNow()): Promise<PublicClinic | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const clinicId = await cachedClinicIdForSlug(slug);
  return clinicId ? toPublicClinic(await cachedClinicProfile(clinicId), slug, now) : null;
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
