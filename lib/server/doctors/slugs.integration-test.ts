import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { cachedDoctorPage } from "@/lib/server/booking/cached-bookable-doctor";
import { getPublicClinic } from "@/lib/server/clinics/public-clinic";
import { createDoctor, getDoctor, updateDoctorProfile } from "./profiles";

// Doctor slugs: readable, unique per clinic (create-only doctorSlugs documents,
// also under concurrency), editable, and old links (the id, an old slug, any
// case) still find the doctor so the page can redirect.

let world: World;
/** Where the booking page at /book/{clinic}/{segment} points (null: a 404). */
const resolveDoctorPath = async (clinicSlug: string, segment: string) => (await cachedDoctorPage(clinicSlug, segment))?.path ?? null;
const profile = (name: string) => ({ name, specialty: "Dermatology", bio: "" });

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("a new doctor's slug", () => {
  it("is readable, derived from the name, and reserved by a slug document", async () => {
    const id = await createDoctor(world.admin, profile("Dr. Zoë Ñúñez"));
    expect(await readDoc(`clinics/clinic-a/doctors/${id}`)).toMatchObject({ slug: "dr-zoe-nunez" });
    expect(await readDoc(`clinics/clinic-a/doctorSlugs/dr-zoe-nunez`)).toMatchObject({ doctorId: id });
    expect((await getDoctor(world.admin, id)).slug).toBe("dr-zoe-nunez");
    const listed = (await getPublicClinic("clinic-a"))?.doctors.find((doctor) => doctor.id === id);
    expect(listed?.slug).toBe("dr-zoe-nunez");
  });

  it("gets -2, -3 when the name is taken in the same clinic, but not across clinics", async () => {
    const a1 = await createDoctor(world.admin, profile("Dr. Sam Lee"));
    const a2 = await createDoctor(world.admin, profile("Dr. Sam Lee"));
    const a3 = await createDoctor(world.admin, profile("Dr. Sam Lee"));
    const b1 = await createDoctor(world.otherAdmin, profile("Dr. Sam Lee"));
    expect((await getDoctor(world.admin, a1)).slug).toBe("dr-sam-lee");
    expect((await getDoctor(world.admin, a2)).slug).toBe("dr-sam-lee-2");
    expect((await getDoctor(world.admin, a3)).slug).toBe("dr-sam-lee-3");
    expect((await getDoctor(world.otherAdmin, b1)).slug).toBe("dr-sam-lee");
  });

  it("stays unique when doctors with the same name are added at the same time", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => createDoctor(world.admin, profile("Dr. Same Time"))));
    const slugs = await Promise.all(ids.map(async (id) => (await getDoctor(world.admin, id)).slug));
    expect(new Set(slugs).size).toBe(5);
    expect([...slugs].sort()).toEqual(["dr-same-time", "dr-same-time-2", "dr-same-time-3", "dr-same-time-4", "dr-same-time-5"]);
    for (const [i, slug] of slugs.entries()) {
      expect(await readDoc(`clinics/clinic-a/doctorSlugs/${slug}`)).toMatchObject({ doctorId: ids[i] });
    }
  });
});

