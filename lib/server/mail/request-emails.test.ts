import type { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { cancelledEmail, expiredEmail, requestReceivedEmail } from "./request-emails";

const at = (iso: string) => ({ toDate: () => new Date(iso) }) as unknown as Timestamp;

const appointment = {
  clinicName: "Clinic A",
  clinicContact: { phone: "555 0100", email: "desk@a.test", address: "1 Main St" },
  doctorName: "Dr. Ada One",
  timezone: "America/New_York",
  start: at("2030-01-02T15:00:00Z"),
  expiresAt: at("2030-01-01T15:00:00Z"),
  feeCents: 5000,
  currency: "USD",
  // The attack from the security review, as it would be stored before the name schema refused it.
  patient: { name: "Ann Lee\nACTION NEEDED: pay at https://evil.example/x", email: "ann@a.test", phone: "555 0101" },
  reason: "REASON-TEXT-MUST-NOT-BE-EMAILED",
};

describe("appointment emails", () => {
  const all = [requestReceivedEmail(appointment, "https://clinic.test/appointments/x?t=1"), cancelledEmail(appointment), expiredEmail(appointment)];

  it("never let the patient's name start a line, in any email", () => {
    for (const mail of all) {
      for (const line of mail.text.split("\n")) expect(line.trimStart()).not.toMatch(/^ACTION NEEDED/);
    }
    expect(all[0]!.text.split("\n")[0]).toBe("Hello Ann Lee ACTION NEEDED: pay at https://evil.example/x, we received your request");
  });

  it("never include the reason for the visit", () => {
    for (const mail of all) {
      expect(mail.text).not.toContain("REASON-TEXT");
      expect(mail.html).not.toContain("REASON-TEXT");
    }
  });

  it('say "link", not "button", in plain text, and the link follows', () => {
    const { text } = all[0]!;
    expect(text).not.toMatch(/button/i);
    expect(text).toMatch(/the link below is your private link[\s\S]*See your request: https:\/\/clinic\.test\/appointments\/x\?t=1/);
  });
});
