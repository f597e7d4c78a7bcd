import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { requestRecipients } from "@/lib/server/team/request-notifications";
import { appointmentIcs, icsFilename } from "@/lib/server/appointments/ics";
import { declinedEmail, newRequestClinicEmail, oneLine, patientAnsweredClinicEmail, proposalRejectedEmail, proposedTimeEmail } from "./review-emails";

const a = {
  clinicName: "Test Clinic",
  clinicContact: { phone: "+1 555 0100", email: "clinic@test.test", address: "1 Main St, Springfield" },
  doctorName: "Dr. Lee",
  timezone: "America/New_York",
  start: Timestamp.fromMillis(Date.parse("2030-01-08T14:00:00Z")),
  end: Timestamp.fromMillis(Date.parse("2030-01-08T14:30:00Z")),
  feeCents: 5000,
  currency: "USD",
  patient: { name: "Ada\nACTION NEEDED: pay at https://evil.example/x", email: "ada@example.com", phone: "+1" },
};

const lines = (text: string) => text.split("\n");

describe("review emails", () => {
  it("after a turned-down proposal, both emails name the hold's real deadline, not a fixed 24 hours", () => {
    // The clinic's hold rule set Monday 1:00 PM (New York): two days away, over a weekend.
    const held = { ...a, expiresAt: Timestamp.fromMillis(Date.parse("2030-01-07T18:00:00Z")) };
    const deadline = "by Mon, Jan 7, 2030, 1:00 PM EST";
    for (const mail of [proposalRejectedEmail(held, "http://app/appointments/x?t=y"), patientAnsweredClinicEmail(held, "staff@a.test", "http://app/dashboard/requests/x", "declined")]) {
      expect(mail.text).toContain(deadline);
      expect(mail.text).not.toContain("24 hours");
    }
  });

  it("never lets a typed string start a line of its own in the text version", () => {
    const mails = [
      proposedTimeEmail(a, a.start, "See you\n\nPAY NOW at https://evil.example", "http://app/appointments/x?t=y"),
      declinedEmail(a, "Away\r\nACTION NEEDED", "http://app/book/test"),
      newRequestClinicEmail(a, "staff@a.test", "http://app/dashboard/requests/x"),
    ];
    for (const mail of mails) {
      expect(lines(mail.text).some((l) => /^(ACTION NEEDED|PAY NOW)/.test(l))).toBe(false);
      expect(mail.subject).not.toMatch(/\n/);
    }
  });

  it("escapes HTML in what people typed", () => {
    const mail = declinedEmail(a, "<b>no</b>", "http://app/book/test");
    expect(mail.html).toContain("&lt;b&gt;no&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>no</b>");
  });

  it("oneLine collapses breaks, control characters and runs of spaces", () => {
    expect(oneLine(" a\n\tb\u2028c\u0007  d ")).toBe("a b c d");
  });
});

describe("requestRecipients", () => {
  it("the clinic's address and every reviewer who has not opted out, the doctor only for their own requests, once each", () => {
    const members = [
      { role: "admin", email: "admin@a.test" },
      { role: "staff", email: "Staff@a.test" },
      { role: "staff", email: "staff@a.test" },
      { role: "staff", email: "quiet@a.test", notifyRequests: false },
      { role: "doctor", doctorId: "dr-1", email: "doc1@a.test" },
      { role: "doctor", doctorId: "dr-2", email: "doc2@a.test" },
      { role: "doctor", email: "unlinked@a.test" },
      { role: "staff", email: "" },
    ];
    expect(requestRecipients("clinic@a.test", "dr-1", members)).toEqual(["clinic@a.test", "admin@a.test", "Staff@a.test", "doc1@a.test"]);
    expect(requestRecipients("", "dr-2", members)).toEqual(["admin@a.test", "Staff@a.test", "doc2@a.test"]);
  });
});

describe("appointmentIcs", () => {
  const doc = { ...a, version: 3, status: "confirmed" as const };
  it("one UID per appointment, SEQUENCE = version, UTC times, the clinic's address, the doctor; no reason", () => {
    const ics = appointmentIcs("abc123", doc);
    expect(ics).toContain("UID:abc123@clinic-booking");
    expect(ics).toContain("SEQUENCE:3");
    expect(ics).toContain("DTSTART:20300108T140000Z");
    expect(ics).toContain("DTEND:20300108T143000Z");
    expect(ics).toContain("LOCATION:1 Main St\\, Springfield");
    expect(ics).toContain("SUMMARY:Dr. Lee at Test Clinic");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(appointmentIcs("abc123", { ...doc, version: 5 })).toContain("SEQUENCE:5");
    expect(icsFilename(doc)).toBe("test-clinic-appointment.ics");
  });

  it("says the cancellation policy the visit was booked under; none recorded: a full refund", () => {
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
    const policy = { freeHours: 48, late: "keep_part" as const, keepCents: 2000, movesWithoutReview: false };
    expect(unfold(appointmentIcs("abc123", { ...doc, cancellationPolicy: policy }))).toContain(
      "Cancellation: Free cancellation up to 48 hours before your visit (full refund of $50.00)\\; after that\\, the clinic keeps $20.00 and refunds the rest.",
    );
    expect(unfold(appointmentIcs("abc123", doc))).toContain("Cancellation: You can cancel until your visit starts and get a full refund of $50.00.");
  });

  it("no name, address or contact, however hostile, can add a line to the calendar file", () => {
    const evil = "\r\nATTENDEE;CN=Evil:mailto:evil@example.com";
    const breaks = ["\r", "\n", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c"];
    for (const br of breaks) {
      const ics = appointmentIcs("abc123", {
        ...doc,
        doctorName: `Dr. Lee${br}ATTENDEE;CN=Evil:mailto:evil@example.com`,
        clinicName: `Test Clinic${br}ORGANIZER:mailto:evil@example.com`,
        clinicContact: { phone: `+1${evil}`, email: "clinic@test.test", address: `1 Main St${br}X-EVIL:1` },
      });
      // Lines end in CRLF; a folded line continues with a space or tab. Nothing else breaks a line.
      expect(ics.replace(/\r\n/g, ""), JSON.stringify(br)).not.toMatch(/[\r\n\u2028\u2029\u0085\u000b\u000c]/);
      const lines = ics.split("\r\n").filter(Boolean);
      for (const line of lines) expect(line, JSON.stringify(br)).toMatch(/^([ \t]|[A-Z][A-Z-]*[;:])/);
      const names = lines.filter((l) => !/^[ \t]/.test(l)).map((l) => /^[A-Z-]+/.exec(l)![0]);
      expect(names.filter((n) => ["ATTENDEE", "ORGANIZER", "X-EVIL"].includes(n)), JSON.stringify(br)).toEqual([]);
      expect(ics.replace(/\r\n[ \t]/g, "")).toContain("SUMMARY:Dr. Lee ATTENDEE\\;CN=Evil:mailto:evil@example.com at Test Clinic ORGANIZER:mailto:evil@example.com");
    }
  });
});
