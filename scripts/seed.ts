// Idempotent demo seed: creates what is missing and leaves existing data alone,
// so running it on every `npm run dev` never clobbers a tester's edits.
import { pathToFileURL } from "node:url";
import { FieldValue } from "firebase-admin/firestore";
import { scriptAdmin } from "./lib/admin";
import { DEMO_PASSWORD, seedClinics, seedUsers } from "./seed-data";

// The slot engine's DoctorSchedule (lib/domain/slots), minus timeZone: that is the clinic's.
const scheduleDefaults = { minNoticeHours: 2, horizonDays: 60, dateOverrides: {} };

async function createIfMissing(path: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await scriptAdmin().db.doc(path).create(data);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 6) throw error; // 6 = ALREADY_EXISTS
    return false;
  }
}

/** Clinics, doctors and memberships: needs only Firestore, so the public pages work at once. */
export async function seedFirestore(): Promise<number> {
  const writes: Promise<boolean>[] = [];
  const now = FieldValue.serverTimestamp();
  for (const { doctors, ...clinic } of seedClinics) {
    const { id, ...fields } = clinic;
    writes.push(createIfMissing(`slugs/${clinic.slug}`, { clinicId: id }));
    // The demo clinics are open from the start, as if their admin had verified their email.
    writes.push(createIfMissing(`clinics/${id}`, { ...fields, publishedAt: now, createdAt: now, updatedAt: now }));
    for (const { id: doctorId, schedule, ...doctor } of doctors) {
      // Seeded ids are already readable (dr-amara-okafor): they are the doctors' slugs too.
      const data = { ...doctor, slug: doctorId, active: true, schedule: { ...scheduleDefaults, ...schedule }, createdAt: now, updatedAt: now };
      writes.push(createIfMissing(`clinics/${id}/doctors/${doctorId}`, data));
      writes.push(createIfMissing(`clinics/${id}/doctorSlugs/${doctorId}`, { doctorId, createdAt: now }));
    }
  }
  for (const { uid, displayName, ...member } of seedUsers) {
    writes.push(createIfMissing(`members/${uid}`, { ...member, name: displayName, createdAt: now }));
  }
  return (await Promise.all(writes)).filter(Boolean).length;
}

/** The demo logins: needs the Auth emulator. */
export async function seedAuthUsers(): Promise<number> {
  const { auth } = scriptAdmin();
  let created = 0;
  for (const user of seedUsers) {
    const exists = await auth.getUser(user.uid).then(() => true, () => false);
    if (exists) continue;
    await auth.createUser({ uid: user.uid, email: user.email, password: DEMO_PASSWORD, displayName: user.displayName, emailVerified: true });
    created += 1;
  }
  return created;
}

export async function seed(): Promise<{ created: number }> {
  const [documents, users] = await Promise.all([seedFirestore(), seedAuthUsers()]);
  return { created: documents + users };
}

export const demoLogins = seedUsers.map((u) => `${u.email} / ${DEMO_PASSWORD} (${u.role})`);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  seed().then(
    ({ created }) => {
      console.log(`Seed done: ${created} documents or users created.`);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
