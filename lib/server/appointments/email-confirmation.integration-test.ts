import { beforeEach, describe, expect, it } from "vitest";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { NOW, appointment, at, book, later, mailFor, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { db } from "../firebase";
import { expireStale } from "../expiry";
import { confirmRequestEmail } from "./email-confirmation";

const MINUTE = 60_000;

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
    const { id, token } = await book(at("11:00"));
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
    const { id, token } = await book(at("11:00"));
    expect(await confirmRequestEmail(id, token, later(1))).toBe("expired");
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
