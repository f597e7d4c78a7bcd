import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { cachedDoctorPage } from "@/lib/server/booking/cached-bookable-doctor";
import { cachedClinicAccess, cachedPublicClinic } from "@/lib/server/clinics/public-clinic";

// A layout, generateMetadata and the page ask for the same data in one
// request; cache() makes that one lookup. Both read through the server's
// clinic profile cache (lib/server/clinics/clinic-profile.ts).

export const clinicBySlug = cache(cachedPublicClinic);

/** What /book/{slug}/{segment} shows (any case, slug or id), with the canonical address; null for a 404. */
export const doctorPage = cache(cachedDoctorPage);

/**
 * The metadata of a 404 under /book/{slug}: a clinic whose booking page isn't open yet is named in the title, as
 * its 404 page names it (book/not-found.tsx); anything else gets `fallback`.
 */
export async function notFoundMetadata(slug: string, fallback: string): Promise<Metadata> {
  const access = await cachedClinicAccess(slug);
  return { title: access.kind === "not_open" ? `${access.name}: booking isn't open yet` : fallback, robots: { index: false } };
}
