import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/domain/errors";
import { loadBookableDoctor, resolveDoctorPath, type BookableDoctor } from "@/lib/server/booking/bookable-doctor";
import { cachedPublicClinic } from "@/lib/server/clinics/public-clinic";

// generateMetadata and the page ask for the same data in one request; cache()
// makes that one Firestore read instead of two.

export const clinicBySlug = cache(cachedPublicClinic);

/** The bookable doctor, or null for an unknown clinic or doctor (the page turns that into a 404). */
export const bookableDoctor = cache(async (slug: string, doctorId: string): Promise<BookableDoctor | null> => {
  try {
    return await loadBookableDoctor(slug, doctorId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});

/** What /book/{slug}/{segment} points at (any case, slug or id), with the canonical slugs. */
export const doctorPath = cache(resolveDoctorPath);
