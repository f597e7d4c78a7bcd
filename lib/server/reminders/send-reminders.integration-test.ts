import { beforeEach, describe, expect, it } from "vitest";
import { appointmentTokenMatches } from "@/lib/server/appointments/tokens";
import { cancelByClinic } from "@/lib/server/appointments/clinic-cancel";
import { acceptProposal } from "@/lib/server/appointments/patient";
import { approveAppointment, proposeNewTime } from "@/lib/server/appointments/review";
import { db } from "@/lib/server/firebase";
import { at, appointment, book, callers, later, linkToken, mailFor, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { reminderSettingsSchema } from "@/lib/domain/reminders";
import { getReminderSettings, updateReminderSettings } from "./reminder-settings";
import { sendReminders } from "./send-reminders";

// The scheduled reminders with an injected clock. Clinic F is free, so an
// approval confirms at once. NOW is Monday 07:00 in New York; visits are on
// Tuesday (11:00 EST is 16:00Z, so its 24 h reminder is due from later(4)).

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const free = { slug: "clinic-f", doctorId: "dr-f1" };
const reminders = async (id: string) => (await mailFor(id)).filter((m) => m.kind === "visitReminder");

async function confirmedVisit(start: string, confirmedAt = later(1), email?: string): Promise<{ id: string; token: string }> {
  const booked = await book(start, { ...free, now: new Date(confirmedAt.getTime() - HOUR), email });
  await approveAppointment(callers.freeStaff, booked.id, { now: confirmedAt });
  expect((await appointment(booked.id)).status).toBe("confirmed");
  return booked;
}

async function markers(kind: string) {
  return (await db().collection("sentReminders").where("kind", "==", kind).get()).docs.map((d) => ({ id: d.id, ...d.data() }));
}

beforeEach(async () => {
  await seedReviewWorld();
});

describe("the patient's reminder", () => {
  it("is sent once, 24 h before, even with two sweeps at once and reruns; time in the clinic's zone, address, .ics, manage link", async () => {
    const { id } = await confirmedVisit(at("11:00"));
    expect(await sendReminders(new Date(later(4).getTime() - SECOND))).toMatchObject({ sent: 0, failed: 0 });
    expect(await reminders(id)).toHaveLength(0);

    const runs = await Promise.all([sendReminders(later(4)), sendReminders(later(4)), sendReminders(later(4.1))]);
    expect(runs.map((r) => r.sent).reduce((a, b) => a + b)).toBe(1);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    for (const hours of [5, 12, 27.9]) await sendReminders(later(hours));
    const sent = await reminders(id);
    expect(sent).toHaveLength(1);
    expect(await markers("visit")).toHaveLength(1);

    const mail = sent[0]!;
    expect(mail.to).toBe("ada@example.com");
    expect(mail.message.subject).toMatch(/^Reminder: Dr\. dr-f1, Tue, Jan 8(, 2030)?, 11:00 AM EST, New York time$/);
    expect(mail.message.text).toContain("Address: 1 Main St.");
    // The policy the visit was booked under, in the confirmation's words (a free visit: no fee to lose).
    expect(mail.message.text).toContain("Cancellation: There is no fee: you can cancel until your visit starts, at no cost.");
    // The manage link opens this appointment: its token's hash was stored with the email.
    const token = linkToken(mail.message.text);
    expect(mail.message.text).toContain(`/appointments/${id}?t=${token}`);
    expect(appointmentTokenMatches(token, (await appointment(id)) as { tokenHash: string; linkTokenHashes?: string[] })).toBe(true);
    const [ics] = mail.message.attachments;
    expect(ics.contentType).toContain("text/calendar");
    expect(ics.content).toContain("DTSTART:20300108T160000Z");
    expect(ics.content).toContain(`UID:${id}@clinic-booking`);
    // Nothing the patient typed beyond their name.
    expect(mail.message.text).not.toContain("SECRET-REASON");
  });

  it("not at or after the visit's start", async () => {
    const { id } = await confirmedVisit(at("11:00"));
    await sendReminders(new Date(Date.parse(at("11:00"))));
    await sendReminders(new Date(Date.parse(at("11:00")) + HOUR));
    expect(await reminders(id)).toHaveLength(0);
  });

  it("a visit moved after its reminder gets a new one for the new time", async () => {
    const { id, token } = await confirmedVisit(at("11:00"));
    await sendReminders(later(4));
    expect(await reminders(id)).toHaveLength(1);
    // Moved to 13:00 (18:00Z), accepted at later(5): before the new time's window opens at later(6).
    await proposeNewTime(callers.freeStaff, id, { start: at("13:00") }, { now: later(4.5) });
    expect(await sendReminders(later(4.6))).toMatchObject({ sent: 0 });
    await acceptProposal(id, token, later(5));
    expect(await sendReminders(new Date(later(6).getTime() - SECOND))).toMatchObject({ sent: 0 });
    expect(await sendReminders(later(6))).toMatchObject({ sent: 1 });
    await sendReminders(later(7));
    const sent = await reminders(id);
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => m.message.subject).sort()).toEqual([
      expect.stringMatching(/11:00 AM EST/),
      expect.stringMatching(/1:00 PM EST/),
    ]);
    expect((await markers("visit")).map((m) => m.id).sort()).toEqual(
      [`visit_${id}_${Date.parse(at("11:00"))}`, `visit_${id}_${Date.parse(at("13:00"))}`].sort(),
    );
  });

  it("a visit moved inside its new time's window gets none for it", async () => {
    const { id, token } = await confirmedVisit(at("11:00"));
    await proposeNewTime(callers.freeStaff, id, { start: at("13:00") }, { now: later(2) });
    await acceptProposal(id, token, later(6.5)); // the 13:00 window opened at later(6)
    await sendReminders(later(7));
    expect(await reminders(id)).toHaveLength(0);
  });

  it("a cancelled visit gets none", async () => {
    const { id } = await confirmedVisit(at("11:00"));
    await cancelByClinic(callers.freeStaff, id, { reason: "The doctor is ill." }, { now: later(3) });
    expect(await sendReminders(later(4))).toMatchObject({ sent: 0 });
    expect(await reminders(id)).toHaveLength(0);
  });

  it("a visit booked inside the window gets none", async () => {
    // Confirmed at later(5), 23 h before the visit: its patient just had the confirmation.
    const { id } = await confirmedVisit(at("11:00"), later(5));
    await sendReminders(later(5));
    await sendReminders(later(20));
    expect(await reminders(id)).toHaveLength(0);
  });

  it("none when the clinic turned reminders off; the clinic's hours when it set them", async () => {
    const off = await confirmedVisit(at("11:00"));
    await db().doc("clinics/clinic-f").update({ visitReminders: false });
    expect(await sendReminders(later(5))).toMatchObject({ sent: 0 });
    expect(await reminders(off.id)).toHaveLength(0);

    // 48 h before 09:00 Wednesday (14:00Z on the 9th) is later(2): confirmed at later(1), due from later(2).
    await db().doc("clinics/clinic-f").update({ visitReminders: true, reminderHours: 48 });
    const wednesday = new Date("2030-01-09T09:00:00-05:00").toISOString();
    const { id } = await confirmedVisit(wednesday, later(1), "bea@example.com");
    await sendReminders(new Date(later(2).getTime() - SECOND));
    expect(await reminders(id)).toHaveLength(0);
    await sendReminders(later(2));
    expect(await reminders(id)).toHaveLength(1);
  });

  it("pages through many visits and clinics, each reminded once", async () => {
    const times = ["09:00", "09:40", "10:20", "11:00", "11:40"];
    const ids: string[] = [];
    for (const [i, time] of times.entries()) ids.push((await confirmedVisit(at(time), later(1), `p${i}@example.com`)).id);
    // At later(5) the window reaches 12:00 on Tuesday: all five are due.
    const runs = await Promise.all([sendReminders(later(5), { pageSize: 2 }), sendReminders(later(5), { pageSize: 1 })]);
    expect(runs.map((r) => r.sent).reduce((a, b) => a + b)).toBe(times.length);
    expect(runs[0]!.clinics).toBe(3);
    for (const id of ids) expect(await reminders(id), id).toHaveLength(1);
  });

  it("a run out of time says so and the next one finishes", async () => {
    const { id } = await confirmedVisit(at("11:00"));
    let tick = 0;
    const spent = await sendReminders(later(4), { budgetMs: 0, clock: () => tick++ });
    expect(spent).toMatchObject({ sent: 0, more: true });
    expect(await sendReminders(later(4))).toMatchObject({ sent: 1, more: false });
    expect(await reminders(id)).toHaveLength(1);
  });
});

