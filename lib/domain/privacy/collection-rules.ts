/**
 * For every Firestore collection in docs/data-model.md: does it hold a
 * patient's personal data, and if so, what an export includes and what an
 * erasure does to it. collection-rules.test.ts reads the collections from
 * docs/data-model.md and fails when one has no rule here, so a new
 * collection cannot ship without a decision; the privacy integration tests
 * then check that exports and erasures do what each rule says.
 *
 * A collection is named by its collection ids with the document ids left out:
 * `clinics/{clinicId}/doctors/{doctorId}` is "clinics/doctors".
 */

export type CollectionRule =
  | {
      holds: "patient";
      /** The key of the export's per-appointment record (or top level) that carries it; null: not exported, and why. */
      export: ExportKey | null;
      /** redact: personal fields replaced with the marker; delete: the documents go; keep: nothing personal is in them. */
      erase: "redact" | "delete" | "keep";
      why: string;
    }
  | { holds: "none"; why: string };

export type ExportKey = "appointment" | "history" | "visit" | "emails" | "extraCharges" | "waitlist";

/** Export keys at the export's top level rather than in each appointment's record. */
export const TOP_LEVEL_EXPORT_KEYS: ReadonlySet<ExportKey> = new Set(["waitlist"]);

export const COLLECTION_RULES: Record<string, CollectionRule> = {
  slugs: { holds: "none", why: "a clinic's booking address" },
  clinics: { holds: "none", why: "the clinic's own profile and settings" },
  "clinics/doctors": { holds: "none", why: "doctors' public profiles and hours" },
  "clinics/doctorSlugs": { holds: "none", why: "doctors' booking addresses" },
  members: { holds: "none", why: "staff accounts, not patients" },
  invites: { holds: "none", why: "staff invitations" },
  appointments: {
    holds: "patient",
    export: "appointment",
    erase: "redact",
    why: "name, email, phone, reason and the patient's cancel reason are replaced; dates, status, amounts and Stripe ids are kept for the books",
  },
  "appointments/history": {
    holds: "patient",
    export: "history",
    erase: "keep",
    why: "append-only record of who changed what when (statuses, staff names, staff's own messages): no contact details, and never rewritten",
  },
  visits: { holds: "patient", export: "visit", erase: "redact", why: "contact details, reason and the doctor's notes are replaced; the fact and time of the visit stay" },
  slotLocks: { holds: "none", why: "which doctor time is taken, by appointment id" },
  requestCounters: { holds: "none", why: "a hash of a network address and a count, deleted by TTL" },
  patientHolds: { holds: "patient", export: null, erase: "delete", why: "only a hash of the email and a time: a booking guard, deleted (and TTL-expired)" },
  stripeEvents: { holds: "none", why: "Stripe event ids and outcomes by appointment id, deleted by TTL" },
  extraCharges: { holds: "patient", export: "extraCharges", erase: "keep", why: "amounts and Stripe ids of extra charges: the books need them, nothing personal" },
  intentCancels: { holds: "none", why: "PaymentIntent ids to cancel" },
  signInFailures: { holds: "none", why: "staff sign-in failure times under a hash" },
  mail: { holds: "patient", export: "emails", erase: "delete", why: "emails to the patient and to staff about the request: their whole text is personal" },
  health: { holds: "none", why: "never written" },
  privacyErasures: { holds: "none", why: "erasure records: a hash of the email, appointment ids and counts" },
  accessLog: { holds: "none", why: "who read or exported what, by member uid, visit and appointment ids and a hash of the email" },
  privacyRetention: { holds: "none", why: "the retention sweep's place in each clinic's appointments" },
  "clinics/closures": { holds: "none", why: "the days the whole clinic is closed and its public note" },
  sentReminders: { holds: "none", why: "which reminders were sent, by appointment id or doctor and date, deleted by TTL" },
  verificationEmails: { holds: "none", why: "when an admin asked for a verification email, by member uid" },
  calendarFeeds: { holds: "none", why: "a staff member's private feed under a hash of its secret: clinic, member and doctor ids, no patient data" },
  calendarFeedOwners: { holds: "none", why: "which feed is a member's current one, by member uid" },
  waitlist: {
    holds: "patient",
    export: "waitlist",
    erase: "delete",
    why: "the email waiting for a doctor and its preferred days: exported with the emails about it (waitlistEmails), deleted on erasure, when left or used, and 30 days after the last join",
  },
  waitlistWakeups: { holds: "none", why: "which doctor's time freed up when: clinic and doctor ids and times, deleted by TTL" },
  waitlistNotices: { holds: "patient", export: null, erase: "delete", why: "that an entry (its id holds a hash of the email) was told of a date: deleted with the entry's erasure, and TTL-expired" },
};

/**
 * The collections a docs/data-model.md table lists, by collection path. Rows
 * whose first cell is a code span starting with a path (`appointments/{id}`).
 */
export function dataModelCollections(markdown: string): string[] {
  const found = new Set<string>();
  for (const line of markdown.split("\n")) {
    const cell = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (!cell) continue;
    const path = cell[1]!.trim();
    if (!/^[A-Za-z]/.test(path)) continue;
    const segments = path.split("/");
    found.add(segments.filter((_, i) => i % 2 === 0).join("/"));
  }
  return [...found];
}
