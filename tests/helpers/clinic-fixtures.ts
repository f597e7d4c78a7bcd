// Test data written straight to Firestore with firebase-admin, bypassing the
// verbs, so each test states exactly the world it starts from.
import { db } from "@/lib/server/firebase";
import { forgetAllClinics } from "@/lib/server/clinics/clinic-profile";

// The app's own Firestore instance, so tests and verbs share one client and its settings.
export const testDb = db;

export const weekdayHours = (intervals: { start: string; end: string }[]) => ({
  mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals,
});

export interface FixtureSchedule {
  weeklyHours: Record<string, { start: string; end: string }[]>;
  dateOverrides?: Record<string, unknown>;
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
}

export const defaultSchedule: FixtureSchedule = {
  weeklyHours: weekdayHours([{ start: "09:00", end: "17:00" }]),
  dateOverrides: {},
  slotMinutes: 30,
  bufferMinutes: 10,
  minNoticeHours: 2,
  horizonDays: 60,
};

/**
 * A clinic with its doctors. Its booking page is open (`publishedAt` set, as after an admin verified their
 * email) unless `bookingOpen: false` (waiting: `publishedAt: null`) or `"legacy"` (no `publishedAt` at all, a
 * clinic from before the rule).
 */
export async function seedClinic(opts: { id?: string; slug?: string; timezone?: string; feeCents?: number; bookingOpen?: boolean | "legacy"; doctors?: { id: string; active?: boolean; schedule?: Partial<FixtureSchedule> }[] } = {}) {
  const db = testDb();
  const id = opts.id ?? "clinic-test";
  const slug = opts.slug ?? "test-clinic";
  // Written behind the verbs' back: the public pages' cache must not keep an older world.
  forgetAllClinics();
  await db.doc(`slugs/${slug}`).set({ clinicId: id });
  await db.doc(`clinics/${id}`).set({
    slug, name: "Test Clinic", description: "", address: "1 Main St", phone: "+1 555 0100", email: "clinic@test.test",
    timezone: opts.timezone ?? "America/New_York", feeCents: opts.feeCents ?? 5000, currency: "USD",
    ...(opts.bookingOpen === "legacy" ? {} : { publishedAt: opts.bookingOpen === false ? null : new Date("2026-01-01T00:00:00Z") }),
  });
  for (const doctor of opts.doctors ?? [{ id: "dr-test" }]) {
    await db.doc(`clinics/${id}/doctors/${doctor.id}`).set({
      name: `Dr. ${doctor.id}`, specialty: "General practice", bio: "", active: doctor.active ?? true,
      schedule: { ...defaultSchedule, ...doctor.schedule },
    });
  }
  return { id, slug };
}

export async function setSchedule(clinicId: string, doctorId: string, schedule: Partial<FixtureSchedule>) {
  forgetAllClinics();
  await testDb().doc(`clinics/${clinicId}/doctors/${doctorId}`).update({ schedule: { ...defaultSchedule, ...schedule } });
}

export const patient = { name: "Ada Patient", email: "ada@example.com", phone: "+1 555 010 0199" };
