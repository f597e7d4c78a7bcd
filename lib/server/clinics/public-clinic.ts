import "server-only";
import { hasHoursInWindow } from "@/lib/domain/booking-calendar";
import { slugSchema } from "@/lib/domain/slug";
import { dayNumberToLocalDate, doctorScheduleSchema, localDayNumberAt } from "@/lib/domain/slots";
import { currentSlug } from "@/lib/server/doctors/slugs";
import { clinicIdForSlug } from "@/lib/server/clinics/clinic-slug";
import { db } from "@/lib/server/firebase";
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

export interface PublicClinic {
  id: string;
  slug: string;
  name: string;
  description: string;
  address: string;
  phone: string;
  email: string;
  timezone: string;
  feeCents: number;
  currency: string;
  doctors: PublicDoctor[];
}

/** The clinic behind a public link, with its active doctors; null when unknown. */
export async function getPublicClinic(slug: string, now = appNow()): Promise<PublicClinic | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const clinicId = await clinicIdForSlug(slug);
  if (!clinicId) return null;

  const clinicRef = db().collection("clinics").doc(clinicId);
  const [clinic, doctors] = await Promise.all([
    clinicRef.get(),
    // query-shape: doctors.active
    clinicRef.collection("doctors").where("active", "==", true).get(),
  ]);
  if (!clinic.exists) return null;
  const timezone = String(clinic.get("timezone"));
  const today = dayNumberToLocalDate(localDayNumberAt(timezone, now.getTime()));

  return {
    id: clinic.id,
    slug,
    name: String(clinic.get("name")),
    description: String(clinic.get("description") ?? ""),
    address: String(clinic.get("address") ?? ""),
    phone: String(clinic.get("phone") ?? ""),
    email: String(clinic.get("email") ?? ""),
    timezone,
    feeCents: Number(clinic.get("feeCents")),
    currency: String(clinic.get("currency")),
    doctors: doctors.docs
      .map((doc) => {
        // The same parse the doctor page does: a schedule it would refuse takes no bookings.
        const schedule = doctorScheduleSchema.safeParse({ ...doc.get("schedule"), timeZone: timezone });
        return {
          id: doc.id,
          slug: currentSlug(doc),
          name: String(doc.get("name")),
          specialty: String(doc.get("specialty") ?? ""),
          bio: String(doc.get("bio") ?? ""),
          takingBookings: schedule.success && hasHoursInWindow(schedule.data, today),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
