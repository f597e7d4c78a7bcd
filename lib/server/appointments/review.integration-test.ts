import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/firebase";
import { expectLocksMatchLiveAppointments } from "@/tests/helpers/locks";
import { setSchedule } from "@/tests/helpers/clinic-fixtures";
import { NOW, appointment, at, book, callers, history, later, linkToken, mailFor, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";
import { expireIfLapsed } from "./expire";
import { acceptProposal, cancelAppointmentByPatient, getPatientAppointment, getPatientIcs, rejectProposal } from "./patient";
import { getRequestDetail } from "./queue";
import { approveAppointment, declineAppointment, proposeNewTime } from "./review";

const { staff, admin } = callers;
const soon = later(1);

beforeEach(seedReviewWorld);

const patientMail = async (id: string) => (await mailFor(id)).filter((m) => m.to === "ada@example.com");
const lastPatientMail = async (id: string) => (await patientMail(id)).sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis()).at(-1)!;

describe("approve", () => {
  it("with a fee: approved, the hold renewed 24 h on the appointment and every lock, history and email in the same commit", async () => {
    const { id } = await book(at("09:00"));
    expect(await approveAppointment(staff, id, { expectedVersion: 1, now: soon })).toEqual({ status: "approved", version: 2 });
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "approved", version: 2 });
    expect(a.expiresAt.toMillis()).toBe(soon.getTime() + 24 * 3600_000);
    await expectLocksMatchLiveAppointments();
    expect((await history(id))[1]).toMatchObject({ action: "approve", from: "pending", to: "approved", actor: "staff", by: "a-staff", byName: "Sam Lee" });
    const mails = await patientMail(id);
    expect(mails).toHaveLength(2);
    const approved = mails.find((m) => m.message.subject.startsWith("Approved"))!;
    expect(approved.message.text).toContain("$50.00");
    // The email's link opens the status page, and the first link still does too.
    expect((await getPatientAppointment(id, linkToken(approved.message.text))).status).toBe("approved");
    for (const m of await mailFor(id)) expect(JSON.stringify(m)).not.toContain("SECRET-REASON");
  });

  it("free clinic: confirmed, locks permanent, the visit created, a confirmation with an .ics; propose on confirmed moves the visit", async () => {
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    expect(await approveAppointment(callers.freeStaff, id, { now: soon })).toEqual({ status: "confirmed", version: 2 });
    const a = await appointment(id);
    expect(a.expiresAt).toBeNull();
    await expectLocksMatchLiveAppointments();
    const visit = (await db().doc(`visits/${id}`).get()).data()!;
    expect(visit).toMatchObject({ clinicId: "clinic-f", doctorId: "dr-f1", appointmentId: id, status: "scheduled", reason: "SECRET-REASON chest pain", notes: "" });
    expect(visit.start.toMillis()).toBe(Date.parse(at("09:00")));
    const confirmation = await lastPatientMail(id);
    expect(confirmation.message.subject).toMatch(/^Confirmed/);
    const [attachment] = confirmation.message.attachments;
    expect(attachment.filename).toMatch(/\.ics$/);
    expect(attachment.content).toContain(`UID:${id}@clinic-booking`);
    expect(attachment.content).toContain("SEQUENCE:2");
    expect(attachment.content).toContain("DTSTART:20300108T140000Z");
    expect(attachment.content).toContain("LOCATION:1 Main St");
    expect(attachment.content).not.toContain("SECRET-REASON");
    expect((await getPatientAppointment(id, token)).confirmedIcsAvailable).toBe(true);
    expect((await getPatientIcs(id, token)).ics).toContain(`UID:${id}@clinic-booking`);

    // The clinic moves the confirmed visit; the visit follows the appointment.
    expect(await proposeNewTime(callers.freeStaff, id, { start: at("11:00"), message: "Doctor is in surgery\nuntil 10" }, { now: soon })).toEqual({ status: "rescheduled", version: 3 });
    await expectLocksMatchLiveAppointments();
    const moved = (await db().doc(`visits/${id}`).get()).data()!;
    expect(moved.start.toMillis()).toBe(Date.parse(at("11:00")));
    await expect(getPatientIcs(id, token)).rejects.toMatchObject({ code: "not_found" });
    const proposal = await lastPatientMail(id);
    expect(proposal.message.text).toMatch(/9:00 AM EST.*11:00 AM EST/s);
    expect(proposal.message.text).toContain("Message from the clinic: Doctor is in surgery until 10");

    // Accepting a free proposal confirms again: same UID, higher SEQUENCE.
    expect(await acceptProposal(id, token, soon)).toBe("confirmed");
    await expectLocksMatchLiveAppointments();
    const again = await lastPatientMail(id);
    expect(again.message.attachments[0].content).toContain(`UID:${id}@clinic-booking`);
    expect(again.message.attachments[0].content).toContain("SEQUENCE:4");
    expect((await db().doc(`visits/${id}`).get()).data()).toMatchObject({ status: "scheduled" });
  });

  it("a lapsed hold: 409 'This request expired before it was reviewed.', and the request is expired (committed)", async () => {
    const { id } = await book(at("09:00"));
    await expect(approveAppointment(staff, id, { now: later(25) })).rejects.toMatchObject({
      code: "conflict",
      message: "This request expired before it was reviewed.",
    });
    expect(await appointment(id)).toMatchObject({ status: "expired", lockIds: [] });
    expect((await history(id)).map((h) => h.action)).toEqual(["request", "expire"]);
    await expectLocksMatchLiveAppointments();
  });

  it("a stale page: 409 saying who changed it and when, in the clinic's zone", async () => {
    const { id } = await book(at("09:00"));
    await approveAppointment(staff, id, { expectedVersion: 1, now: new Date("2030-01-07T15:42:00Z") });
    const before = await snapshotAll();
    await expect(declineAppointment(admin, id, { reason: "Full" }, { expectedVersion: 1, now: soon })).rejects.toMatchObject({
      code: "conflict",
      message: "This request changed: Sam Lee approved it at 10:42 AM.",
    });
    expect(await snapshotAll()).toEqual(before);
  });
});

