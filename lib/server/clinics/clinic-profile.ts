import "server-only";
import type { DocumentData } from "firebase-admin/firestore";
import type { ClinicClosure } from "@/lib/domain/clinic-closures";
import { isBookingPageOpen } from "@/lib/domain/booking-page-opening";
import { processWide } from "@/lib/server/cache/process-wide";
import { createRefreshingCache } from "@/lib/server/cache/refreshing-cache";
import { clinicIdForSlug } from "@/lib/server/clinics/clinic-slug";
import { readUpcomingClosures } from "@/lib/server/clinics/closures";
import { currentSlug } from "@/lib/server/doctors/slugs";
import { db } from "@/lib/server/firebase";

/**
 * What a clinic shows patients: its profile and its active doctors with their
 * stored hours. Every public page needs it; it changes only when staff edit
 * it. The public pages read it through `cachedClinicProfile`: kept in this
 * server's memory, loaded again after PROFILE_TTL_MS, and forgotten by every
 * verb that writes the clinic or a doctor (`forgetClinicProfile`, after the
 * commit), so an edit shows on this server's very next page. Another server
 * instance may show the old profile for up to PROFILE_TTL_MS. Nothing that
 * writes trusts it: a booking re-reads the clinic and the doctor and checks the
 * time against them (lib/server/appointments/request.ts).
 */
export interface ClinicPublicProfile {
  id: string;
  name: string;
  description: string;
  address: string;
  phone: string;
  email: string;
  timezone: string;
  feeCents: number;
  currency: string;
  /**
   * False while the clinic waits for an admin's verified email (`publishedAt: null`): the public reads
   * refuse it (public-clinic.ts, cached-bookable-doctor.ts). Publishing forgets this cache.
   */
  bookingOpen: boolean;
  /** Active doctors only, in no particular order. */
  doctors: ProfileDoctor[];
  /** Dates the whole clinic is closed, from about today on (closures.ts), in no particular order. */
  closures: ClinicClosure[];
}

export interface ProfileDoctor {
  id: string;
  /** The doctor's current slug (their id for doctors stored before slugs). */
  slug: string;
  name: string;
  specialty: string;
  bio: string;
  /** As stored, without the zone: parse with doctorScheduleSchema and the clinic's timezone. */
  schedule: DocumentData | undefined;
}

export const PROFILE_TTL_MS = 30_000;

/** The profile straight from Firestore (three reads, side by side); null when the clinic does not exist. */
export async function readClinicProfile(clinicId: string): Promise<ClinicPublicProfile | null> {
  const clinicRef = db().collection("clinics").doc(clinicId);
  const [clinic, doctors, closures] = await Promise.all([
    clinicRef.get(),
    // query-shape: doctors.active
    clinicRef.collection("doctors").where("active", "==", true).get(),
    readUpcomingClosures(clinicId),
  ]);
  if (!clinic.exists) return null;
  return {
    id: clinic.id,
    name: String(clinic.get("name")),
    description: String(clinic.get("description") ?? ""),
    address: String(clinic.get("address") ?? ""),
    phone: String(clinic.get("phone") ?? ""),
    email: String(clinic.get("email") ?? ""),
    timezone: String(clinic.get("timezone")),
    feeCents: Number(clinic.get("feeCents") ?? 0),
    currency: String(clinic.get("currency") ?? "USD"),
    bookingOpen: isBookingPageOpen(clinic.get("publishedAt")),
    doctors: doctors.docs.map((doc) => ({
      id: doc.id,
      slug: currentSlug(doc),
      name: String(doc.get("name")),
      specialty: String(doc.get("specialty") ?? ""),
      bio: String(doc.get("bio") ?? ""),
      schedule: doc.get("schedule") as DocumentData | undefined,
    })),
    closures,
  };
}

const profiles = processWide("clinic-profiles", () => createRefreshingCache<ClinicPublicProfile | null>({ ttlMs: PROFILE_TTL_MS, maxEntries: 1000 }));

export function cachedClinicProfile(clinicId: string): Promise<ClinicPublicProfile | null> {
  return profiles.get(clinicId, () => readClinicProfile(clinicId));
}

/** Called by every verb that writes a clinic's profile or one of its doctors, after its commit. */
export function forgetClinicProfile(clinicId: string): void {
  profiles.forget(clinicId);
}

// A slug document is created with its clinic and never changed or removed, so
// a found one is kept as long as there is room; one not found is not kept (a
// new clinic may take that slug the next second).
const slugs = processWide("clinic-slugs", () =>
  createRefreshingCache<string | undefined>({
    ttlMs: Number.POSITIVE_INFINITY,
    maxEntries: 10_000,
    keep: (clinicId) => clinicId !== undefined,
  }),
);

/** The clinic a public slug names, or undefined; a found slug is read once per server. */
export function cachedClinicIdForSlug(slug: string): Promise<string | undefined> {
  return slugs.get(slug, () => clinicIdForSlug(slug));
}

/** Drops every cached profile and slug: for test fixtures that rewrite the database behind the verbs' back. */
export function forgetAllClinics(): void {
  profiles.clear();
  slugs.clear();
}
