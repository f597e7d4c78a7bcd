import { beforeAll, describe, expect, it } from "vitest";
import { clearAuth, member, PASSWORD, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { inviteSchema } from "@/lib/domain/clinic-settings";
import { acceptInviteAsExistingUser, getInvite, INVITE_MESSAGES } from "./invite-acceptance";
import { createInvite, listPendingInvites } from "./invites";
import { changeMemberRole, LAST_ADMIN, listMembers, removeMember } from "./members";
import { resolveCaller } from "@/lib/server/auth/caller";
import { startSession, verifySession } from "@/lib/server/auth/session";

let world: World;

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("listMembers", () => {
  it("lists the admin's own clinic, admins first, marking the caller", async () => {
    expect(await listMembers(world.admin)).toEqual([
      { uid: "a-admin", name: "Ann Admin", email: "admin@a.test", role: "admin", isYou: true },
      { uid: "a-staff", name: "Sid Staff", email: "staff@a.test", role: "staff", isYou: false },
      { uid: "a-doctor", name: "Dr. Ada One", email: "doctor@a.test", role: "doctor", doctorId: "dr-a1", doctorName: "Dr. Ada One", isYou: false },
    ]);
  });

  it("shows another clinic's admin only their own team", async () => {
    expect((await listMembers(world.otherAdmin)).map((m) => m.uid)).toEqual(["b-admin"]);
  });

  it("refuses staff, doctors and anonymous callers", async () => {
    await expect(listMembers(world.staff)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listMembers(world.doctor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listMembers(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("changeMemberRole", () => {
  it("refuses staff, doctors and anonymous callers, and writes nothing", async () => {
    await expect(changeMemberRole(world.staff, "a-staff", { role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(world.doctor, "a-doctor", { role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(null, "a-staff", { role: "admin" })).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await readDoc("members/a-staff")).toMatchObject({ role: "staff" });
    expect(await readDoc("members/a-doctor")).toMatchObject({ role: "doctor" });
  });

  it("does not find a member of another clinic (existence doesn't leak)", async () => {
    await expect(changeMemberRole(world.otherAdmin, "a-staff", { role: "admin" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeMemberRole(world.admin, "b-admin", { role: "staff" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeMemberRole(world.admin, "no-such-uid", { role: "staff" })).rejects.toMatchObject({ code: "not_found" });
    // Firestore reserves __.*__ ids (INVALID_ARGUMENT): from a form, that is simply nobody.
    await expect(changeMemberRole(world.admin, "__x__", { role: "staff" })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(world.admin, "__x__")).rejects.toMatchObject({ code: "not_found" });
    await expect(changeMemberRole(world.admin, "a-staff", { role: "doctor", doctorId: "__x__" })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await readDoc("members/b-admin")).toMatchObject({ role: "admin" });
  });

  it("a changed role ends that person's sessions; an unchanged role, or an admin's own change, does not", async () => {
    await member("a-mover", { clinicId: "clinic-a", role: "staff", email: "mover@a.test", name: "Mo Ver" });
    const { cookie } = await startSession("mover@a.test", PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // revocation has one-second resolution
    await changeMemberRole(world.admin, "a-mover", { role: "staff" });
    expect(await verifySession(cookie)).toMatchObject({ ok: true });
    await changeMemberRole(world.admin, "a-mover", { role: "admin" });
    expect(await verifySession(cookie)).toEqual({ ok: false, problem: "revoked" });

    const own = await startSession("mover@a.test", PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const mover = { ...world.admin, uid: "a-mover", email: "mover@a.test", name: "Mo Ver" };
    await changeMemberRole(mover, "a-mover", { role: "staff" });
    expect(await readDoc("members/a-mover")).toMatchObject({ role: "staff" });
    expect(await verifySession(own.cookie)).toMatchObject({ ok: true });
  });

  it("links a doctor to a doctor profile of the clinic only", async () => {
    await expect(changeMemberRole(world.admin, "a-staff", { role: "doctor", doctorId: "dr-b1" })).rejects.toMatchObject({
      code: "invalid_request",
      fields: { doctorId: "Choose one of your clinic's doctors." },
    });
    await changeMemberRole(world.admin, "a-staff", { role: "doctor", doctorId: "dr-a2" });
    expect(await readDoc("members/a-staff")).toMatchObject({ role: "doctor", doctorId: "dr-a2" });
    // Back to staff drops the link.
    await changeMemberRole(world.admin, "a-staff", { role: "staff" });
    const back = await readDoc("members/a-staff");
    expect(back).toMatchObject({ role: "staff" });
    expect(back).not.toHaveProperty("doctorId");
  });

  it("never demotes the last admin, including themselves", async () => {
    await expect(changeMemberRole(world.admin, "a-admin", { role: "staff" })).rejects.toMatchObject({
      code: "conflict",
      message: LAST_ADMIN,
    });
    expect(await readDoc("members/a-admin")).toMatchObject({ role: "admin" });
  });

  it("lets an admin step down once there is another admin", async () => {
    await changeMemberRole(world.admin, "a-staff", { role: "admin" });
    await changeMemberRole(world.admin, "a-admin", { role: "staff" });
    expect(await readDoc("members/a-admin")).toMatchObject({ role: "staff" });
    // Restore for the next tests, acting as the new admin.
    await changeMemberRole({ ...world.staff, role: "admin" }, "a-admin", { role: "admin" });
    await changeMemberRole(world.admin, "a-staff", { role: "staff" });
  });
});

describe("the last-admin rule under concurrency", () => {
  it("lets only one of two admins step down when both try at once", async () => {
    await changeMemberRole(world.admin, "a-staff", { role: "admin" });
    const secondAdmin = { ...world.staff, role: "admin" as const };
    const results = await Promise.allSettled([
      changeMemberRole(world.admin, "a-admin", { role: "staff" }),
      changeMemberRole(secondAdmin, "a-staff", { role: "staff" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const admins = [await readDoc("members/a-admin"), await readDoc("members/a-staff")].filter((m) => m?.role === "admin");
    expect(admins).toHaveLength(1);
    // Restore: a-admin is the admin, a-staff is staff.
    if ((await readDoc("members/a-admin"))?.role !== "admin") {
      await changeMemberRole(secondAdmin, "a-admin", { role: "admin" });
    }
    await changeMemberRole(world.admin, "a-staff", { role: "staff" });
  });
});

describe("removeMember", () => {
  it("refuses staff, doctors, other clinics and anonymous callers", async () => {
    await expect(removeMember(world.staff, "a-doctor")).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(world.doctor, "a-doctor")).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(world.otherAdmin, "a-doctor")).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(null, "a-doctor")).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await readDoc("members/a-doctor")).toBeDefined();
  });

  it("never removes the last admin", async () => {
    await expect(removeMember(world.admin, "a-admin")).rejects.toMatchObject({ code: "conflict", message: LAST_ADMIN });
    expect(await readDoc("members/a-admin")).toBeDefined();
  });

  it("removes a member and ends their sessions, keeping their sign-in account", async () => {
    await member("a-temp", { clinicId: "clinic-a", role: "staff", email: "temp@a.test", name: "Tem Porary" });
    const { cookie } = await startSession("temp@a.test", PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // revocation has one-second resolution
    await removeMember(world.admin, "a-temp");
    expect(await readDoc("members/a-temp")).toBeUndefined();
    expect(await verifySession(cookie)).toEqual({ ok: false, problem: "revoked" });
    // Their open dashboard's next request says they left the clinic, not just that they were signed out.
    expect(await resolveCaller(cookie)).toEqual({ caller: null, reason: "no-clinic" });
    // The account still exists: another clinic may invite them later.
    await expect(startSession("temp@a.test", PASSWORD)).resolves.toMatchObject({ uid: "a-temp" });
  });

  it("revokes the removed person's pending invites, so a second link cannot bring them back", async () => {
    // A link sent before they joined by another one (or a stale second link),
    // this time as an admin.
    const spare = await createInvite(world.admin, inviteSchema.parse({ email: "Back@A.test", role: "admin" }));
    await member("a-back", { clinicId: "clinic-a", role: "staff", email: "back@a.test", name: "Bea Back" });
    const otherClinics = await createInvite(world.otherAdmin, inviteSchema.parse({ email: "back@a.test", role: "staff" }));

    await removeMember(world.admin, "a-back");

    const token = spare.url.split("/invite/")[1]!;
    expect(await getInvite(token)).toEqual({ status: "revoked" });
    expect(await readDoc(`invites/${spare.id}`)).toMatchObject({ revokedBy: "a-admin" });
    await expect(acceptInviteAsExistingUser(token, { password: PASSWORD }, "192.0.2.1")).rejects.toMatchObject({ message: INVITE_MESSAGES.revoked });
    expect(await readDoc("members/a-back")).toBeUndefined();
    expect((await listPendingInvites(world.admin)).map((i) => i.email)).not.toContain("back@a.test");
    // Another clinic's invite for the same person is not this clinic's to revoke.
    expect(await readDoc(`invites/${otherClinics.id}`)).not.toHaveProperty("revokedAt");
  });
});