describe("propose", () => {
  it("onto a time another patient holds: slot_unavailable, nothing written", async () => {
    const { id } = await book(at("09:00"));
    await book(at("10:20"), { email: "other@example.com" });
    const before = await snapshotAll();
    await expect(proposeNewTime(staff, id, { start: at("10:20") }, { now: soon })).rejects.toMatchObject({
      code: "slot_unavailable",
      message: "That time was just taken. Please choose another time.",
    });
    expect(await snapshotAll()).toEqual(before);
    await expectLocksMatchLiveAppointments();
  });

  it("two proposals racing for one free time: one wins, the other is slot_unavailable, nothing of it written", async () => {
    const first = await book(at("09:00"));
    const second = await book(at("09:40"), { email: "other@example.com" });
    const results = await Promise.allSettled([
      proposeNewTime(staff, first.id, { start: at("11:00") }, { now: soon }),
      proposeNewTime(admin, second.id, { start: at("11:00") }, { now: soon }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "slot_unavailable" });
    await expectLocksMatchLiveAppointments();
    const statuses = [(await appointment(first.id)).status, (await appointment(second.id)).status].sort();
    expect(statuses).toEqual(["pending", "rescheduled"]);
  });

  it("a shift overlapping the request's own time keeps the shared granules' lock documents", async () => {
    const { id } = await book(at("09:00")); // 09:00–09:30 + 10 min buffer
    await setSchedule("clinic-a", "dr-a1", { slotMinutes: 20, bufferMinutes: 0 }); // grid 09:00, 09:20, ...
    const free = await listFreeSlots("clinic-a", "dr-a1", "2030-01-08", "2030-01-08", soon);
    expect(free.slots.map((s) => s.start)).not.toContain(at("09:20")); // busy for everyone else
    expect(await proposeNewTime(staff, id, { start: at("09:20") }, { now: soon })).toMatchObject({ status: "rescheduled" });
    const a = await appointment(id);
    expect(a.start.toMillis()).toBe(Date.parse(at("09:20")));
    expect(a.proposal.previousStart.toMillis()).toBe(Date.parse(at("09:00")));
    expect(a.lockIds).toHaveLength(4);
    await expectLocksMatchLiveAppointments();
  });

  it("refuses a time off the doctor's grid, and its own current time", async () => {
    const { id } = await book(at("09:00"));
    const before = await snapshotAll();
    await expect(proposeNewTime(staff, id, { start: at("09:07") }, { now: soon })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(proposeNewTime(staff, id, { start: "not a time" }, { now: soon })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(proposeNewTime(staff, id, { start: at("09:00") }, { now: soon })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await snapshotAll()).toEqual(before);
  });

  it("takes over a lapsed hold on the proposed time", async () => {
    const old = await book(at("10:20"), { email: "other@example.com" });
    const { id } = await book(at("09:00"), { now: later(20) });
    await proposeNewTime(staff, id, { start: at("10:20") }, { now: later(25) });
    expect((await appointment(old.id)).status).toBe("expired");
    expect((await appointment(id)).status).toBe("rescheduled");
    await expectLocksMatchLiveAppointments();
  });
});

describe("the patient's answer", () => {
  it("accept with a fee due: approved, the new time held 24 h for payment; the clinic is told", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: soon });
    const view = await getPatientAppointment(id, token);
    expect(view).toMatchObject({ status: "rescheduled", start: at("11:00"), proposal: { previousStart: new Date(at("09:00")).toISOString(), message: null } });
    expect(await acceptProposal(id, token, later(2))).toBe("approved");
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "approved", proposal: null, timeHeld: true });
    expect(a.expiresAt.toMillis()).toBe(later(26).getTime());
    await expectLocksMatchLiveAppointments();
    const clinicMail = (await mailFor(id)).filter((m) => m.message.subject.includes("accepted the proposed time"));
    expect(clinicMail.map((m) => m.to).sort()).toEqual(["admin@a.test", "clinic@test.test", "doc1@a.test", "staff@a.test"]);
    expect(clinicMail[0]!.message.text).toContain(`/dashboard/requests/${id}`);
  });

  it("reject: pending with no time held, expires 24 h later unless staff act; the patient can still cancel", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: soon });
    expect(await rejectProposal(id, token, later(2))).toBe("pending");
    const a = await appointment(id);
    expect(a).toMatchObject({ status: "pending", timeHeld: false, lockIds: [], proposal: null });
    expect(a.start.toMillis()).toBe(Date.parse(at("09:00")));
    expect(a.expiresAt.toMillis()).toBe(later(26).getTime());
    // Staff read which time was turned down, not only the one first asked for.
    expect(await getRequestDetail(staff, id)).toMatchObject({ start: Date.parse(at("09:00")), timeHeld: false, turnedDownStart: Date.parse(at("11:00")) });
    await expectLocksMatchLiveAppointments();
    // Neither the proposed nor the original time is busy any more.
    const free = await listFreeSlots("clinic-a", "dr-a1", "2030-01-08", "2030-01-08", later(2));
    expect(free.slots.map((s) => s.start)).toEqual(expect.arrayContaining([at("09:00"), at("11:00")]));
    expect((await getPatientAppointment(id, token)).timeHeld).toBe(false);
    await expect(approveAppointment(staff, id, { now: later(3) })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/No time is held for this request.*Propose a time or decline/) });
    const clinicMail = (await mailFor(id)).filter((m) => m.to !== "ada@example.com" && m.message.subject.includes("declined the proposed time"));
    expect(clinicMail.map((m) => m.to).sort()).toEqual(["admin@a.test", "clinic@test.test", "doc1@a.test", "staff@a.test"]);

    expect(await expireIfLapsed(id, later(25))).toBe(false);
    expect(await cancelAppointmentByPatient(id, token, later(3))).toBe("cancelled");
    await expectLocksMatchLiveAppointments();
  });

  it("a rejected request lapses 24 h after the answer", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: soon });
    await rejectProposal(id, token, later(2));
    expect(await expireIfLapsed(id, later(26))).toBe(true);
    expect((await appointment(id)).status).toBe("expired");
  });

  it("staff can propose again after a rejection; a lapsed proposal cannot be accepted", async () => {
    const { id, token } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { now: soon });
    await rejectProposal(id, token, later(2));
    await proposeNewTime(staff, id, { start: at("09:00") }, { now: later(3) });
    expect((await getRequestDetail(staff, id)).turnedDownStart).toBeNull(); // a time is held again
    await expectLocksMatchLiveAppointments();
    await expect(acceptProposal(id, token, later(28))).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/expired/) });
    expect((await appointment(id)).status).toBe("expired");
    await expectLocksMatchLiveAppointments();
  });

  it("a confirmed free visit whose move is turned down leaves the schedule", async () => {
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    await approveAppointment(callers.freeStaff, id, { now: soon });
    await proposeNewTime(callers.freeStaff, id, { start: at("11:00") }, { now: soon });
    expect(await rejectProposal(id, token, later(2))).toBe("pending");
    expect((await db().doc(`visits/${id}`).get()).get("status")).toBe("cancelled");
    await expectLocksMatchLiveAppointments();
  });
});

