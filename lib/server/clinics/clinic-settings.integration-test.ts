import { beforeAll, describe, expect, it } from "vitest";
import { clinicProfileSchema } from "@/lib/domain/clinic-settings";
import { clearAuth, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { Timestamp } from "firebase-admin/firestore";
import { countUpcomingAppointments, getClinicOverview, getClinicSettings, updateClinicProfile } from "./clinic-settings";
import { fixtureDb } from "@/tests/helpers/dashboard-fixtures";

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

describe("countUpcomingAppointments", () => {
  const NOW = new Date("2030-03-01T12:00:00Z");
  const at = (offsetHours: number) => Timestamp.fromMillis(NOW.getTime() + offsetHours * 3_600_000);
  const appointment = (id: string, clinicId: string, status: string, startHours: number) =>
    fixtureDb()
      .doc(`appointments/${id}`)
      .set({ clinicId, doctorId: "dr-a1", status, start: at(startHours), end: at(startHours + 0.5), bufferMinutes: 0 });

  beforeAll(async () => {
    await appointment("up-pending", "clinic-a", "pending", 24);
    await appointment("up-approved", "clinic-a", "approved", 48);
    await appointment("up-rescheduled", "clinic-a", "rescheduled", 72);
    await appointment("up-confirmed", "clinic-a", "confirmed", 0); // starts right now: still ahead
    await appointment("past-confirmed", "clinic-a", "confirmed", -1);
    await appointment("up-declined", "clinic-a", "declined", 24);
    await appointment("up-cancelled", "clinic-a", "cancelled", 24);
    await appointment("up-expired", "clinic-a", "expired", 24);
    await appointment("other-clinic", "clinic-b", "confirmed", 24);
  });

  it("counts the clinic's appointments ahead that hold their time, and nothing else", async () => {
    expect(await countUpcomingAppointments(world.admin, NOW)).toBe(4);
    expect(await countUpcomingAppointments(world.otherAdmin, NOW)).toBe(1);
    expect(await countUpcomingAppointments(world.admin, new Date(NOW.getTime() + 100 * 3_600_000))).toBe(0);
  });

  it("is for admins only", async () => {
    await expect(countUpcomingAppointments(world.staff, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(countUpcomingAppointments(world.doctor, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(countUpcomingAppointments(null, NOW)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
