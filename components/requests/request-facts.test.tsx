import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { HistoryItem, RequestDetail } from "@/lib/domain/appointments/views";
import { HistoryList } from "./history-list";
import { QueueFiltersForm } from "./queue-filters";
import { QueueRowItem } from "./queue-row";
import { RequestFacts } from "./request-facts";

const now = Date.UTC(2026, 11, 5, 15, 0); // Sat, Dec 5, 10:00 AM in New York
const HOUR = 3_600_000;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

function detail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    id: "appt-1",
    status: "cancelled",
    timeHeld: true,
    cancelledBy: "clinic",
    patient: { name: "Ana Ruiz", email: "ana@example.com", phone: "+1 555 0100" },
    reason: "Check-up",
    doctorId: "dr-1",
    doctorName: "Dr. Amara Okafor",
    timezone: "America/New_York",
    start: now + 48 * HOUR,
    end: now + 48 * HOUR + 30 * 60_000,
    previousStart: null,
    moveStart: null,
    turnedDownStart: null,
    withdrawnStart: null,
    createdAt: now - 24 * HOUR,
    updatedAt: now - HOUR,
    expiresAt: null,
    version: 4,
    clinicSlug: "clinic",
    feeCents: 5000,
    currency: "USD",
    source: "web",
    proposal: null,
    declineReason: null,
    cancelReason: "The doctor is ill.",
    payment: { state: "refund_pending", amountCents: 5000, currency: "USD", refundedAt: null },
    history: [],
    visit: null,
    ...overrides,
  };
}

describe("a clinic's cancellation is shown as the clinic's", () => {
  it("on the request page: status, the reason's label and the refund", () => {
    const page = text(renderToStaticMarkup(<RequestFacts detail={detail()} now={now} />));
    expect(page).toContain("Cancelled by clinic");
    expect(page).not.toContain("Cancelled by patient");
    expect(page).toContain("Clinic's reason The doctor is ill.");
    expect(page).not.toContain("Patient's reason");
    expect(page).toContain("Payment Refund of $50.00 under way");

    const refunded = detail({ payment: { state: "refunded", amountCents: 5000, currency: "USD", refundedAt: now - HOUR } });
    expect(text(renderToStaticMarkup(<RequestFacts detail={refunded} now={now} />))).toContain("Refunded $50.00 on Sat, Dec 5");
  });

  it("while the patient's own cancellation keeps the patient's words", () => {
    const page = text(renderToStaticMarkup(<RequestFacts detail={detail({ cancelledBy: null, cancelReason: "Feeling better" })} now={now} />));
    expect(page).toContain("Cancelled by patient");
    expect(page).toContain("Patient's reason Feeling better");
  });

  it("in the history line", () => {
    const items: HistoryItem[] = [
      { seq: "0003", action: "clinic_cancel", from: "confirmed", to: "cancelled", byName: "Sam Staff", at: now - HOUR, note: "The doctor is ill." },
      { seq: "0004", action: "cancel", from: "pending", to: "cancelled", byName: "Patient", at: now, note: null },
    ];
    const lines = renderToStaticMarkup(<HistoryList items={items} timeZone="America/New_York" now={now} />).split("</li>").map(text);
    expect(lines[0]).toContain("Confirmed → Cancelled by clinic");
    expect(lines[1]).toContain("Needs review → Cancelled by patient");
  });

  it("in the Recent tab's row and its status filter", () => {
    const row = text(renderToStaticMarkup(<QueueRowItem row={detail()} now={now} />));
    expect(row).toContain("Cancelled by clinic");
    expect(row).not.toContain("Cancelled by patient");

    const filters = renderToStaticMarkup(
      <QueueFiltersForm filters={{ view: "recent", status: null, doctorId: null }} doctors={[]} doctorScoped={false} />,
    );
    expect(filters).toContain('<option value="cancelled_by_clinic">Cancelled by clinic</option>');
    expect(filters).toContain('<option value="cancelled">Cancelled by patient</option>');
  });
});