describe("the doctor's day", () => {
  const doctorDays = async () => (await db().collection("mail").where("kind", "==", "doctorDay").get()).docs.map((d) => d.data());
  // 07:00 on Tuesday the 8th in New York.
  const tuesdayMorning = new Date("2030-01-08T07:00:00-05:00");

  beforeEach(async () => {
    await db().doc("members/f-doc").set({ clinicId: "clinic-f", role: "doctor", doctorId: "dr-f1", email: "docf@f.test", name: "Dr. F" });
  });

  it("off by default", async () => {
    await confirmedVisit(at("11:00"));
    await sendReminders(tuesdayMorning);
    expect(await doctorDays()).toHaveLength(0);
  });

  it("once per doctor per local day, from 07:00, first names and times only", async () => {
    await db().doc("clinics/clinic-f").update({ doctorDayEmail: true });
    await confirmedVisit(at("09:00"), later(1), "ada@example.com");
    const other = await confirmedVisit(at("11:00"), later(1), "bob@example.com");
    await db().doc(`appointments/${other.id}`).update({ "patient.name": "Bob  Q. Public" });
    const cancelled = await confirmedVisit(at("13:00"), later(1), "cy@example.com");
    await cancelByClinic(callers.freeStaff, cancelled.id, { reason: "The doctor is ill." }, { now: later(2) });

    await sendReminders(new Date(tuesdayMorning.getTime() - SECOND));
    expect(await doctorDays()).toHaveLength(0);
    await Promise.all([sendReminders(tuesdayMorning), sendReminders(tuesdayMorning)]);
    await sendReminders(new Date(tuesdayMorning.getTime() + 3 * HOUR));
    const sent = await doctorDays();
    expect(sent).toHaveLength(1);
    const { to, message } = sent[0]!;
    expect(to).toBe("docf@f.test");
    expect(message.subject).toBe("Today, Tue, Jan 8: 2 visits");
    expect(message.text).toContain("9:00 AM — Ada\n");
    expect(message.text).toContain("11:00 AM — Bob\n");
    expect(message.text).not.toMatch(/Patient|Public|Q\.|1:00 PM|SECRET-REASON|@example\.com|\+1 555/);
    expect(message.text).toContain("/dashboard/schedule?date=2030-01-08");
    // Wednesday morning is a new day (no visits then: the marker, no email).
    await sendReminders(new Date(tuesdayMorning.getTime() + 24 * HOUR));
    expect(await doctorDays()).toHaveLength(1);
    expect((await markers("doctorDay")).map((m) => m.id).sort()).toEqual(["day_clinic-f_dr-f1_2030-01-08", "day_clinic-f_dr-f1_2030-01-09"]);
  });

  it("not in the afternoon: a day whose morning was missed is skipped", async () => {
    await db().doc("clinics/clinic-f").update({ doctorDayEmail: true });
    await confirmedVisit(at("13:00"));
    await sendReminders(new Date(tuesdayMorning.getTime() + 5 * HOUR));
    expect(await doctorDays()).toHaveLength(0);
  });
});

describe("the reminder settings", () => {
  it("an admin saves them; anyone else is refused and nothing is written", async () => {
    expect(await getReminderSettings(callers.admin)).toEqual({ visitReminders: true, reminderHours: 24, doctorDayEmail: false });
    const before = (await db().doc("clinics/clinic-a").get()).data();
    await expect(updateReminderSettings(callers.staff, reminderSettingsSchema.parse({ reminderHours: "48" }))).rejects.toMatchObject({ code: "forbidden" });
    expect((await db().doc("clinics/clinic-a").get()).data()).toEqual(before);
    await updateReminderSettings(callers.admin, reminderSettingsSchema.parse({ reminderHours: "48", doctorDayEmail: "on" }));
    expect(await getReminderSettings(callers.admin)).toEqual({ visitReminders: false, reminderHours: 48, doctorDayEmail: true });
  });
});
