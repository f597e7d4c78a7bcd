// Every Firestore query the app and the functions run, by shape. Production
// Firestore refuses a query that needs a composite index nobody deployed, so
// this registry is checked two ways by lib/server/query-shapes.test.ts:
//   - the composite indexes derived from these shapes equal firestore.indexes.json;
//   - every `.where(` / `.orderBy(` / `.collectionGroup(` in lib/server and
//     functions/src sits under a `// query-shape: <id>` comment naming an entry
//     here, with the same fields.
// A new query: add its entry, put the marker comment on the line above it, and
// run `npx vitest run --project unit lib/server/query-shapes.test.ts` (it prints
// the index to add).
// Pure data: no I/O, so tests and tools can read it.

export type QueryScope = "COLLECTION" | "COLLECTION_GROUP";

export interface QueryShape {
  /** The collection id (for a subcollection, its last segment). */
  collection: string;
  /** COLLECTION unless the query starts with collectionGroup(). */
  scope?: QueryScope;
  /** Fields filtered with `==` or `in` (both are equality for indexing). */
  equality?: readonly string[];
  /** The one field filtered with `<`, `<=`, `>`, `>=`, `!=` or `not-in`. */
  range?: string;
  orderBy?: readonly { field: string; direction: "asc" | "desc" }[];
}

