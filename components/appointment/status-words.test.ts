import { describe, expect, it } from "vitest";
import { detailsHeading, moneyRow, statusPageHeading } from "./status-words";

const NY = "America/New_York";
const now = Date.UTC(2026, 11, 2, 15); // Wed, Dec 2, 2026, 10:00 AM in New York

describe("the patient's status page names a confirmed visit as a visit", () => {
  it("is a request until confirmed, then a visit", () => {
    expect(statusPageHeading("pending", "Dr. Amara Okafor")).toBe("Your request with Dr. Amara Okafor");
    expect(statusPageHeading("approved", "Dr. Amara Okafor")).toBe("Your request with Dr. Amara Okafor");
    expect(statusPageHeading("confirmed", "Dr. Amara Okafor")).toBe("Your visit with Dr. Amara Okafor");
    expect(detailsHeading("confirmed")).toBe("Visit details");
    expect(detailsHeading("pending")).toBe("Request details");
  });

  it("a visit that was cancelled is still the visit; a request cancelled before it was confirmed stays a request", () => {
    expect(statusPageHeading("cancelled", "Dr. Amara Okafor", true)).toBe("Your visit with Dr. Amara Okafor");
    expect(detailsHeading("cancelled", true)).toBe("Visit details");
    expect(statusPageHeading("cancelled", "Dr. Amara Okafor", false)).toBe("Your request with Dr. Amara Okafor");
    expect(detailsHeading("cancelled", false)).toBe("Request details");
  });

  it("says what was paid and when, in the clinic's zone, once paid", () => {
    const paidAt = Date.UTC(2026, 11, 2, 2, 30); // Tue, Dec 1, 9:30 PM in New York
    expect(moneyRow({ feeCents: 5000, currency: "USD", paid: { amountCents: 5000, currency: "usd", paidAt }, timeZone: NY, now })).toEqual({
      term: "Paid",
      detail: "$50.00 on Tue, Dec 1",
    });
  });

  it("shows the fee while unpaid, and Free for a free visit", () => {
    expect(moneyRow({ feeCents: 5000, currency: "USD", paid: null, timeZone: NY, now })).toEqual({ term: "Fee", detail: "$50.00" });
    expect(moneyRow({ feeCents: 0, currency: "USD", paid: null, timeZone: NY, now })).toEqual({ term: "Fee", detail: "Free" });
  });
});
