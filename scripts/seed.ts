// Idempotent demo seed: creates what is missing and leaves existing data alone,
// so running it on every `npm run dev` never clobbers a tester's edits.
import { pathToFileURL } from "node:url";
import { FieldValue } from "firebase-admin/firestore";
import { scriptAdmin } from "./lib/admin";
import { DEMO_PASSWORD, seedClinics, seedUsers } from "./seed-data";

// The slot engine's DoctorSchedule (lib/domain/slots), minus timeZone: that is the clinic's.
const scheduleDefaults = { minNoticeHours: 2, horizonDays: 60, dateOverrides: {} };

export async function seed(): Promise<{ created: number }> {
  const { db, auth } = scriptAdmin();
  let created = 0;
  const createIfMissing = async (path: string, data: Record<string, unknown>) => {
    try {
      await db.doc(path).create(data);
      created += 1;
    } catch (error) {
      if ((error as { code?: number }).code !== 6) throw error; // 6 = ALREADY_EXISTS
    }
  };

  for (const { doctors, ...clinic } of seedClinics) {
    const { id, ...fields } = clinic;
    await createIfMissing(`slugs/${clinic.slug}`, { clinicId: id });
    await createIfMissing(`clinics/${id}`, { ...fields, createdAt: FieldValue.serverTimestamp(), updatedAt: FieldValue.serverTimestamp() });
    for (const { id: doctorId, schedule, ...doctor } of doctors) {
      await createIfMissing(`clinics/${id}/doctors/${doctorId}`, {
        ...doctor,
        active: true,
        schedule: { ...scheduleDefaults, ...schedule },
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
  }

  for (const user of seedUsers) {
    const exists = await auth.getUser(user.uid).then(() => true, () => false);
    if (!exists) {
      await auth.createUser({ uid: user.uid, email: user.email, password: DEMO_PASSWORD, displayName: user.displayName, emailVerified: true });
      created += 1;
    }
    const { uid, displayName, ...member } = user;
    await createIfMissing(`members/${uid}`, { ...member, name: displayName, createdAt: FieldValue.serverTimestamp() });
  }
  return { created };
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