export const QUERY_SHAPES = {
  /** listMembers: everyone in a clinic. */
  "members.byClinic": { collection: "members", equality: ["clinicId"] },
  /** assertAnotherAdmin: a clinic's admins, in the transaction that demotes or removes one. */
  "members.adminsOfClinic": { collection: "members", equality: ["clinicId", "role"] },
  /** createInvite: is this email already on the team? */
  "members.byClinicAndEmail": { collection: "members", equality: ["clinicId", "email"] },
  /** listInvites: a clinic's invites. */
  "invites.byClinic": { collection: "invites", equality: ["clinicId"] },
  /** revokeInvitesFor: the live invites for one email in a clinic. */
  "invites.byClinicAndEmail": { collection: "invites", equality: ["clinicId", "email"] },
  /** acceptPendingInviteFor: a verified email's invites from any clinic, at sign-in (single field: no composite index). */
  "invites.byEmail": { collection: "invites", equality: ["email"] },
  /** readClinicProfile: the active doctors of clinics/{id}/doctors. */
  "doctors.active": { collection: "doctors", equality: ["active"] },
  /** loadBusy: a doctor's appointments that hold time, by start. */
  "appointments.busyForDoctor": {
    collection: "appointments",
    equality: ["clinicId", "doctorId", "status"],
    range: "start",
  },
  /** loadBusy: a doctor's visits whose patient asked to move them (their second, held time is in `move`, any date). */
  "appointments.movesForDoctor": { collection: "appointments", equality: ["clinicId", "doctorId", "status"] },
  /** countUpcomingAppointments: a clinic's appointments still ahead, before a time-zone change. */
  "appointments.upcomingForClinic": {
    collection: "appointments",
    equality: ["clinicId", "status"],
    range: "start",
  },
  /** The request queue's open sections (lib/server/appointments/queue.ts), oldest first; all doctors or one. */
  "appointments.queueSection": { collection: "appointments", equality: ["clinicId", "status"], orderBy: [{ field: "createdAt", direction: "asc" }] },
  "appointments.queueSectionOfDoctor": {
    collection: "appointments",
    equality: ["clinicId", "doctorId", "status"],
    orderBy: [{ field: "createdAt", direction: "asc" }],
  },
  /** The queue's Recent tab, newest change first. */
  "appointments.recent": { collection: "appointments", equality: ["clinicId", "status"], orderBy: [{ field: "updatedAt", direction: "desc" }] },
  "appointments.recentOfDoctor": {
    collection: "appointments",
    equality: ["clinicId", "doctorId", "status"],
    orderBy: [{ field: "updatedAt", direction: "desc" }],
  },
  /** The queue's and the nav's counts (count() aggregations; equality only). */
  "appointments.statusOfClinic": { collection: "appointments", equality: ["clinicId", "status"] },
  "appointments.statusOfDoctor": { collection: "appointments", equality: ["clinicId", "doctorId", "status"] },
  "appointments.unconfirmedOfClinic": { collection: "appointments", equality: ["clinicId", "status", "emailConfirmedAt"] },
  "appointments.unconfirmedOfDoctor": { collection: "appointments", equality: ["clinicId", "doctorId", "status", "emailConfirmedAt"] },
  /** expireStale: lapsed holds, oldest deadline first. */
  "appointments.lapsed": {
    collection: "appointments",
    equality: ["status"],
    range: "expiresAt",
    orderBy: [{ field: "expiresAt", direction: "asc" }],
  },
  /** expireStale: pending requests lapsing within 2 h whose staff were not reminded yet. */
  "appointments.reminderDue": {
    collection: "appointments",
    equality: ["status", "reminderSentAt"],
    range: "expiresAt",
    orderBy: [{ field: "expiresAt", direction: "asc" }],
  },
  /** sendReminders: a clinic's confirmed visits in the patient reminder's window, by start. */
  "appointments.reminderWindow": {
    collection: "appointments",
    equality: ["clinicId", "status"],
    range: "start",
    orderBy: [{ field: "start", direction: "asc" }],
  },
  /** sendReminders: one doctor's confirmed visits on one local day, for the doctor's-day email. */
  "appointments.dayOfDoctor": {
    collection: "appointments",
    equality: ["clinicId", "doctorId", "status"],
    range: "start",
    orderBy: [{ field: "start", direction: "asc" }],
  },
  /** requestAppointment: a patient's live requests at a clinic (per-email limit), in the hold's transaction. */
  "appointments.liveForPatient": { collection: "appointments", equality: ["clinicId", "patient.email", "status"] },
  /** retryPendingRefunds (scheduled retryRefunds): payments whose refund Stripe has not confirmed yet. */
  "appointments.refundPending": { collection: "appointments", equality: ["payment.status"] },
  /** retryAfterCommitEffects: charges that are not an appointment's payment, refund not yet confirmed. */
  "extraCharges.refundPending": { collection: "extraCharges", equality: ["status"] },
  /** retryAfterCommitEffects: PaymentIntents of appointments that left "approved", cancel not yet confirmed. */
  "intentCancels.pending": { collection: "intentCancels", equality: ["status"] },
  /** listVisits: a doctor's visits in a day or a week, by start. */
  "visits.scheduleOfDoctor": {
    collection: "visits",
    equality: ["clinicId", "doctorId"],
    range: "start",
    orderBy: [{ field: "start", direction: "asc" }],
  },
  /** readUpcomingClosures: a clinic's closed dates from about today on (single field: no composite index). */
  "closures.upcoming": { collection: "closures", range: "date" },
  /** listClosures: the appointments still holding a time on one closed date, earliest first. */
  "appointments.onClinicDate": {
    collection: "appointments",
    equality: ["clinicId", "status"],
    range: "start",
    orderBy: [{ field: "start", direction: "asc" }],
  },
  /** renderFeed: a clinic's visits (every doctor) in the calendar feed's window, by start. */
  "visits.ofClinic": {
    collection: "visits",
    equality: ["clinicId"],
    range: "start",
    orderBy: [{ field: "start", direction: "asc" }],
  },
  /** correctPatientEmail: the mail queued for one appointment (the wrong address's unsent mail is removed). */
  "mail.ofAppointment": { collection: "mail", equality: ["appointmentId"] },
  /** The privacy tools: one patient's appointments at a clinic (emails are stored lower-cased; equality only). */
  "appointments.ofPatient": { collection: "appointments", equality: ["clinicId", "patient.email"] },
  /** The retention sweep: a clinic's ended requests by when they ended, resumable by (updatedAt, id). */
  "appointments.endedByUpdate": {
    collection: "appointments",
    equality: ["clinicId", "status"],
    range: "updatedAt",
    orderBy: [{ field: "updatedAt", direction: "asc" }, { field: "__name__", direction: "asc" }],
  },
  /** The retention sweep: a clinic's visits (confirmed appointments) by start, resumable by (start, id). */
  "appointments.visitsByStart": {
    collection: "appointments",
    equality: ["clinicId", "status"],
    range: "start",
    orderBy: [{ field: "start", direction: "asc" }, { field: "__name__", direction: "asc" }],
  },
  /** The retention sweep: every clinic, page by page. */
  "clinics.all": { collection: "clinics", orderBy: [{ field: "__name__", direction: "asc" }] },
  /** Erasure: a clinic's digest emails that name patients without being about one appointment (the doctor's day). */
  "mail.digestsOfClinic": { collection: "mail", equality: ["clinicId", "kind"] },
  /** The patient export: charges that are not an appointment's payment. */
  "extraCharges.ofAppointment": { collection: "extraCharges", equality: ["appointmentId"] },
  /** The access log, newest first: the clinic's, one member's, one patient's (by the email's keyed hash). */
  "accessLog.ofClinic": { collection: "accessLog", equality: ["clinicId"], orderBy: [{ field: "at", direction: "desc" }] },
  "accessLog.ofMember": { collection: "accessLog", equality: ["clinicId", "by"], orderBy: [{ field: "at", direction: "desc" }] },
  "accessLog.ofPatient": { collection: "accessLog", equality: ["clinicId", "patientKey"], orderBy: [{ field: "at", direction: "desc" }] },
  /** listDevMailbox (emulators only): newest mail first. */
  "mail.newest": { collection: "mail", orderBy: [{ field: "createdAt", direction: "desc" }] },
  /** joinWaitlist (per-email limit), the privacy export and erasure: one email's waiting-list entries at a clinic. */
  "waitlist.byClinicAndEmail": { collection: "waitlist", equality: ["clinicId", "email"] },
  /** processWakeups: everyone waiting for one doctor, in the order they joined. */
  "waitlist.forDoctor": { collection: "waitlist", equality: ["clinicId", "doctorId"], orderBy: [{ field: "joinedAt", direction: "asc" }] },
  /** sweepLapsedWaitlist (retention): entries past their 30 days (single field: no composite index). */
  "waitlist.lapsed": { collection: "waitlist", range: "expiresAt" },
  /** processWakeups (the scheduled job): wake-ups not done yet, oldest first. */
  "waitlistWakeups.open": { collection: "waitlistWakeups", equality: ["doneAt"], orderBy: [{ field: "createdAt", direction: "asc" }] },
  /** wakeWaitlistNow: one clinic's wake-ups not done yet, right after its commit freed time. */
  "waitlistWakeups.openForClinic": { collection: "waitlistWakeups", equality: ["clinicId", "doneAt"], orderBy: [{ field: "createdAt", direction: "asc" }] },
  /** The privacy erasure: the markers of one entry (single field). */
  "waitlistNotices.ofEntry": { collection: "waitlistNotices", equality: ["entryId"] },
  /** The privacy export and erasure: emails to one address about a clinic's waiting list (clinicId, to). */
  "mail.toAddressAtClinic": { collection: "mail", equality: ["clinicId", "to"] },
} as const satisfies Record<string, QueryShape>;

