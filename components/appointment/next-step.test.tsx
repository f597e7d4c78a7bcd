import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { patientNextStep } from "@/lib/domain/appointments/state-machine";
import type { PatientMoney } from "@/lib/domain/payment-view";
import type { PatientAppointmentView } from "@/lib/domain/appointments/views";
import { NextStep } from "./next-step";

const now = Date.UTC(2026, 11, 5, 15, 0); // Sat, Dec 5, 10:00 AM in New York
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
const noAction = async () => ({ ok: true as const, message: "" });

function view(status: PatientAppointmentView["status"], money: PatientMoney): PatientAppointmentView {
  return {
    id: "appt-1",
    status,
    next: patientNextStep(status, 5000),
    start: "2026-12-09T15:20:00.000Z",
    end: "2026-12-09T15:50:00.000Z",
    timezone: "America/New_York",
    expiresAt: null,
    clinic: { name: "Harbor Clinic", slug: "harbor", phone: "+1 555 0100", email: "", address: "" },
    doctorName: "Dr. Amara Okafor",
    feeCents: 5000,
    currency: "USD",
    patientName: "Ana Ruiz",
    patientEmail: "ana@example.com",
    version: 1,
    emailCorrectable: false,
    reason: "Check-up",
    proposal: null,
    timeHeld: true,
    withdrawnProposal: null,
    declineReason: null,
    clinicCancel: null,
    wasConfirmed: false,
    confirmedIcsAvailable: false,
    money,
    policyWords: "",
    visitCancel: null,
    moveRequest: null,
    lastMove: null,
  };
}

const render = (v: PatientAppointmentView) =>
  text(renderToStaticMarkup(<NextStep appointment={v} now={now} acceptAction={noAction} rejectAction={noAction} calendarHref="/cal" />));

describe("a request the patient cancelled says whether they were charged", () => {
  const money = (state: PatientMoney["state"], extra: Partial<PatientMoney> = {}): PatientMoney => ({
    state,
    amountCents: 5000,
    currency: "usd",
    refundedAt: null,
    intentMade: true,
    ...extra,
  });

  it("a stale tab paid after the cancel: being refunded, then refunded", () => {
    const pending = render(view("cancelled", money("refund_pending")));
    expect(pending).toContain("You cancelled this request");
    expect(pending).toContain("Your payment of $50.00 is being refunded in full");
    expect(render(view("cancelled", money("refunded", { refundedAt: now - 3_600_000 })))).toContain("Your payment of $50.00 was refunded in full on Sat, Dec 5");
  });

  it("a confirmed visit the patient cancelled is called a visit, with what the policy kept", () => {
    const cancelled = render({ ...view("cancelled", money("refund_pending", { refundCents: 3000 })), wasConfirmed: true });
    expect(cancelled).toContain("You cancelled this visit");
    expect(cancelled).toContain("Of your $50.00 payment, $30.00 is being refunded to the card you paid with; the clinic keeps $20.00 under its cancellation policy.");
  });

  it("nothing paid: not charged", () => {
    expect(render(view("cancelled", money("none", { intentMade: false })))).toContain("You weren't charged.");
    expect(render(view("expired", money("none")))).toContain("You weren't charged.");
  });
});

describe("after the clinic withdrew its proposal the page says what is true now", () => {
  const none: PatientMoney = { state: "none", amountCents: 5000, currency: "usd", refundedAt: null, intentMade: false };
  const withdrawn = { start: "2026-12-10T16:00:00.000Z", originalTimeLost: null };

  it("back for review at the original time: no answer asked, the withdrawn time named", () => {
    const page = render({ ...view("pending", none), withdrawnProposal: withdrawn });
    expect(page).toContain("The clinic withdrew the time it proposed, Thu, Dec 10, 11:00 AM");
    expect(page).toContain("We're holding this time for you");
    expect(page).not.toContain("Accept new time");
  });

  it("the original time taken: no time held, and it doesn't say the patient turned anything down", () => {
    const page = render({ ...view("pending", none), withdrawnProposal: { ...withdrawn, originalTimeLost: "taken" }, timeHeld: false });
    expect(page).toContain("The clinic withdrew the time it proposed");
    expect(page).toContain("The clinic withdrew Thu, Dec 10, 11:00 AM EST, New York time.");
    expect(page).toContain("Your original time, Wed, Dec 9, 10:20 AM EST, New York time, has since been taken");
    expect(page).not.toContain("You turned down");
  });

  it("says why no time is held only as far as it is true", () => {
    const lost = (originalTimeLost: "passed" | "not_held" | null) =>
      render({ ...view("pending", none), withdrawnProposal: { ...withdrawn, originalTimeLost }, timeHeld: false });
    expect(lost("passed")).toContain("Your original time, Wed, Dec 9, 10:20 AM EST, New York time, has passed");
    expect(lost("not_held")).toContain("Your request is back where it stood before that proposal: no time is held for you.");
    expect(lost(null)).toContain("is no longer available");
    for (const page of [lost("passed"), lost("not_held"), lost(null)]) expect(page).not.toContain("has since been taken");
  });

  it("when the patient turned the proposal down, it says so and nothing about a withdrawal", () => {
    const page = render({ ...view("pending", none), timeHeld: false });
    expect(page).toContain("You turned down the proposed time");
    expect(page).not.toContain("withdrew");
  });
});

describe("a confirmed visit's panel points to the way to cancel that applies", () => {
  const none: PatientMoney = { state: "none", amountCents: 0, currency: "usd", refundedAt: null, intentMade: false };
  const confirmed = (visitCancel: PatientAppointmentView["visitCancel"]) => render({ ...view("confirmed", none), visitCancel });

  it("while the visit can be cancelled online, to the cancel below", () => {
    expect(confirmed({ refundCents: 0, paidCents: 0, refundWords: null })).toContain("If you can't make it, cancel your visit below, or contact the clinic at");
  });

  it("once it can't (the visit has started), to the clinic", () => {
    expect(confirmed(null)).toContain("If you can't make it, please let the clinic know at");
  });
});
