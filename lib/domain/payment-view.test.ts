import { describe, expect, it } from "vitest";
import { paymentWords, type PaymentView } from "./payment-view";

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