export interface IndexField {
  fieldPath: string;
  order: "ASCENDING" | "DESCENDING";
}

export interface CompositeIndex {
  collectionGroup: string;
  queryScope: QueryScope;
  fields: IndexField[];
}

const order = (direction: "asc" | "desc") => (direction === "desc" ? "DESCENDING" : "ASCENDING");

/**
 * The composite index a query shape needs, or null when Firestore's automatic
 * single-field indexes serve it: a filter or order on one field, or equality
 * filters alone (Firestore merges single-field indexes for those).
 * Equality fields come first, sorted by name (any order serves), then the range
 * field, then the order-by fields: the order Firestore's console suggests.
 */
export function requiredIndex(shape: QueryShape): CompositeIndex | null {
  const equality = [...new Set(shape.equality ?? [])].sort();
  const orderBy = shape.orderBy ?? [];
  const fields: IndexField[] = equality.map((fieldPath) => ({ fieldPath, order: "ASCENDING" }));
  if (shape.range) {
    // A range field must be the first order; its direction follows an explicit orderBy on it.
    const own = orderBy.find((o) => o.field === shape.range);
    fields.push({ fieldPath: shape.range, order: order(own?.direction ?? "asc") });
  }
  for (const o of orderBy) {
    // A trailing document-id order (a resumable cursor) is implicit in every index.
    if (o.field === "__name__") continue;
    if (!fields.some((f) => f.fieldPath === o.field)) fields.push({ fieldPath: o.field, order: order(o.direction) });
  }
  const sorted = shape.range !== undefined || orderBy.length > 0;
  if (fields.length < 2 || !sorted) return null;
  return { collectionGroup: shape.collection, queryScope: shape.scope ?? "COLLECTION", fields };
}

/** Every composite index the registry needs, without duplicates, in a stable order. */
export function requiredIndexes(shapes: Record<string, QueryShape> = QUERY_SHAPES): CompositeIndex[] {
  const byKey = new Map<string, CompositeIndex>();
  for (const shape of Object.values(shapes)) {
    const index = requiredIndex(shape);
    if (index) byKey.set(indexKey(index), index);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, index]) => index);
}

export function indexKey(index: CompositeIndex): string {
  return `${index.collectionGroup}/${index.queryScope}: ${index.fields.map((f) => `${f.fieldPath} ${f.order}`).join(", ")}`;
}

/** Every field a shape filters or orders on. */
export function shapeFields(shape: QueryShape): string[] {
  return [...(shape.equality ?? []), ...(shape.range ? [shape.range] : []), ...(shape.orderBy ?? []).map((o) => o.field)];
}
