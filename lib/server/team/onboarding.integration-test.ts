import { beforeAll, describe, expect, it, vi } from "vitest";
import { signupSchema, type SignupInput } from "@/lib/domain/clinic-settings";
import { clearAuth, countDocs, fixtureAuth, fixtureDb, readDoc } from "@/tests/helpers/dashboard-fixtures";
import { resolveCaller } from "@/lib/server/auth/caller";
import { adminAuth } from "@/lib/server/firebase";
import { createClinic, EMAIL_TAKEN, isSlugAvailable, SLUG_TAKEN } from "./onboarding";
import { startSession } from "@/lib/server/auth/session";

const form = (overrides: Partial<SignupInput> = {}) =>
  signupSchema.parse({
    clinicName: "Harbour Clinic",
    slug: "harbour",
    address: "1 Quay St",
    phone: "+1 555 010 2030",
    email: "front@harbour.test",
    timezone: "Europe/London",
    currency: "GBP",
    fee: "30.50",
    adminName: "Hana Harbour",
    adminEmail: "hana@harbour.test",
    password: "harbour-pass",
    ...overrides,
  });

const authUserExists = (email: string) => fixtureAuth().getUserByEmail(email).then(() => true, () => false);

beforeAll(async () => {
  await clearAuth();
});

describe("createClinic", () => {
  it("creates the slug, clinic and admin member in one go, and the admin can sign in", async () => {
    const { clinicId, uid } = await createClinic(form());
    expect(await readDoc("slugs/harbour")).toEqual({ clinicId });
    expect(await readDoc(`clinics/${clinicId}`)).toMatchObject({
      slug: "harbour",
      name: "Harbour Clinic",
      timezone: "Europe/London",
      currency: "GBP",
      feeCents: 3050,
      email: "front@harbour.test",
    });
    expect(await readDoc(`members/${uid}`)).toMatchObject({ clinicId, role: "admin", email: "hana@harbour.test", name: "Hana Harbour" });

    const { cookie } = await startSession("hana@harbour.test", "harbour-pass");
    expect((await resolveCaller(cookie)).caller).toEqual({
      uid,
      email: "hana@harbour.test",
      name: "Hana Harbour",
      clinicId,
      clinicName: "Harbour Clinic",
      role: "admin",
    });
    expect(await isSlugAvailable("harbour")).toBe(false);
  });

  it("refuses a taken address with a field message, and creates no Auth user", async () => {
    const before = await countDocs("clinics");
    await expect(createClinic(form({ adminEmail: "second@harbour.test" }))).rejects.toMatchObject({
      code: "conflict",
      fields: { slug: SLUG_TAKEN },
    });
    expect(await authUserExists("second@harbour.test")).toBe(false);
    expect(await countDocs("clinics")).toBe(before);
  });

  it("deletes the Auth user again when the transaction loses the slug to a racing signup", async () => {
    // Another signup takes the address right after our Auth user is created,
    // i.e. after the pre-check and before our transaction.
    const auth = adminAuth();
    const createUser = auth.createUser.bind(auth);
    const spy = vi.spyOn(auth, "createUser").mockImplementation(async (properties) => {
      const user = await createUser(properties);
      await fixtureDb().doc("slugs/racing").create({ clinicId: "someone-else" });
      return user;
    });
    try {
      await expect(createClinic(form({ slug: "racing", adminEmail: "racer@harbour.test" }))).rejects.toMatchObject({
        code: "conflict",
        fields: { slug: SLUG_TAKEN },
      });
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      spy.mockRestore();
    }
    expect(await authUserExists("racer@harbour.test")).toBe(false);
    expect(await readDoc("slugs/racing")).toEqual({ clinicId: "someone-else" });
    const members = await fixtureDb().collection("members").where("email", "==", "racer@harbour.test").get();
    expect(members.empty).toBe(true);
  });

  it("tells someone whose email already has an account, without creating anything", async () => {
    const before = await countDocs("clinics");
    await expect(createClinic(form({ slug: "another-harbour" }))).rejects.toMatchObject({
      code: "conflict",
      fields: { adminEmail: EMAIL_TAKEN },
    });
    expect(await countDocs("clinics")).toBe(before);
    expect(await readDoc("slugs/another-harbour")).toBeUndefined();
  });
});
