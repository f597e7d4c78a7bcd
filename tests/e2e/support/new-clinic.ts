import { getApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { FieldValue } from "firebase-admin/firestore";
import { unique } from "./booking";
import { DEMO_PASSWORD } from "./fixtures";
import { stackFirestore } from "./stack";

// A clinic of a spec's own, as a new customer's would be after sign-up: one
// admin, one doctor with weekday hours and a doctor account linked to them.
// Written straight to the stack (through the Auth emulator and Firestore),
// before any page of it loads, so no server holds an older copy of it.

export interface NewClinic {
  slug: string;
  clinicId: string;
  doctorId: string;
  timezone: string;
  adminEmail: string;
  doctorEmail: string;
}

const weekdays = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
};

export async function makeClinic(prefix: string): Promise<NewClinic> {
  const id = `${prefix}-${unique()}`;
  const clinic: NewClinic = {
    slug: id,
    clinicId: `clinic-${id}`,
    doctorId: "dr-noor-haddad",
    timezone: "America/New_York",
    adminEmail: `admin-${id}@example.com`,
    doctorEmail: `doctor-${id}@example.com`,
  };
  const db = stackFirestore();
  // stackFirestore() made the "e2e" app, pointed at the stack's emulators.
  const auth = getAuth(getApp("e2e"));
  const now = FieldValue.serverTimestamp();
  await db.doc(`slugs/${clinic.slug}`).create({ clinicId: clinic.clinicId });
  await db.doc(`clinics/${clinic.clinicId}`).create({
    slug: clinic.slug, name: "Harbour Family Practice", description: "", address: "2 Quay St, Portland, ME", phone: "+1 (207) 555-0142",
    email: `desk-${id}@example.com`, timezone: clinic.timezone, feeCents: 0, currency: "USD", createdAt: now, updatedAt: now,
  });
  const schedule = { weeklyHours: weekdays("09:00", "17:00"), slotMinutes: 30, bufferMinutes: 0, minNoticeHours: 2, horizonDays: 60, dateOverrides: {} };
  await db.doc(`clinics/${clinic.clinicId}/doctors/${clinic.doctorId}`).create({
    name: "Dr. Noor Haddad", specialty: "General practice", bio: "", slug: clinic.doctorId, active: true, schedule, createdAt: now, updatedAt: now,
  });
  await db.doc(`clinics/${clinic.clinicId}/doctorSlugs/${clinic.doctorId}`).create({ doctorId: clinic.doctorId, createdAt: now });
  for (const [email, role, name] of [[clinic.adminEmail, "admin", "Ines Admin"], [clinic.doctorEmail, "doctor", "Dr. Noor Haddad"]] as const) {
    const user = await auth.createUser({ email, password: DEMO_PASSWORD, displayName: name, emailVerified: true });
    await db.doc(`members/${user.uid}`).create({
      clinicId: clinic.clinicId, role, email, name, createdAt: now, ...(role === "doctor" ? { doctorId: clinic.doctorId } : {}),
    });
  }
  return clinic;
}
