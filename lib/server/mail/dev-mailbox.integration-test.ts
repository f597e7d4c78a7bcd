import { FieldValue } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { inviteSchema } from "@/lib/domain/clinic-settings";
import { clearAuth, fixtureDb, seedWorld, type World } from "@/tests/helpers/dashboard-fixtures";
import { devMailboxScope, listDevMailbox } from "./dev-mailbox";
import { createInvite } from "@/lib/server/team/invites";

let world: World;

beforeAll(async () => {
  await clearAuth();
  world = await seedWorld();
  const db = fixtureDb();
  // Appointment mail is queued with only the appointment's id (lib/server/appointments).
  await db.doc("appointments/appt-a").set({ clinicId: "clinic-a", patient: { email: "pat-a@x.test" } });
  await db.doc("appointments/appt-b").set({ clinicId: "clinic-b", patient: { email: "pat-b@x.test" } });
  const mail = (to: string, meta: Record<string, string>) =>
    db.collection("mail").add({ to, message: { subject: `to ${to}`, text: "t", html: "" }, ...meta, createdAt: FieldValue.serverTimestamp() });
  await mail("pat-a@x.test", { appointmentId: "appt-a" });
  await mail("pat-b@x.test", { appointmentId: "appt-b" });
  await mail("orphan@x.test", {});
  await createInvite(world.admin, inviteSchema.parse({ email: "new-a@x.test", role: "staff" }));
  await createInvite(world.otherAdmin, inviteSchema.parse({ email: "new-b@x.test", role: "staff" }));
});

describe("devMailboxScope: who may read the dev mailbox", () => {
  it("nobody anonymous unless the dev stack set DEV_MAILBOX_OPEN=1", () => {
    expect(devMailboxScope(null, {})).toBeNull();
    expect(devMailboxScope(null, { DEV_MAILBOX_OPEN: "0" })).toBeNull();
    expect(devMailboxScope(null, { DEV_MAILBOX_OPEN: "1" })).toBe("all");
  });

  it("a signed-in member: their own clinic", () => {
    expect(devMailboxScope(world.staff, {})).toEqual({ clinicId: "clinic-a" });
    expect(devMailboxScope(world.otherAdmin, {})).toEqual({ clinicId: "clinic-b" });
  });
});

describe("listDevMailbox with a clinic", () => {
  it("shows only that clinic's mail: its appointments' and its invites'", async () => {
    const recipients = async (clinicId?: string) => (await listDevMailbox({ clinicId })).map((mail) => mail.to).sort();
    expect(await recipients("clinic-a")).toEqual(["new-a@x.test", "pat-a@x.test"]);
    expect(await recipients("clinic-b")).toEqual(["new-b@x.test", "pat-b@x.test"]);
    expect(await recipients()).toEqual(["new-a@x.test", "new-b@x.test", "orphan@x.test", "pat-a@x.test", "pat-b@x.test"]);
    expect((await listDevMailbox({ clinicId: "clinic-a", to: "pat-b@x.test" })).length).toBe(0);
  });

  it("invite mail carries its clinic", async () => {
    const invites = await fixtureDb().collection("mail").where("inviteId", "!=", null).get();
    expect(invites.docs.map((doc) => doc.get("clinicId")).sort()).toEqual(["clinic-a", "clinic-b"]);
  });
});

describe("listDevMailbox attachments", () => {
  it("lists a message's attachments with their text; a message without any has none", async () => {
    const ics = { filename: "visit.ics", contentType: "text/calendar; charset=utf-8", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" };
    await fixtureDb()
      .collection("mail")
      .add({ to: "ics@x.test", message: { subject: "with ics", text: "t", html: "", attachments: [ics, { broken: true }] }, createdAt: FieldValue.serverTimestamp() });
    const [mail] = await listDevMailbox({ to: "ics@x.test" });
    expect(mail!.attachments).toEqual([ics]);
    expect((await listDevMailbox({ to: "pat-a@x.test" }))[0]!.attachments).toEqual([]);
  });
});
