import { beforeAll, describe, expect, it } from "vitest";
import { clinicProfileSchema } from "@/lib/domain/clinic-settings";
import { clearAuth, fixtureDb, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { createDoctor, setDoctorActive, updateDoctorProfile } from "@/lib/server/doctors/profiles";
import { updateDoctorSchedule } from "@/lib/server/doctors/schedule";
import { updateClinicProfile } from "./clinic-settings";
import { cachedPublicClinic } from "./public-clinic";

// The public pages read a clinic through this server's cache; every verb that
// writes what they show forgets it, so the next page shows the edit.

let world: World;
const shown = () => cachedPublicClinic("clinic-a");
const doctorNamed = async (name: string) => (await shown())?.doctors.find((doctor) => doctor.name === name);

const closedWeek = {
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  dateOverrides: {},
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 2,
  horizonDays: 60,
};

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("the public clinic cache", () => {
  it("serves a clinic from memory: a write that bypasses the verbs does not show", async () => {
    expect((await shown())?.name).toBe("Clinic A");
    await fixtureDb().doc("clinics/clinic-a").update({ name: "Written behind the app's back" });
    expect((await shown())?.name).toBe("Clinic A");
  });

  it("shows a saved clinic profile on the next read", async () => {
    const profile = clinicProfileSchema.parse({
      name: "Clinic A Renamed", description: "", address: "2 Side St", phone: "+1 555 010 9999",
      email: "new@a.test", timezone: "America/Chicago", currency: "EUR", fee: "12.34",
    });
    await updateClinicProfile(world.admin, profile);
    expect(await shown()).toMatchObject({ name: "Clinic A Renamed", timezone: "America/Chicago", feeCents: 1234, currency: "EUR" });
  });

  it("shows a new doctor, a renamed one, and hides a deactivated one on the next read", async () => {
    await shown();
    const id = await createDoctor(world.admin, { name: "Dr. Cache New", specialty: "", bio: "" });
    expect((await doctorNamed("Dr. Cache New"))?.id).toBe(id);

    await updateDoctorProfile(world.admin, id, { name: "Dr. Cache Renamed", specialty: "Skin", bio: "" });
    expect(await doctorNamed("Dr. Cache New")).toBeUndefined();
    expect((await doctorNamed("Dr. Cache Renamed"))?.specialty).toBe("Skin");

    await setDoctorActive(world.admin, id, false);
    expect((await shown())?.doctors.map((doctor) => doctor.id)).not.toContain(id);
  });

  it("shows a doctor's new hours on the next read", async () => {
    expect((await doctorNamed("Dr. Ada Two"))?.takingBookings).toBe(true);
    await updateDoctorSchedule(world.admin, "dr-a2", closedWeek);
    expect((await doctorNamed("Dr. Ada Two"))?.takingBookings).toBe(false);
  });
});
