import { describe, expect, it } from "vitest";
import { endedMoneyWords, paymentWords, type PatientMoney, type PaymentView } from "./payment-view";

const now = Date.UTC(2026, 11, 5, 15, 0);
const zone = "America/New_York";
const usd = (state: PaymentView["state"], refundedAt: number | null = null): PaymentView => ({ state, amountCents: 5000, currency: "USD", refundedAt });

describe("paymentWords", () => {
  it("says where the patient's money stands, refund included", () => {
    expect(paymentWords({ state: "free", amountCents: null, currency: "USD", refundedAt: null }, zone, now)).toBe("No fee");
    expect(paymentWords(usd("unpaid"), zone, now)).toBe("Not paid ($50.00 due)");
    expect(paymentWords(usd("paid"), zone, now)).toBe("Paid $50.00");
    expect(paymentWords(usd("refund_pending"), zone, now)).toBe("Refund of $50.00 under way");
    expect(paymentWords(usd("refunded", Date.UTC(2026, 11, 4, 17, 0)), zone, now)).toBe("Refunded $50.00 on Fri, Dec 4");
    expect(paymentWords(usd("refunded"), zone, now)).toBe("Refunded $50.00");
  });

  it("still reads as money in a currency it does not know", () => {
    expect(paymentWords({ state: "paid", amountCents: 1250, currency: "SEK", refundedAt: null }, zone, now)).toBe("Paid 12.50 SEK");
  });
});

describe("endedMoneyWords: a request that ended without a visit says whether the patient was charged", () => {
  const money = (state: PatientMoney["state"], extra: Partial<PatientMoney> = {}): PatientMoney => ({
    state,
    amountCents: 5000,
    currency: "usd",
    refundedAt: null,
    intentMade: true,
    ...extra,
  });

  it("a payment from a stale tab after cancelling: being refunded, then refunded with the date", () => {
    expect(endedMoneyWords(money("refund_pending"), 5000, zone, now)).toBe("Your payment of $50.00 is being refunded in full to the card you paid with.");
    expect(endedMoneyWords(money("refunded", { refundedAt: Date.UTC(2026, 11, 4, 17, 0) }), 5000, zone, now)).toMatch(
      /^Your payment of \$50\.00 was refunded in full on Fri, Dec 4, to the card you paid with\./,
    );
  });

  it("no payment: not charged (and, when a payment form was opened, that a late one is refunded)", () => {
    expect(endedMoneyWords(money("none", { intentMade: false }), 5000, zone, now)).toBe("You weren't charged.");
    expect(endedMoneyWords(money("none"), 5000, zone, now)).toMatch(/^You weren't charged\. If a payment went through/);
    expect(endedMoneyWords(money("none", { intentMade: false }), 0, zone, now)).toBeNull();
    expect(endedMoneyWords(money("paid"), 5000, zone, now)).toBeNull();
  });

  it("a visit the patient cancelled late: what the clinic's policy kept, and what went back", () => {
    expect(endedMoneyWords(money("paid", { refundCents: 0 }), 5000, zone, now)).toBe("Under the clinic's cancellation policy, your payment of $50.00 is not refunded.");
    expect(endedMoneyWords(money("refund_pending", { refundCents: 3000 }), 5000, zone, now)).toBe(
      "Of your $50.00 payment, $30.00 is being refunded to the card you paid with; the clinic keeps $20.00 under its cancellation policy.",
    );
    expect(endedMoneyWords(money("refunded", { refundCents: 3000, refundedAt: Date.UTC(2026, 11, 4, 17, 0) }), 5000, zone, now)).toBe(
      "Of your $50.00 payment, $30.00 was refunded on Fri, Dec 4 to the card you paid with; the clinic keeps $20.00 under its cancellation policy.",
    );
    // Inside the free window everything went back: the usual words.
    expect(endedMoneyWords(money("refunded", { refundCents: 5000 }), 5000, zone, now)).toBe("Your payment of $50.00 was refunded in full to the card you paid with.");
  });
});
