import "server-only";
import { slugSchema } from "@/lib/domain/slug";
import { db } from "./firebase";

export interface PublicDoctor {
  id: string;
  name: string;
  specialty: string;
  bio: string;
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
export async function getPublicClinic(slug: string): Promise<PublicClinic | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const slugDoc = await db().collection("slugs").doc(slug).get();
  const clinicId = slugDoc.get("clinicId") as string | undefined;
  if (!clinicId) return null;

  const clinicRef = db().collection("clinics").doc(clinicId);
  const [clinic, doctors] = await Promise.all([
    clinicRef.get(),
    // query-shape: doctors.active
    clinicRef.collection("doctors").where("active", "==", true).get(),
  ]);
  if (!clinic.exists) return null;

  return {
    id: clinic.id,
    slug,
    name: String(clinic.get("name")),
    description: String(clinic.get("description") ?? ""),
    address: String(clinic.get("address") ?? ""),
    phone: String(clinic.get("phone") ?? ""),
    email: String(clinic.get("email") ?? ""),
    timezone: String(clinic.get("timezone")),
    feeCents: Number(clinic.get("feeCents")),
    currency: String(clinic.get("currency")),
    doctors: doctors.docs
      .map((doc) => ({
        id: doc.id,
        name: String(doc.get("name")),
        specialty: String(doc.get("specialty") ?? ""),
        bio: String(doc.get("bio") ?? ""),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
