import { beforeEach, describe, expect, it } from "vitest";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { NOW, appointment, at, book, later, mailFor, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { db } from "../firebase";
import { expireStale } from "./expiry-sweep";
import { isRateLimitError } from "@/lib/server/booking/request-limits";
import { confirmRequestEmail, isConfirmLink } from "./email-confirmation";
import { getPatientAppointment } from "./patient";

const MINUTE = 60_000;

/** The secret in the "confirm your request" email: only the mailbox has it. */
async function emailedSecret(id: string): Promise<string> {
  const mail = (await mailFor(id)).find((m) => /Please confirm your request/.test(m.message.subject));
  const match = /\/confirm\?t=([\w-]{43})/.exec(mail?.message.text ?? "");
  if (!match) throw new Error("no confirm link emailed");
  return match[1]!;
}

beforeEach(async () => {
  await seedReviewWorld();
  await db().doc("clinics/clinic-a").update({ requireEmailConfirmation: true });
});

describe("a clinic that asks patients to confirm their email first", () => {
  it("holds the time 30 minutes, emails a confirm link, and tells the clinic nothing yet", async () => {
    const { id } = await book(at("11:00"));
    const a = await appointment(id);
    expect(a.expiresAt.toMillis()).toBe(NOW.getTime() + 30 * MINUTE);
    expect(a.emailConfirmedAt).toBeNull();
    const mail = await mailFor(id);
    expect(mail.map((m) => m.to)).toEqual(["ada@example.com"]);
    expect(mail[0]!.message.subject).toContain("Please confirm your request");
    expect(mail[0]!.message.text).toMatch(new RegExp(`/appointments/${id}/confirm\\?t=[\\w-]{43}`));
    await expectLocksMatchLiveAppointments();
  });

  it("an unconfirmed request lapses after 30 minutes, and not a second before", async () => {
    const { id } = await book(at("11:00"));
    expect(await expireStale(new Date(NOW.getTime() + 30 * MINUTE - 1000))).toMatchObject({ expired: 0 });
    expect(await expireStale(new Date(NOW.getTime() + 30 * MINUTE))).toMatchObject({ expired: 1 });
    expect((await appointment(id)).status).toBe("expired");
    // Staff were never reminded of a request they were never told about.
    expect((await mailFor(id)).filter((m) => m.kind === "reminder")).toHaveLength(0);
  });

  it("confirming gives the full hold from then and tells the clinic, once; a wrong token changes nothing", async () => {
    const { id } = await book(at("11:00"));
    const token = await emailedSecret(id);
    await expect(confirmRequestEmail(id, "wrong-token", later(0.25))).rejects.toMatchObject({ code: "not_found" });
    expect(await confirmRequestEmail(id, token, later(0.25))).toBe("confirmed");
    const a = await appointment(id);
    expect(a.expiresAt.toMillis()).toBe(later(24.25).getTime());
    expect(a.emailConfirmedAt.toMillis()).toBe(later(0.25).getTime());
    await expectLocksMatchLiveAppointments();
    expect(await confirmRequestEmail(id, token, later(0.3))).toBe("already_confirmed");
    const clinicMail = (await mailFor(id)).filter((m) => m.to !== "ada@example.com");
    expect(clinicMail.map((m) => m.to).sort()).toEqual(["admin@a.test", "clinic@test.test", "doc1@a.test", "staff@a.test"]);
  });

  it("a link opened after the 30 minutes expires the request instead", async () => {
    const { id } = await book(at("11:00"));
    expect(await confirmRequestEmail(id, await emailedSecret(id), later(1))).toBe("expired");
    expect((await appointment(id)).status).toBe("expired");
    await expectLocksMatchLiveAppointments();
  });

  it("off by default: a clinic that does not ask holds the full time at once", async () => {
    await db().doc("clinics/clinic-a").update({ requireEmailConfirmation: false });
    const { id, token } = await book(at("11:00"));
    expect((await appointment(id)).expiresAt.toMillis()).toBe(later(24).getTime());
    expect(await confirmRequestEmail(id, token, later(1))).toBe("not_needed");
  });
});

describe("confirming proves the mailbox", () => {
  it("the status link's token (handed to whoever submitted the form) confirms nothing; a wrong one neither; the emailed secret does", async () => {
    const { id, token: statusToken } = await book(at("11:00"));
    const secret = await emailedSecret(id);
    const before = await snapshotAll();
    for (const wrong of [statusToken, "wrong-token", "", null, `${secret}x`]) {
      await expect(confirmRequestEmail(id, wrong, later(0.1)), String(wrong)).rejects.toMatchObject({ code: "not_found" });
      expect(await isConfirmLink(id, wrong), String(wrong)).toBe(false);
    }
    expect(await snapshotAll()).toEqual(before);
    expect((await appointment(id)).emailConfirmedAt).toBeNull();
    expect(secret).not.toBe(statusToken);

    expect(await isConfirmLink(id, secret)).toBe(true);
    expect(await confirmRequestEmail(id, secret, later(0.1))).toBe("confirmed");
    expect((await appointment(id)).emailConfirmedAt.toMillis()).toBe(later(0.1).getTime());
    // The emailed link then opens the status page too (the confirm page lands there), and the status link still does.
    await expect(getPatientAppointment(id, secret)).resolves.toMatchObject({ id });
    await expect(getPatientAppointment(id, statusToken)).resolves.toMatchObject({ id });
    // Only the hash is stored.
    expect(JSON.stringify(await appointment(id))).not.toContain(secret);
  });
});

describe("the per-email limit where the clinic asks for confirmation", () => {
  const TIMES = ["09:00", "09:40", "10:20", "11:00", "11:40"];

  it("unconfirmed requests do not count: typing someone's address many times does not lock them out", async () => {
    for (const time of TIMES.slice(0, 4)) await book(at(time), { email: "victim@example.com" });
    // The owner of the address can still ask, and confirm.
    const own = await book(at(TIMES[4]!), { email: "victim@example.com" });
    expect(await confirmRequestEmail(own.id, await emailedSecret(own.id), later(0.1))).toBe("confirmed");
  });

  it("confirmed ones do: a confirmation past the limit is refused (429), writes nothing and stays unconfirmed", async () => {
    const made = [];
    for (const time of TIMES.slice(0, 4)) made.push(await book(at(time)));
    for (const { id } of made.slice(0, 3)) expect(await confirmRequestEmail(id, await emailedSecret(id), later(0.1))).toBe("confirmed");
    const fourth = made[3]!;
    const before = await snapshotAll();
    const refused = await confirmRequestEmail(fourth.id, await emailedSecret(fourth.id), later(0.2)).catch((e: unknown) => e);
    expect(isRateLimitError(refused)).toBe(true);
    expect(refused).toMatchObject({ message: "You already have 3 requests waiting at this clinic. Please wait for an answer or cancel one." });
    expect(await snapshotAll()).toEqual(before);
    expect((await appointment(fourth.id)).emailConfirmedAt).toBeNull();
    // And a new request for that address is refused at once.
    await expect(book(at(TIMES[4]!))).rejects.toMatchObject({ code: "rate_limited" });
  });
});
