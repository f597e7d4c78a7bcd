import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { visitCancelledClinicEmail, visitCancelledEmail } from "./self-service-emails";

const visit = {
  clinicName: "Test Clinic",
  clinicContact: { phone: "+1 555 0100", email: "clinic@test.test", address: "1 Main St, Springfield" },
  doctorName: "Dr. Lee",
  timezone: "America/New_York",
  start: Timestamp.fromMillis(Date.parse("2030-01-08T14:00:00Z")),
  feeCents: 5000,
  currency: "USD",
  cancellationPolicy: { freeHours: 48, late: "keep_part" as const, keepCents: 2000, movesWithoutReview: false },
  patient: { name: "Ada Lovelace", email: "ada@example.com", phone: "+1 555 010 0199" },
};
const paid = { amountCents: 5000, currency: "usd" };
const url = "http://app/dashboard/requests/a1";

describe("the emails of a patient's cancel of a confirmed visit", () => {
  it("tell the clinic what was paid, what it keeps and what is refunded, without claiming the refund already went through", () => {
    const late = visitCancelledClinicEmail(visit, "desk@test.test", url, paid, 3000);
    expect(late.text).toContain("They paid $50.00. Under your cancellation policy you keep $20.00 and $30.00 is refunded to them.");
    expect(visitCancelledClinicEmail(visit, "desk@test.test", url, paid, 5000).text).toContain("They paid $50.00, which is refunded to them in full.");
    expect(visitCancelledClinicEmail(visit, "desk@test.test", url, paid, 0).text).toContain("Under your cancellation policy you keep all of it; nothing is refunded.");
    expect(visitCancelledClinicEmail(visit, "desk@test.test", url, null, 0).text).not.toMatch(/paid|refund/i);
    expect(late.text).not.toMatch(/\bRefunded\b/);
  });

  it("tell the patient the refund and the policy it came from, and nothing about money for a free visit", () => {
    const late = visitCancelledEmail(visit, paid, 3000, "http://app/book/test");
    expect(late.text).toContain("Under the clinic's cancellation policy, the clinic keeps $20.00 and refunds $30.00 to the card you paid with. Refunds take 5–10 business days to appear.");
    expect(late.text).toContain("The clinic's policy: Free cancellation up to 48 hours before your visit");
    const free = visitCancelledEmail({ ...visit, feeCents: 0 }, null, 0, "http://app/book/test");
    expect(free.text).not.toMatch(/refund|policy/i);
  });
});
