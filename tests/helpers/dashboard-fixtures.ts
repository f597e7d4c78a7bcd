// Two clinics with every role, written straight to Firestore and the Auth
// emulator, for the dashboard verbs' integration tests. Clinic A has an
// admin, a staff member and a doctor linked to dr-a1; clinic B has an admin.
import { Timestamp } from "firebase-admin/firestore";
import type { Caller } from "@/lib/domain/roles";
import { adminAuth, db } from "@/lib/server/firebase";
import { forgetAllClinics } from "@/lib/server/clinics/clinic-profile";

export const PASSWORD = "fixture-password";

// The app's own instances: Firestore settings can be applied only once, by
// whoever touches it first, so the fixtures never create their own.
const admin = () => ({ db: db(), auth: adminAuth() });

/** Deletes every Auth emulator account of the test project. */
export async function clearAuth(): Promise<void> {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error("FIREBASE_AUTH_EMULATOR_HOST is not set");
  const res = await fetch(`http://${host}/emulator/v1/projects/${process.env.FIREBASE_PROJECT_ID}/accounts`, { method: "DELETE" });
  if (!res.ok) throw new Error(`Clearing Auth failed: ${res.status} ${await res.text()}`);
}

const schedule = {
  weeklyHours: { mon: [{ start: "09:00", end: "17:00" }] },
  dateOverrides: {},
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 2,
  horizonDays: 60,
};

async function clinic(id: string, slug: string, name: string, doctors: { id: string; name: string; active: boolean }[]) {
  const { db } = admin();
  const now = Timestamp.now();
  // Written behind the verbs' back: the public pages' cache must not keep an older world.
  forgetAllClinics();
  await db.doc(`slugs/${slug}`).set({ clinicId: id });
  await db.doc(`clinics/${id}`).set({
    slug, name, description: "", address: "1 Main St", phone: "+1 555 010 0100", email: `${slug}@clinic.test`,
    // Open to patients, as a clinic whose admin has verified their email (lib/domain/booking-page-opening.ts).
    timezone: "America/New_York", feeCents: 5000, currency: "USD", publishedAt: now, createdAt: now, updatedAt: now,
  });
  for (const doctor of doctors) {
    await db.doc(`clinics/${id}/doctors/${doctor.id}`).set({
      name: doctor.name, specialty: "Family medicine", bio: "", active: doctor.active, schedule, createdAt: now, updatedAt: now,
    });
  }
}

export async function member(
  uid: string,
  data: { clinicId: string; role: Caller["role"]; doctorId?: string; email: string; name: string },
  opts: { authUser?: boolean } = {},
) {
  const { db, auth } = admin();
  if (opts.authUser ?? true) {
    await auth.createUser({ uid, email: data.email, password: PASSWORD, displayName: data.name });
  }
  await db.doc(`members/${uid}`).set({ ...data, createdAt: Timestamp.now() });
}

export interface World {
  admin: Caller;
  staff: Caller;
  doctor: Caller;
  otherAdmin: Caller;
}

/** Seeds both clinics and returns a caller per role, as getCaller would build them. */
export async function seedWorld(): Promise<World> {
  await clinic("clinic-a", "clinic-a", "Clinic A", [
    { id: "dr-a1", name: "Dr. Ada One", active: true },
    { id: "dr-a2", name: "Dr. Ada Two", active: true },
  ]);
  await clinic("clinic-b", "clinic-b", "Clinic B", [{ id: "dr-b1", name: "Dr. Bo One", active: true }]);
  const a = { clinicId: "clinic-a" };
  await member("a-admin", { ...a, role: "admin", email: "admin@a.test", name: "Ann Admin" });
  await member("a-staff", { ...a, role: "staff", email: "staff@a.test", name: "Sid Staff" });
  await member("a-doctor", { ...a, role: "doctor", doctorId: "dr-a1", email: "doctor@a.test", name: "Dr. Ada One" });
  await member("b-admin", { clinicId: "clinic-b", role: "admin", email: "admin@b.test", name: "Bea Admin" });
  const base = { clinicId: "clinic-a", clinicName: "Clinic A" };
  return {
    admin: { ...base, uid: "a-admin", email: "admin@a.test", name: "Ann Admin", role: "admin" },
    staff: { ...base, uid: "a-staff", email: "staff@a.test", name: "Sid Staff", role: "staff" },
    doctor: { ...base, uid: "a-doctor", email: "doctor@a.test", name: "Dr. Ada One", role: "doctor", doctorId: "dr-a1" },
    otherAdmin: { clinicId: "clinic-b", clinicName: "Clinic B", uid: "b-admin", email: "admin@b.test", name: "Bea Admin", role: "admin" },
  };
}

export async function readDoc(path: string) {
  const snap = await admin().db.doc(path).get();
  return snap.exists ? snap.data() : undefined;
}

export async function countDocs(collection: string) {
  return (await admin().db.collection(collection).get()).size;
}

export const fixtureAuth = () => admin().auth;
export const fixtureDb = () => admin().db;
