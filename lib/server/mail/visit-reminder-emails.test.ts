import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { policyWords } from "@/lib/domain/cancellation-policy";
import { doctorDayEmail, visitReminderEmail } from "./visit-reminder-emails";

const visit = {
  clinicName: "Test Clinic",
  clinicContact: { phone: "+1 555 0100", email: "clinic@test.test", address: "1 Main St, Springfield" },
  doctorName: "Dr. Lee",
  timezone: "America/New_York",
  start: Timestamp.fromMillis(Date.parse("2030-01-08T14:00:00Z")),
  feeCents: 5000,
  currency: "USD",
  cancellationPolicy: { freeHours: 48, late: "keep_part" as const, keepCents: 2000, movesWithoutReview: false },
  patient: { name: "Ada\nLovelace", email: "ada@example.com", phone: "+1 555 010 0199" },
};
const ics = { filename: "test-clinic-appointment.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" };

describe("the patient's reminder", () => {
  it("says the time in the clinic's zone, the address, the booked policy in the status page's words, and carries the .ics and link", () => {
    const mail = visitReminderEmail(visit, "http://app/appointments/a1?t=tok", ics);
    expect(mail.to).toBe("ada@example.com");
    expect(mail.subject).toMatch(/^Reminder: Dr. Lee, Tue, Jan 8(, 2030)?, 9:00 AM EST, New York time$/);
    expect(mail.text).toContain("Hello Ada Lovelace, a reminder of your visit");
    expect(mail.text).toContain("Address: 1 Main St, Springfield.");
    expect(mail.text).toContain(`Cancellation: ${policyWords(visit.cancellationPolicy, 5000, "USD")}`);
    expect(mail.text).toContain("Free cancellation up to 48 hours before your visit");
    expect(mail.text).toContain("See your appointment: http://app/appointments/a1?t=tok");
    expect(mail.html).toContain('href="http://app/appointments/a1?t=tok"');
    expect(mail.attachments).toEqual([{ ...ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }]);
  });
});

describe("the doctor's day", () => {
  it("lists times and first names only, in the clinic's zone", () => {
    const day = { clinicName: "Test Clinic", doctorName: "Dr. Lee", timezone: "America/New_York", date: Date.parse("2030-01-08T05:00:00Z"), scheduleUrl: "http://app/dashboard/schedule?date=2030-01-08" };
    const visits = [
      { start: Timestamp.fromMillis(Date.parse("2030-01-08T14:00:00Z")), patient: { ...visit.patient, name: "Ada Lovelace" } },
      { start: Timestamp.fromMillis(Date.parse("2030-01-08T19:30:00Z")), patient: { ...visit.patient, name: "Grace  Brewster Hopper" } },
    ];
    const mail = doctorDayEmail("lee@test.test", day, visits);
    // It is always about today: no year.
    expect(mail.subject).toBe("Today, Tue, Jan 8: 2 visits");
    expect(mail.text).toContain("9:00 AM — Ada\n");
    expect(mail.text).toContain("2:30 PM — Grace\n");
    expect(mail.text).not.toMatch(/Lovelace|Hopper|Brewster|ada@example|\+1 555 010/);
    expect(mail.html).not.toMatch(/Lovelace|Hopper/);
  });
});
