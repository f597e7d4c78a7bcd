import "server-only";
import { forgetClinicProfile } from "@/lib/server/clinics/clinic-profile";
import { FieldValue, type DocumentSnapshot } from "firebase-admin/firestore";
import type { DoctorSummary } from "@/lib/domain/clinic-people";
import type { DoctorProfile } from "@/lib/domain/clinic-settings";
import { AppError } from "@/lib/domain/errors";
import { assertCan, assertSignedIn, can, canManageDoctor, canViewDoctor, forbidden, type Caller } from "@/lib/domain/roles";
import { isDocumentId } from "@/lib/domain/validation";
import { claimNewSlug, claimSlug, currentSlug, isSlugRace, SLUG_TAKEN } from "./slugs";
import { db } from "@/lib/server/firebase";

// Doctor profiles as the dashboard manages them. Admins add, edit and
// (de)activate any doctor of their clinic; a doctor edits their own profile;
// staff only read. Paths are always built from the caller's clinic, so a
// doctor of another clinic is simply not found.

/**
 * A new doctor's hours until someone sets them in the availability editor:
 * weekdays 09:00–17:00, 30-minute visits. Stored in the slot engine's shape
 * (lib/domain/slots, `doctorScheduleSchema` without `timeZone`, which comes
 * from the clinic), which is what the booking pages read.
 */
export const DEFAULT_SCHEDULE = {
  weeklyHours: {
    mon: [{ start: "09:00", end: "17:00" }],
    tue: [{ start: "09:00", end: "17:00" }],
    wed: [{ start: "09:00", end: "17:00" }],
    thu: [{ start: "09:00", end: "17:00" }],
    fri: [{ start: "09:00", end: "17:00" }],
    sat: [],
    sun: [],
  },
  dateOverrides: {},
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 2,
  horizonDays: 60,
};

const doctors = (clinicId: string) => db().collection("clinics").doc(clinicId).collection("doctors");

const notFound = () => new AppError("not_found", "We couldn't find that doctor in your clinic.");

// Ids come from URLs and forms; anything else (a "/" would address another
// document) is simply not one of the clinic's doctors.
function doctorRef(clinicId: string, doctorId: string) {
  if (!isDocumentId(doctorId)) throw notFound();
  return doctors(clinicId).doc(doctorId);
}

function summary(doc: DocumentSnapshot): DoctorSummary {
  return {
    id: doc.id,
    name: String(doc.get("name") ?? ""),
    specialty: String(doc.get("specialty") ?? ""),
    bio: String(doc.get("bio") ?? ""),
    active: doc.get("active") === true,
    slug: currentSlug(doc),
  };
}

/**
 * Admins and staff see every doctor, active first; a doctor sees only their
 * own profile.
 */
export async function listDoctors(caller: Caller | null): Promise<DoctorSummary[]> {
  assertSignedIn(caller);
  if (!can(caller, "doctors:read")) {
    if (caller.role !== "doctor" || !caller.doctorId) return [];
    const own = await doctors(caller.clinicId).doc(caller.doctorId).get();
    return own.exists ? [summary(own)] : [];
  }
  const snapshot = await doctors(caller.clinicId).get();
  return snapshot.docs
    .map(summary)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

export async function getDoctor(caller: Caller | null, doctorId: string): Promise<DoctorSummary> {
  assertSignedIn(caller);
  if (!canViewDoctor(caller, doctorId)) throw forbidden();
  const doc = await doctorRef(caller.clinicId, doctorId).get();
  if (!doc.exists) throw notFound();
  return summary(doc);
}

/**
 * Adds an active doctor with the default hours and a readable slug from the
 * name (dr-amara-okafor, or dr-amara-okafor-2 when taken); returns the new id.
 * Admins only.
 */
export async function createDoctor(caller: Caller | null, profile: DoctorProfile): Promise<string> {
  assertCan(caller, "doctors:write");
  const { clinicId } = caller;
  const ref = doctors(clinicId).doc();
  // A concurrent add that took the same slug fails our commit: ABORTED is
  // retried by the SDK (re-reading the slugs), ALREADY_EXISTS here.
  for (let attempt = 0; ; attempt++) {
    try {
      await db().runTransaction(async (tx) => {
        const slug = await claimNewSlug(tx, clinicId, ref.id, profile.name);
        tx.create(ref, {
          name: profile.name,
          specialty: profile.specialty,
          bio: profile.bio,
          slug,
          active: true,
          schedule: DEFAULT_SCHEDULE,
          createdAt: FieldValue.serverTimestamp(),
          updatedAt: FieldValue.serverTimestamp(),
        });
      });
      forgetClinicProfile(clinicId);
      return ref.id;
    } catch (error) {
      if (!isSlugRace(error) || attempt >= 4) throw error;
    }
  }
}

/**
 * Name, specialty and bio, and the slug when given (already validated with
 * doctorSlugSchema). Admins for any doctor; a doctor for themselves. A new
 * slug must not name another doctor of the clinic; the old one keeps
 * pointing at this doctor, so links to it redirect.
 */
export async function updateDoctorProfile(
  caller: Caller | null,
  doctorId: string,
  profile: DoctorProfile,
  options: { slug?: string } = {},
): Promise<void> {
  assertSignedIn(caller);
  if (!canManageDoctor(caller, doctorId)) throw forbidden();
  const { clinicId } = caller;
  const ref = doctorRef(clinicId, doctorId);
  try {
    await db().runTransaction(async (tx) => {
      const doc = await tx.get(ref);
      if (!doc.exists) throw notFound();
      const slug = options.slug;
      const changesSlug = slug !== undefined && slug !== currentSlug(doc);
      if (changesSlug) await claimSlug(tx, clinicId, doctorId, slug);
      tx.update(ref, {
        name: profile.name,
        specialty: profile.specialty,
        bio: profile.bio,
        ...(changesSlug ? { slug } : {}),
        updatedAt: FieldValue.serverTimestamp(),
      });
    });
  } catch (error) {
    if (isSlugRace(error)) throw new AppError("conflict", SLUG_TAKEN, { slug: SLUG_TAKEN });
    throw error;
  }
  forgetClinicProfile(clinicId);
}

/**
 * Deactivating hides the doctor from the public pages (which list only active
 * doctors) and stops new bookings; existing appointments are left as they are.
 * Admins only.
 */
export async function setDoctorActive(caller: Caller | null, doctorId: string, active: boolean): Promise<void> {
  assertCan(caller, "doctors:write");
  const ref = doctorRef(caller.clinicId, doctorId);
  await db().runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) throw notFound();
    tx.update(ref, { active, updatedAt: FieldValue.serverTimestamp() });
  });
  forgetClinicProfile(caller.clinicId);
}
