import "server-only";
import { Timestamp, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { db } from "@/lib/server/firebase";
import { waitlist, waitlistNotices } from "./entries";

// The waiting list in the privacy tools (docs/privacy.md): an entry holds the
// patient's email, and so do the emails about it.

/** One email's entries at a clinic (lapsed ones too: they still hold the address until deleted). */
export async function waitlistEntriesOf(clinicId: string, email: string): Promise<QueryDocumentSnapshot[]> {
  // query-shape: waitlist.byClinicAndEmail
  return (await waitlist().where("clinicId", "==", clinicId).where("email", "==", email).get()).docs;
}

/** The waiting list's emails to this address from this clinic (appointment emails are found through their appointment). */
export async function waitlistMailOf(clinicId: string, email: string): Promise<QueryDocumentSnapshot[]> {
  // query-shape: mail.toAddressAtClinic
  const found = await db().collection("mail").where("clinicId", "==", clinicId).where("to", "==", email).get();
  return found.docs.filter((d) => typeof d.get("waitlistEntryId") === "string");
}

/**
 * Erasure: the entries, their markers and their emails are deleted (nothing
 * in them is kept for the books). Idempotent: a rerun finds nothing left.
 */
export async function eraseWaitlistOf(clinicId: string, email: string): Promise<{ entries: number; emails: number }> {
  const [entries, mail] = await Promise.all([waitlistEntriesOf(clinicId, email), waitlistMailOf(clinicId, email)]);
  const markers = await Promise.all(
    entries.map(async (e) => {
      // query-shape: waitlistNotices.ofEntry
      return (await waitlistNotices().where("entryId", "==", e.id).get()).docs;
    }),
  );
  const refs = [...entries, ...mail, ...markers.flat()].map((d) => d.ref);
  for (let i = 0; i < refs.length; i += 400) {
    const batch = db().batch();
    for (const ref of refs.slice(i, i + 400)) batch.delete(ref);
    await batch.commit();
  }
  return { entries: entries.length, emails: mail.length };
}

/**
 * Retention: entries whose 30 days are over are deleted (their address with
 * them), a page at a time; TTL on `ttlAt` is only the backstop.
 */
export async function sweepLapsedWaitlist(now: Date, pageSize = 200): Promise<number> {
  let deleted = 0;
  for (;;) {
    // query-shape: waitlist.lapsed
    const page = await waitlist().where("expiresAt", "<=", Timestamp.fromDate(now)).limit(pageSize).get();
    if (page.empty) return deleted;
    const batch = db().batch();
    for (const doc of page.docs) batch.delete(doc.ref);
    await batch.commit();
    deleted += page.size;
    if (page.size < pageSize) return deleted;
  }
}