describe("decline", () => {
  it("needs a reason, then releases the time, stores the reason for the patient, and emails it with a link to book again", async () => {
    const { id, token } = await book(at("09:00"));
    const before = await snapshotAll();
    await expect(declineAppointment(staff, id, { reason: "   " }, { now: soon })).rejects.toMatchObject({ code: "invalid_request", fields: { reason: expect.any(String) } });
    expect(await snapshotAll()).toEqual(before);
    expect(await declineAppointment(staff, id, { reason: "The doctor is away that week." }, { now: soon })).toEqual({ status: "declined", version: 2 });
    await expectLocksMatchLiveAppointments();
    expect(await appointment(id)).toMatchObject({ status: "declined", declineReason: "The doctor is away that week.", lockIds: [], expiresAt: null });
    expect((await getPatientAppointment(id, token)).declineReason).toBe("The doctor is away that week.");
    expect((await history(id))[1]).toMatchObject({ action: "decline", note: "The doctor is away that week.", by: "a-staff" });
    const mail = await lastPatientMail(id);
    expect(mail.message.text).toContain("The clinic's reason: The doctor is away that week.");
    expect(mail.message.text).toContain("http://localhost:3000/book/clinic-a");
  });
});

describe("clinic notifications", () => {
  it("a new request emails the clinic's address and each reviewer (staff, admins, the doctor concerned), not opted-out members", async () => {
    const { id } = await book(at("09:00"));
    const clinicMail = (await mailFor(id)).filter((m) => m.message.subject.startsWith("New request"));
    expect(clinicMail.map((m) => m.to).sort()).toEqual(["admin@a.test", "clinic@test.test", "doc1@a.test", "staff@a.test"]);
    expect(clinicMail[0]!.message.text).toContain(`http://localhost:3000/dashboard/requests/${id}`);
    expect(clinicMail[0]!.message.text).not.toContain("SECRET-REASON");
  });

  it("a member can turn them off and on", async () => {
    const { getRequestNotifications, setRequestNotifications } = await import("@/lib/server/team/request-notifications");
    expect(await getRequestNotifications(staff)).toBe(true);
    await setRequestNotifications(staff, false);
    expect(await getRequestNotifications(staff)).toBe(false);
    const { id } = await book(at("09:00"));
    expect((await mailFor(id)).map((m) => m.to)).not.toContain("staff@a.test");
    await setRequestNotifications(staff, true);
    const second = await book(at("09:40"));
    expect((await mailFor(second.id)).map((m) => m.to)).toContain("staff@a.test");
    await expect(setRequestNotifications(null, false)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

it("NOW is a Monday morning in New York", () => {
  expect(NOW.toISOString()).toBe("2030-01-07T12:00:00.000Z");
});

describe("propose: plain answers before the slot engine", () => {
  it("a stale page hears what changed, a waiting proposal is replaced by a different time, a lapsed one expires", async () => {
    const { id } = await book(at("09:00"));
    await proposeNewTime(staff, id, { start: at("11:00") }, { expectedVersion: 1, now: new Date("2030-01-07T13:05:00Z") });
    // The 10:20 time is free, but the request moved on.
    await expect(proposeNewTime(admin, id, { start: at("10:20") }, { expectedVersion: 1, now: soon })).rejects.toMatchObject({
      code: "conflict",
      message: "This request changed: Sam Lee proposed a new time for it at 8:05 AM.",
    });
    // While the patient hasn't answered, a different time replaces the proposed one (the original stays 9:00);
    // the time already proposed is refused as no change.
    await expect(proposeNewTime(admin, id, { start: at("11:00") }, { now: soon })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await proposeNewTime(admin, id, { start: at("09:40") }, { now: soon })).toMatchObject({ status: "rescheduled", version: 3 });
    expect((await appointment(id)).proposal.previousStart.toMillis()).toBe(Date.parse(at("09:00")));
    await expect(proposeNewTime(admin, id, { start: at("10:20") }, { now: later(26) })).rejects.toMatchObject({
      code: "conflict",
      message: "This request expired: the patient didn't answer the proposed time in time.",
    });
    expect((await appointment(id)).status).toBe("expired");
    await expectLocksMatchLiveAppointments();
  });
});
