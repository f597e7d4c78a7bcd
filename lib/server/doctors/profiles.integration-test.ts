import { beforeAll, describe, expect, it } from "vitest";
import { doctorScheduleSchema } from "@/lib/domain/slots";
import { clearAuth, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { getPublicClinic } from "@/lib/server/clinics/public-clinic";
import { createDoctor, DEFAULT_SCHEDULE, getDoctor, listDoctors, setDoctorActive, updateDoctorProfile } from "./profiles";

let world: World;
const profile = { name: "Dr. New Person", specialty: "Dermatology", bio: "Skin." };

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("listDoctors", () => {
  it("shows admins and staff every doctor of their clinic", async () => {
    for (const caller of [world.admin, world.staff]) {
      expect((await listDoctors(caller)).map((doctor) => doctor.id)).toEqual(["dr-a1", "dr-a2"]);
    }
  });

  it("shows a doctor only their own profile", async () => {
    expect((await listDoctors(world.doctor)).map((doctor) => doctor.id)).toEqual(["dr-a1"]);
  });

  it("shows another clinic's admin only their own doctors", async () => {
    expect((await listDoctors(world.otherAdmin)).map((doctor) => doctor.id)).toEqual(["dr-b1"]);
  });

  it("refuses an anonymous caller", async () => {
    await expect(listDoctors(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("getDoctor", () => {
  it("lets a doctor read their own profile but not a colleague's", async () => {
    expect((await getDoctor(world.doctor, "dr-a1")).name).toBe("Dr. Ada One");
    await expect(getDoctor(world.doctor, "dr-a2")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets staff and admins read any doctor of their clinic", async () => {
    expect((await getDoctor(world.staff, "dr-a2")).id).toBe("dr-a2");
    expect((await getDoctor(world.admin, "dr-a2")).id).toBe("dr-a2");
  });

  it("never finds another clinic's doctor, and refuses anonymous callers", async () => {
    await expect(getDoctor(world.otherAdmin, "dr-a1")).rejects.toMatchObject({ code: "not_found" });
    await expect(getDoctor(world.admin, "../clinic-b/doctors/dr-b1")).rejects.toMatchObject({ code: "not_found" });
    await expect(getDoctor(null, "dr-a1")).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("createDoctor", () => {
  it("refuses anonymous, staff, doctor and writes nothing", async () => {
    await expect(createDoctor(null, profile)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(createDoctor(world.staff, profile)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createDoctor(world.doctor, profile)).rejects.toMatchObject({ code: "forbidden" });
    expect(await listDoctors(world.admin)).toHaveLength(2);
  });

  it("adds an active doctor with the default hours, bookable on the public page", async () => {
    const id = await createDoctor(world.admin, profile);
    const stored = await readDoc(`clinics/clinic-a/doctors/${id}`);
    expect(stored).toMatchObject({ ...profile, active: true, schedule: DEFAULT_SCHEDULE });
    // The slot engine (and the booking pages) must accept the stored schedule.
    expect(doctorScheduleSchema.safeParse({ ...stored!.schedule, timeZone: "America/New_York" }).success).toBe(true);
    const publicClinic = await getPublicClinic("clinic-a");
    expect(publicClinic?.doctors.map((doctor) => doctor.name)).toContain("Dr. New Person");
  });

  it("adds another clinic's doctor to that clinic only", async () => {
    const id = await createDoctor(world.otherAdmin, { ...profile, name: "Dr. B Two" });
    expect(await readDoc(`clinics/clinic-b/doctors/${id}`)).toBeDefined();
    expect(await readDoc(`clinics/clinic-a/doctors/${id}`)).toBeUndefined();
  });
});

describe("updateDoctorProfile", () => {
  const change = { name: "Dr. Ada One-Renamed", specialty: "Family medicine", bio: "Updated." };

  it("lets a doctor edit their own profile", async () => {
    await updateDoctorProfile(world.doctor, "dr-a1", change);
    expect(await readDoc("clinics/clinic-a/doctors/dr-a1")).toMatchObject(change);
  });

  it("refuses a doctor editing a colleague, staff and anonymous callers, and writes nothing", async () => {
    const before = await readDoc("clinics/clinic-a/doctors/dr-a2");
    await expect(updateDoctorProfile(world.doctor, "dr-a2", change)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateDoctorProfile(world.staff, "dr-a2", change)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateDoctorProfile(null, "dr-a2", change)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await readDoc("clinics/clinic-a/doctors/dr-a2")).toEqual(before);
  });

  it("never reaches another clinic's doctor", async () => {
    await expect(updateDoctorProfile(world.otherAdmin, "dr-a2", change)).rejects.toMatchObject({ code: "not_found" });
    expect(await readDoc("clinics/clinic-b/doctors/dr-a2")).toBeUndefined();
  });

  it("lets an admin edit any doctor of the clinic", async () => {
    await updateDoctorProfile(world.admin, "dr-a2", { ...change, name: "Dr. Ada Two-Renamed" });
    expect(await readDoc("clinics/clinic-a/doctors/dr-a2")).toMatchObject({ name: "Dr. Ada Two-Renamed" });
  });
});

describe("setDoctorActive", () => {
  it("refuses staff, doctors (even for themselves), other clinics and anonymous callers", async () => {
    await expect(setDoctorActive(world.staff, "dr-a2", false)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setDoctorActive(world.doctor, "dr-a1", false)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setDoctorActive(world.otherAdmin, "dr-a2", false)).rejects.toMatchObject({ code: "not_found" });
    await expect(setDoctorActive(null, "dr-a2", false)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await readDoc("clinics/clinic-a/doctors/dr-a2")).toMatchObject({ active: true });
  });

  it("hides a deactivated doctor from the public page, and reactivating shows them again", async () => {
    await setDoctorActive(world.admin, "dr-a2", false);
    expect((await getPublicClinic("clinic-a"))?.doctors.map((doctor) => doctor.id)).not.toContain("dr-a2");
    // Still listed for the admin, as inactive, after the active ones.
    expect((await listDoctors(world.admin)).at(-1)).toMatchObject({ id: "dr-a2", active: false });
    await setDoctorActive(world.admin, "dr-a2", true);
    expect((await getPublicClinic("clinic-a"))?.doctors.map((doctor) => doctor.id)).toContain("dr-a2");
  });

  it("reports an unknown doctor", async () => {
    await expect(setDoctorActive(world.admin, "dr-nope", false)).rejects.toMatchObject({ code: "not_found" });
  });
});
