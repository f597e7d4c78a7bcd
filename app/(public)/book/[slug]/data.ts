import "server-only";
import { cache } from "react";
import { cachedDoctorPage } from "@/lib/server/booking/cached-bookable-doctor";
import { cachedPublicClinic } from "@/lib/server/clinics/public-clinic";

// A layout, generateMetadata and the page ask for the same data in one
// request; cache() makes that one lookup. Both read through the server's
// clinic profile cache (lib/server/clinics/clinic-profile.ts).

export const clinicBySlug = cache(cachedPublicClinic);

/** What /book/{slug}/{segment} shows (any case, slug or id), with the canonical address; null for a 404. */
export const doctorPage = cache(cachedDoctorPage);
