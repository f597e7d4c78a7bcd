import { beforeAll, describe, expect, it, vi } from "vitest";
import { inviteSchema } from "@/lib/domain/clinic-settings";
import { clearAuth, fixtureAuth, fixtureDb, member, PASSWORD, readDoc, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { resolveCaller } from "@/lib/server/auth/caller";
import {
  acceptInviteAsExistingUser,
  acceptInviteAsNewUser,
  ALREADY_MEMBER,
  getInvite,
  HAS_ACCOUNT,
  INVITE_MESSAGES,
  OTHER_CLINIC,
} from "./invite-acceptance";
import { createInvite, hashInviteToken, listPendingInvites, revokeInvite } from "./invites";

let world: World;
const staffInvite = (email: string) => inviteSchema.parse({ email, role: "staff" });
const tokenOf = (url: string) => url.split("/invite/")[1]!;

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
});

describe("createInvite", () => {
  it("refuses staff, doctors and anonymous callers, and writes nothing", async () => {
    await expect(createInvite(world.staff, staffInvite("x@a.test"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvite(world.doctor, staffInvite("x@a.test"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvite(null, staffInvite("x@a.test"))).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await fixtureDb().collection("invites").get()).size).toBe(0);
    expect((await fixtureDb().collection("mail").get()).size).toBe(0);
  });

  it("stores only the token's hash, valid for 7 days, and queues one email with the link", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const invite = await createInvite(world.admin, staffInvite("New.Person@A.test"), now);
    const token = tokenOf(invite.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(invite.id).toBe(hashInviteToken(token));
    expect(invite.url).toBe(`${process.env.APP_URL!.replace(/\/$/, "")}/invite/${token}`);

    const stored = await readDoc(`invites/${invite.id}`);
    expect(stored).toMatchObject({ clinicId: "clinic-a", email: "new.person@a.test", role: "staff", invitedBy: "a-admin" });
    expect(stored!.expiresAt.toDate()).toEqual(new Date("2030-01-08T12:00:00Z"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const mail = await fixtureDb().collection("mail").where("inviteId", "==", invite.id).get();
    expect(mail.size).toBe(1);
    const { to, message } = mail.docs[0]!.data();
    expect(to).toBe("new.person@a.test");
    expect(message.subject).toBe("You're invited to join Clinic A");
    expect(message.text).toContain(invite.url);
    expect(message.html).toContain(invite.url);
    expect(message.text).toContain("You're invited to join Clinic A as a staff member, by Ann Admin.");
  });

  it("requires a doctor invite to name a doctor of the same clinic", async () => {
    const other = inviteSchema.parse({ email: "doc@a.test", role: "doctor", doctorId: "dr-b1" });
    await expect(createInvite(world.admin, other)).rejects.toMatchObject({ code: "invalid_request", fields: { doctorId: expect.any(String) } });
    const own = await createInvite(world.admin, inviteSchema.parse({ email: "doc@a.test", role: "doctor", doctorId: "dr-a2" }));
    expect(await readDoc(`invites/${own.id}`)).toMatchObject({ role: "doctor", doctorId: "dr-a2" });
  });

  it("refuses to invite someone who is already on the team", async () => {
    await expect(createInvite(world.admin, staffInvite("staff@a.test"))).rejects.toMatchObject({
      code: "conflict",
      fields: { email: "staff@a.test is already on your team." },
    });
  });
});

describe("listPendingInvites and revokeInvite", () => {
  it("lists pending invites to admins of the clinic only", async () => {
    const pending = await listPendingInvites(world.admin);
    expect(pending.map((invite) => invite.email).sort()).toEqual(["doc@a.test", "new.person@a.test"].sort());
    expect(await listPendingInvites(world.otherAdmin)).toEqual([]);
    await expect(listPendingInvites(world.staff)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listPendingInvites(world.doctor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listPendingInvites(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("leaves out expired invites", async () => {
    // One invite was made "in 2030" above, the other now; both are over by 2031.
    expect(await listPendingInvites(world.admin, new Date("2031-01-01T00:00:00Z"))).toEqual([]);
  });

  it("revokes for admins of the clinic only; another clinic gets not_found", async () => {
    const invite = await createInvite(world.admin, staffInvite("revoke@a.test"));
    await expect(revokeInvite(world.otherAdmin, invite.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeInvite(world.staff, invite.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeInvite(world.doctor, invite.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeInvite(null, invite.id)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await getInvite(tokenOf(invite.url))).toMatchObject({ status: "valid" });

    await revokeInvite(world.admin, invite.id);
    expect(await getInvite(tokenOf(invite.url))).toEqual({ status: "revoked" });
    await expect(acceptInviteAsNewUser(tokenOf(invite.url), { name: "R", password: "long-password" })).rejects.toMatchObject({
      message: INVITE_MESSAGES.revoked,
    });
    expect((await listPendingInvites(world.admin)).map((i) => i.email)).not.toContain("revoke@a.test");
  });
});

describe("inviting someone who already has a live invite", () => {
  it("replaces it: the earlier link is revoked in the same commit, only the new one is listed and works", async () => {
    const first = await createInvite(world.admin, staffInvite("twice@a.test"));
    const second = await createInvite(world.admin, inviteSchema.parse({ email: "Twice@A.test", role: "admin" }));
    expect(await getInvite(tokenOf(first.url))).toEqual({ status: "revoked" });
    expect(await readDoc(`invites/${first.id}`)).toMatchObject({ revokedBy: "a-admin" });
    expect(await getInvite(tokenOf(second.url))).toMatchObject({ status: "valid", role: "admin" });
    expect((await listPendingInvites(world.admin)).filter((i) => i.email === "twice@a.test").map((i) => i.id)).toEqual([second.id]);
    await expect(acceptInviteAsNewUser(tokenOf(first.url), { name: "Old Link", password: "long-password" })).rejects.toMatchObject({
      message: INVITE_MESSAGES.revoked,
    });
    // Another clinic inviting the same address leaves this clinic's invite alone.
    await createInvite(world.otherAdmin, staffInvite("twice@a.test"));
    expect(await getInvite(tokenOf(second.url))).toMatchObject({ status: "valid" });
    await revokeInvite(world.admin, second.id);
  });
});

describe("accepting an invite", () => {
  it("creates a new person's account and membership, once", async () => {
    const invite = await createInvite(world.admin, staffInvite("fresh@a.test"));
    const token = tokenOf(invite.url);
    expect(await getInvite(token)).toMatchObject({ status: "valid", clinicName: "Clinic A", email: "fresh@a.test", role: "staff", hasAccount: false });

    const session = await acceptInviteAsNewUser(token, { name: "Fresh Face", password: "fresh-password" });
    expect((await resolveCaller(session.cookie)).caller).toMatchObject({ clinicId: "clinic-a", role: "staff", name: "Fresh Face", email: "fresh@a.test" });
    expect(await readDoc(`invites/${invite.id}`)).toMatchObject({ usedBy: session.uid });

    expect(await getInvite(token)).toEqual({ status: "used" });
    await expect(acceptInviteAsNewUser(token, { name: "Again", password: "another-password" })).rejects.toMatchObject({
      code: "conflict",
      message: INVITE_MESSAGES.used,
    });
  });

  it("links a doctor invite to the chosen doctor profile", async () => {
    const invite = await createInvite(world.admin, inviteSchema.parse({ email: "newdoc@a.test", role: "doctor", doctorId: "dr-a2" }));
    const session = await acceptInviteAsNewUser(tokenOf(invite.url), { name: "Dr. Ada Two", password: "doctor-password" });
    expect((await resolveCaller(session.cookie)).caller).toMatchObject({ role: "doctor", doctorId: "dr-a2" });
  });

  it("asks someone with an account for their password, and joins them with it", async () => {
    await fixtureAuth().createUser({ uid: "has-account", email: "known@a.test", password: PASSWORD, displayName: "Kim Known" });
    const invite = await createInvite(world.admin, staffInvite("known@a.test"));
    const token = tokenOf(invite.url);
    expect(await getInvite(token)).toMatchObject({ hasAccount: true });
    await expect(acceptInviteAsNewUser(token, { name: "Impostor", password: "some-password" })).rejects.toMatchObject({ message: HAS_ACCOUNT });
    await expect(acceptInviteAsExistingUser(token, { password: "wrong-password" }, "192.0.2.1")).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await readDoc("members/has-account")).toBeUndefined();

    const session = await acceptInviteAsExistingUser(token, { password: PASSWORD }, "192.0.2.1");
    expect((await resolveCaller(session.cookie)).caller).toMatchObject({ uid: "has-account", clinicId: "clinic-a", role: "staff", name: "Kim Known" });
  });

  it("refuses a user who already belongs to another clinic, leaving the invite usable", async () => {
    const invite = await createInvite(world.admin, staffInvite("admin@b.test"));
    await expect(acceptInviteAsExistingUser(tokenOf(invite.url), { password: PASSWORD }, "192.0.2.1")).rejects.toMatchObject({
      code: "conflict",
      message: OTHER_CLINIC,
    });
    expect(await readDoc("members/b-admin")).toMatchObject({ clinicId: "clinic-b", role: "admin" });
    expect(await getInvite(tokenOf(invite.url))).toMatchObject({ status: "valid" });
  });

  it("tells a member of this clinic they're already in", async () => {
    // An invite made before they joined by another route.
    await member("late", { clinicId: "clinic-a", role: "staff", email: "late@a.test", name: "Late" }, { authUser: true });
    const id = hashInviteToken("x".repeat(43));
    await fixtureDb().doc(`invites/${id}`).set({
      clinicId: "clinic-a", email: "late@a.test", role: "staff",
      expiresAt: new Date(Date.now() + 60_000), createdAt: new Date(),
    });
    await expect(acceptInviteAsExistingUser("x".repeat(43), { password: PASSWORD }, "192.0.2.1")).rejects.toMatchObject({ message: ALREADY_MEMBER });
  });

  it("refuses an expired invite and an unknown or malformed token", async () => {
    const invite = await createInvite(world.admin, staffInvite("late-comer@a.test"), new Date(Date.now() - 8 * 24 * 60 * 60 * 1000));
    expect(await getInvite(tokenOf(invite.url))).toEqual({ status: "expired" });
    await expect(acceptInviteAsNewUser(tokenOf(invite.url), { name: "Late", password: "late-password" })).rejects.toMatchObject({
      message: INVITE_MESSAGES.expired,
    });
    await expect(fixtureAuth().getUserByEmail("late-comer@a.test")).rejects.toBeDefined();

    expect(await getInvite("y".repeat(43))).toEqual({ status: "unknown" });
    expect(await getInvite("../../members/a-admin")).toEqual({ status: "unknown" });
    await expect(acceptInviteAsNewUser("short", { name: "X", password: "xxxxxxxx" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes the new account again when joining fails in the transaction", async () => {
    // The invite is used by someone else between the page load and the submit:
    // simulate by marking it used right after the Auth user appears.
    const invite = await createInvite(world.admin, staffInvite("racer@a.test"));
    const auth = fixtureAuth();
    const createUser = auth.createUser.bind(auth);
    const spy = vi.spyOn(auth, "createUser").mockImplementation(async (properties) => {
      const user = await createUser(properties);
      await fixtureDb().doc(`invites/${invite.id}`).update({ usedAt: new Date(), usedBy: "someone-else" });
      return user;
    });
    try {
      await expect(acceptInviteAsNewUser(tokenOf(invite.url), { name: "Racer", password: "racer-password" })).rejects.toMatchObject({
        message: INVITE_MESSAGES.used,
      });
      expect(spy).toHaveBeenCalledOnce();
    } finally {
      spy.mockRestore();
    }
    await expect(fixtureAuth().getUserByEmail("racer@a.test")).rejects.toMatchObject({ code: "auth/user-not-found" });
  });
});
