import { beforeAll, describe, expect, it } from "vitest";
import { clinicProfileSchema } from "@/lib/domain/clinic-settings";
import { clearAuth, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { getClinicOverview, getClinicSettings, updateClinicProfile } from "./clinic-settings";

let world: World;

const profile = clinicProfileSchema.parse({
  name: "Clinic A Renamed",
  description: "Now with evening hours.",
  address: "2 Side St",
  phone: "+1 555 010 9999",
  email: "new@a.test",
  timezone: "America/Chicago",
  currency: "EUR",
  fee: "12.34",
});

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("getClinicOverview", () => {
  it("gives every member of the clinic its name and booking link", async () => {
    for (const caller of [world.admin, world.staff, world.doctor]) {
      expect(await getClinicOverview(caller)).toEqual({
        id: "clinic-a",
        name: "Clinic A",
        slug: "clinic-a",
        bookingUrl: `${process.env.APP_URL!.replace(/\/$/, "")}/book/clinic-a`,
        timezone: "America/New_York",
      });
    }
  });

  it("shows another clinic's admin only their own clinic", async () => {
    expect((await getClinicOverview(world.otherAdmin)).id).toBe("clinic-b");
  });

  it("refuses an anonymous caller", async () => {
    await expect(getClinicOverview(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("getClinicSettings", () => {
  it("lets the admin read the profile", async () => {
    expect(await getClinicSettings(world.admin)).toMatchObject({ id: "clinic-a", name: "Clinic A", feeCents: 5000, currency: "USD" });
  });

  it("refuses staff, doctors and anonymous callers", async () => {
    await expect(getClinicSettings(world.staff)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getClinicSettings(world.doctor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getClinicSettings(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("gives another clinic's admin their own clinic, never this one", async () => {
    expect((await getClinicSettings(world.otherAdmin)).id).toBe("clinic-b");
  });
});

describe("updateClinicProfile", () => {
  it("refuses anonymous, staff and doctor callers and writes nothing", async () => {
    const before = await readDoc("clinics/clinic-a");
    await expect(updateClinicProfile(null, profile)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(updateClinicProfile(world.staff, profile)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateClinicProfile(world.doctor, profile)).rejects.toMatchObject({ code: "forbidden" });
    expect(await readDoc("clinics/clinic-a")).toEqual(before);
  });

  it("lets another clinic's admin change only their own clinic", async () => {
    const before = await readDoc("clinics/clinic-a");
    await updateClinicProfile(world.otherAdmin, { ...profile, name: "Clinic B Renamed" });
    expect(await readDoc("clinics/clinic-a")).toEqual(before);
    expect(await readDoc("clinics/clinic-b")).toMatchObject({ name: "Clinic B Renamed" });
  });

  it("lets the admin save every field, keeping the slug", async () => {
    await updateClinicProfile(world.admin, profile);
    expect(await readDoc("clinics/clinic-a")).toMatchObject({
      slug: "clinic-a",
      name: "Clinic A Renamed",
      description: "Now with evening hours.",
      address: "2 Side St",
      phone: "+1 555 010 9999",
      email: "new@a.test",
      timezone: "America/Chicago",
      currency: "EUR",
      feeCents: 1234,
    });
    expect(await readDoc("slugs/clinic-a")).toEqual({ clinicId: "clinic-a" });
  });
});
