import { beforeEach, describe, expect, it } from "vitest";
import { EMAIL_CORRECTION_WINDOW_MS, MAX_EMAIL_CORRECTIONS } from "@/lib/domain/email-correction";
import { NOW, appointment, at, book, history, mailFor, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { db } from "../firebase";
import { confirmRequestEmail } from "./email-confirmation";
import { correctPatientEmail } from "./email-correction";
import { getPatientAppointment } from "./patient";

const soon = (ms = 60_000) => new Date(NOW.getTime() + ms);
const patientMail = async (id: string) => (await mailFor(id)).filter((m) => !/@(a|test)\.test$/.test(m.to));

beforeEach(async () => {
  await seedReviewWorld();
});

describe("correcting the patient's email right after booking", () => {
  it("moves the request to the new address: old link dead, one email to the new one, wrong one's unsent mail gone, history, version", async () => {
    const { id, token } = await book(at("11:00"));
    const done = await correctPatientEmail(id, token, { email: " Ana@Example.com " }, { now: soon() });
    expect(done.email).toBe("ana@example.com");
    await expect(getPatientAppointment(id, token)).rejects.toMatchObject({ code: "not_found" });
    expect((await getPatientAppointment(id, done.token)).status).toBe("pending");
    const a = await appointment(id);
    expect(a.patient.email).toBe("ana@example.com");
    expect(a.version).toBe(2);
    expect(a.status).toBe("pending");
    const mail = await patientMail(id);
    expect(mail.map((m) => m.to)).toEqual(["ana@example.com"]);
    expect(mail[0]!.message.text).toContain(done.statusUrl);
    expect((await history(id)).map((h) => [h.action, h.from, h.to])).toEqual([
      ["request", null, "pending"],
      ["change_email", "pending", "pending"],
    ]);
  });

  it("refuses bad input, a wrong or old token, an unknown id and the same address, writing nothing", async () => {
    const { id, token } = await book(at("11:00"));
    const before = await snapshotAll();
    await expect(correctPatientEmail(id, token, { email: "ana@" }, { now: soon() })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(correctPatientEmail(id, token, null, { now: soon() })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(correctPatientEmail(id, "wrong", { email: "ana@example.com" }, { now: soon() })).rejects.toMatchObject({ code: "not_found" });
    await expect(correctPatientEmail("nope", token, { email: "ana@example.com" }, { now: soon() })).rejects.toMatchObject({ code: "not_found" });
    const current = (await appointment(id)).patient.email;
    await expect(correctPatientEmail(id, token, { email: current }, { now: soon() })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await snapshotAll()).toEqual(before);
    // The old link, once replaced, corrects nothing either.
    await correctPatientEmail(id, token, { email: "ana@example.com" }, { now: soon() });
    const after = await snapshotAll();
    await expect(correctPatientEmail(id, token, { email: "bo@example.com" }, { now: soon() })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshotAll()).toEqual(after);
  });

  it("is refused after the window, writing nothing", async () => {
    const { id, token } = await book(at("11:00"));
    const before = await snapshotAll();
    await expect(correctPatientEmail(id, token, { email: "ana@example.com" }, { now: soon(EMAIL_CORRECTION_WINDOW_MS + 1) })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/too late/),
    });
    expect(await snapshotAll()).toEqual(before);
  });

  it(`allows ${MAX_EMAIL_CORRECTIONS} corrections, then refuses`, async () => {
    const { id, token: first } = await book(at("11:00"));
    let token = first;
    for (let i = 0; i < MAX_EMAIL_CORRECTIONS; i++) token = (await correctPatientEmail(id, token, { email: `p${i}@example.com` }, { now: soon() })).token;
    await expect(correctPatientEmail(id, token, { email: "last@example.com" }, { now: soon() })).rejects.toMatchObject({ code: "conflict" });
    expect((await appointment(id)).emailCorrections).toBe(MAX_EMAIL_CORRECTIONS);
  });

  it("counts against the new email's waiting requests and the address's hourly limit", async () => {
    for (const hh of ["09:00", "09:40", "10:20"]) await book(at(hh), { email: "busy@example.com" });
    const { id, token } = await book(at("11:00"));
    await expect(correctPatientEmail(id, token, { email: "busy@example.com" }, { now: soon() })).rejects.toMatchObject({ code: "rate_limited" });
    await db().doc("clinics/clinic-a").update({ ipRequestsPerHour: 1 });
    const ip = "203.0.113.9";
    const other = await book(at("11:40"), { email: "x@example.com" });
    await correctPatientEmail(other.id, other.token, { email: "y@example.com" }, { now: soon(), ip });
    await expect(correctPatientEmail(id, token, { email: "z@example.com" }, { now: soon(), ip })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("two corrections at once: one wins, the other is a clear conflict", async () => {
    const { id, token } = await book(at("11:00"));
    const results = await Promise.allSettled([
      correctPatientEmail(id, token, { email: "one@example.com" }, { now: soon(), expectedVersion: 1 }),
      correctPatientEmail(id, token, { email: "two@example.com" }, { now: soon(), expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict" });
    expect((await appointment(id)).version).toBe(2);
    expect(await patientMail(id)).toHaveLength(1);
  });

  it("where the clinic asks for confirmation: a new confirm link goes to the new address, the old one confirms nothing", async () => {
    await db().doc("clinics/clinic-a").update({ requireEmailConfirmation: true });
    const { id, token } = await book(at("11:00"));
    const secretIn = (text: string) => /\/confirm\?t=([\w-]{43})/.exec(text)?.[1];
    const oldSecret = secretIn((await patientMail(id))[0]!.message.text)!;
    await correctPatientEmail(id, token, { email: "ana@example.com" }, { now: soon(5 * 60_000) });
    const mail = await patientMail(id);
    expect(mail.map((m) => m.to)).toEqual(["ana@example.com"]);
    const newSecret = secretIn(mail[0]!.message.text)!;
    await expect(confirmRequestEmail(id, oldSecret, soon(6 * 60_000))).rejects.toMatchObject({ code: "not_found" });
    // The new mailbox has the full short hold from the correction.
    expect((await appointment(id)).expiresAt.toMillis()).toBe(soon(35 * 60_000).getTime());
    expect(await confirmRequestEmail(id, newSecret, soon(6 * 60_000))).toBe("confirmed");
  });
});