describe("renaming a slug", () => {
  it("moves the doctor to the new address; the old slug and the id still find them", async () => {
    const id = await createDoctor(world.admin, profile("Dr. Old Name"));
    await updateDoctorProfile(world.admin, id, profile("Dr. Old Name"), { slug: "dr-new-name" });
    expect((await getDoctor(world.admin, id)).slug).toBe("dr-new-name");
    const canonical = { clinicSlug: "clinic-a", doctorId: id, doctorSlug: "dr-new-name" };
    expect(await resolveDoctorPath("clinic-a", "dr-new-name")).toEqual(canonical);
    expect(await resolveDoctorPath("clinic-a", "dr-old-name")).toEqual(canonical); // old link
    expect(await resolveDoctorPath("clinic-a", id)).toEqual(canonical); // the id, as links were before slugs
    expect(await resolveDoctorPath("CLINIC-A", "Dr-New-Name")).toEqual(canonical); // any case
    // Taking the old slug back is fine: it still names this doctor.
    await updateDoctorProfile(world.admin, id, profile("Dr. Old Name"), { slug: "dr-old-name" });
    expect(await resolveDoctorPath("clinic-a", "dr-new-name")).toMatchObject({ doctorSlug: "dr-old-name" });
  });

  it("refuses a slug another doctor of the clinic uses (or used), and writes nothing", async () => {
    const first = await createDoctor(world.admin, profile("Dr. First Holder"));
    const second = await createDoctor(world.admin, profile("Dr. Second Holder"));
    await updateDoctorProfile(world.admin, first, profile("Dr. First Holder"), { slug: "dr-first-renamed" });
    for (const taken of ["dr-first-renamed", "dr-first-holder"]) {
      await expect(updateDoctorProfile(world.admin, second, profile("Dr. Second Changed"), { slug: taken })).rejects.toMatchObject({
        code: "conflict",
        fields: { slug: expect.stringContaining("Another doctor") },
      });
    }
    expect(await readDoc(`clinics/clinic-a/doctors/${second}`)).toMatchObject({ name: "Dr. Second Holder", slug: "dr-second-holder" });
    // Another clinic may use it.
    const other = await createDoctor(world.otherAdmin, profile("Dr. Elsewhere"));
    await updateDoctorProfile(world.otherAdmin, other, profile("Dr. Elsewhere"), { slug: "dr-first-renamed" });
    expect((await getDoctor(world.otherAdmin, other)).slug).toBe("dr-first-renamed");
  });

  it("lets exactly one of two concurrent renames to the same slug win", async () => {
    const a = await createDoctor(world.admin, profile("Dr. Race One"));
    const b = await createDoctor(world.admin, profile("Dr. Race Two"));
    const results = await Promise.allSettled([
      updateDoctorProfile(world.admin, a, profile("Dr. Race One"), { slug: "dr-race-winner" }),
      updateDoctorProfile(world.admin, b, profile("Dr. Race Two"), { slug: "dr-race-winner" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    const owner = (await readDoc("clinics/clinic-a/doctorSlugs/dr-race-winner"))?.doctorId;
    const slugs = [(await getDoctor(world.admin, a)).slug, (await getDoctor(world.admin, b)).slug];
    expect(slugs.filter((slug) => slug === "dr-race-winner")).toHaveLength(1);
    expect(owner).toBe(slugs[0] === "dr-race-winner" ? a : b);
  });

  it("validates who may rename: a doctor only themselves, staff nobody", async () => {
    await expect(updateDoctorProfile(world.staff, "dr-a1", profile("Dr. Ada One"), { slug: "ada" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateDoctorProfile(world.doctor, "dr-a2", profile("Dr. Ada Two"), { slug: "ada-two" })).rejects.toMatchObject({ code: "forbidden" });
    await updateDoctorProfile(world.doctor, "dr-a1", profile("Dr. Ada One"), { slug: "dr-ada" });
    expect((await getDoctor(world.doctor, "dr-a1")).slug).toBe("dr-ada");
  });
});

describe("doctors stored before slugs existed", () => {
  it("are addressed by their id, and unknown paths find nothing", async () => {
    // The fixtures write dr-a2 without a slug, as older data is.
    expect(await readDoc("clinics/clinic-a/doctors/dr-a2")).not.toHaveProperty("slug");
    expect(await resolveDoctorPath("clinic-a", "dr-a2")).toEqual({ clinicSlug: "clinic-a", doctorId: "dr-a2", doctorSlug: "dr-a2" });
    expect(await resolveDoctorPath("clinic-a", "no-such-doctor")).toBeNull();
    expect(await resolveDoctorPath("clinic-a", "../clinic-b")).toBeNull();
    expect(await resolveDoctorPath("no-such-clinic", "dr-a2")).toBeNull();
    // Another clinic's doctor is never found through this clinic.
    expect(await resolveDoctorPath("clinic-a", "dr-b1")).toBeNull();
  });
});