describe("a request whose patient turned a proposal down", () => {
  const turnedDown = detail({
    status: "pending",
    timeHeld: false,
    cancelledBy: null,
    cancelReason: null,
    payment: { state: "unpaid", amountCents: 5000, currency: "USD", refundedAt: null },
    start: Date.UTC(2026, 11, 9, 15, 20), // Wed, Dec 9, 10:20 AM: the time first asked for
    turnedDownStart: Date.UTC(2026, 11, 10, 16, 0), // Thu, Dec 10, 11:00 AM: the proposal turned down
    expiresAt: now + 24 * HOUR,
  });

  it("names the time turned down, says no time is held, and when the request lapses", () => {
    const page = text(renderToStaticMarkup(<RequestFacts detail={turnedDown} now={now} />));
    expect(page).toContain("Asked for Wed, Dec 9, 10:20 AM EST");
    expect(page).toContain("Turned down The patient turned down Thu, Dec 10, 11:00 AM EST");
    expect(page).toContain("Hold No time is held. Unless you propose another time or decline, the request expires Sun, Dec 6, 10:00 AM EST");
    expect(page).not.toContain("Not held: the patient turned it down");
    expect(page).not.toMatch(/Hold Expires in/);
  });

  it("in its queue row too", () => {
    const row = text(renderToStaticMarkup(<QueueRowItem row={turnedDown} now={now} />));
    expect(row).toContain("Asked for: Wed, Dec 9, 10:20 AM EST");
    expect(row).toContain("The patient turned down Thu, Dec 10, 11:00 AM EST");
    expect(row).toContain("Patient declined the new time — propose another or decline");
    expect(row).toContain("No time held");
  });
});

describe("a request whose proposal staff withdrew when its original time could not be held", () => {
  // The patient had turned down an earlier proposal (Tue, Dec 8); staff then proposed Thu, Dec 10 and withdrew it.
  const withdrawn = detail({
    status: "pending",
    timeHeld: false,
    cancelledBy: null,
    cancelReason: null,
    payment: { state: "unpaid", amountCents: 5000, currency: "USD", refundedAt: null },
    start: Date.UTC(2026, 11, 9, 15, 20), // Wed, Dec 9, 10:20 AM: the time first asked for, now taken
    turnedDownStart: Date.UTC(2026, 11, 8, 16, 0),
    withdrawnStart: Date.UTC(2026, 11, 10, 16, 0), // Thu, Dec 10, 11:00 AM: the proposal withdrawn
    expiresAt: now + 24 * HOUR,
  });

  it("says staff withdrew it and names that time, never that the patient declined", () => {
    const page = text(renderToStaticMarkup(<RequestFacts detail={withdrawn} now={now} />));
    expect(page).toContain("Asked for Wed, Dec 9, 10:20 AM EST");
    expect(page).toContain("Withdrawn The clinic withdrew its proposal of Thu, Dec 10, 11:00 AM EST");
    expect(page).toContain("Hold No time is held. Unless you propose another time or decline, the request expires Sun, Dec 6, 10:00 AM EST");
    expect(page).not.toMatch(/turned down|declined/i);
  });

  it("in its queue row too", () => {
    const row = text(renderToStaticMarkup(<QueueRowItem row={withdrawn} now={now} />));
    expect(row).toContain("Asked for: Wed, Dec 9, 10:20 AM EST");
    expect(row).toContain("The clinic withdrew its proposal of Thu, Dec 10, 11:00 AM EST");
    expect(row).toContain("Proposal withdrawn — no time held; propose a time or decline");
    expect(row).toContain("No time held");
    expect(row).not.toMatch(/turned down|declined/i);
  });

  it("once the request has ended, neither page speaks of a hold or of who set a time aside", () => {
    const expired = { ...withdrawn, status: "expired" as const, expiresAt: null };
    const page = text(renderToStaticMarkup(<RequestFacts detail={expired} now={now} />));
    expect(page).toContain("Expired");
    expect(page).not.toMatch(/No time is held|withdrew|turned down/);
  });
});
