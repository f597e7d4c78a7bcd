import "server-only";
import { FieldValue, type Transaction } from "firebase-admin/firestore";
import { doctorSlugCandidate, doctorSlugFromName } from "@/lib/domain/doctor-slug";
import { AppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/firebase";
import { isAlreadyExists } from "@/lib/server/firestore-errors";

// Doctor slugs: /book/{clinic slug}/{doctor slug}. Unique per clinic by
// construction: each one is a create-only document
// clinics/{clinicId}/doctorSlugs/{slug} = { doctorId }, written in the same
// commit as the doctor's `slug` field (like slugs/{slug} for clinics). A slug
// document is never deleted: after a rename the old slug still names the same
// doctor, so old links redirect to the new address, and nobody else can take it.

export const SLUG_TAKEN = "Another doctor of your clinic already uses this address. Please choose another.";

export const doctorSlugRef = (clinicId: string, slug: string) =>
  db().collection("clinics").doc(clinicId).collection("doctorSlugs").doc(slug);

/** A doctor's current slug; doctors stored before slugs existed are addressed by their id. */
export function currentSlug(doctor: { id: string; get(field: string): unknown }): string {
  const slug = doctor.get("slug");
  return typeof slug === "string" && slug ? slug : doctor.id;
}

/**
 * Inside a transaction: the first free slug of base, base-2, base-3, … and
 * its create() (the caller writes the doctor in the same transaction). A
 * concurrent writer of the same slug makes the commit fail (ABORTED, retried
 * by the SDK, or ALREADY_EXISTS; see isSlugRace).
 */
export async function claimNewSlug(tx: Transaction, clinicId: string, doctorId: string, name: string): Promise<string> {
  const base = doctorSlugFromName(name);
  for (let attempt = 1; attempt <= 100; attempt++) {
    const slug = doctorSlugCandidate(base, attempt);
    const ref = doctorSlugRef(clinicId, slug);
    if (!(await tx.get(ref)).exists) {
      tx.create(ref, { doctorId, createdAt: FieldValue.serverTimestamp() });
      return slug;
    }
  }
  throw new AppError("conflict", "Too many doctors share this name. Please add a distinguishing word.");
}

/**
 * Inside a transaction that already read the doctor: points `slug` at the
 * doctor. Refused when it names another doctor; a slug this doctor used
 * before is simply taken back.
 */
export async function claimSlug(tx: Transaction, clinicId: string, doctorId: string, slug: string): Promise<void> {
  const ref = doctorSlugRef(clinicId, slug);
  const existing = await tx.get(ref);
  if (existing.exists) {
    if (existing.get("doctorId") !== doctorId) throw new AppError("conflict", SLUG_TAKEN, { slug: SLUG_TAKEN });
    return;
  }
  tx.create(ref, { doctorId, createdAt: FieldValue.serverTimestamp() });
}

/** ALREADY_EXISTS from a create(): another writer took the slug between our read and the commit. */
export function isSlugRace(error: unknown): boolean {
  return isAlreadyExists(error);
}
