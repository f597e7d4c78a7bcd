import { describe, expect, it } from "vitest";
import { APPOINTMENT_STATUSES } from "./appointments/status";
import {
  DEFAULT_FILTERS,
  OPEN_STATUSES,
  RECENT_FILTERS,
  RECENT_STATUSES,
  formatAgo,
  matchesStatusFilter,
  recentQueryStatuses,
  holdState,
  parseQueueFilters,
  queueHref,
  viewOfStatus,
  approveInputSchema,
  declineInputSchema,
  proposeInputSchema,
} from "./request-queue";

describe("views", () => {
  it("puts every status in exactly one view, open in the order staff work them", () => {
    // A patient asking to move a visit needs a decision right after new requests.
    expect(OPEN_STATUSES).toEqual(["pending", "move_requested", "rescheduled", "approved"]);
    expect([...OPEN_STATUSES, ...RECENT_STATUSES].sort()).toEqual([...APPOINTMENT_STATUSES].sort());
    for (const status of RECENT_STATUSES) expect(viewOfStatus(status)).toBe("recent");
    for (const status of OPEN_STATUSES) expect(viewOfStatus(status)).toBe("open");
  });
});

describe("the Recent tab's status filter", () => {
  it("offers clinic cancellations apart from the patient's, each matching only its own rows", () => {
    expect(RECENT_FILTERS).toContain("cancelled_by_clinic");
    expect(viewOfStatus("cancelled_by_clinic")).toBe("recent");
    expect(parseQueueFilters({ status: "cancelled_by_clinic" })).toEqual({
      ok: true,
      filters: { view: "recent", status: "cancelled_by_clinic", doctorId: null },
    });
    expect(recentQueryStatuses("cancelled_by_clinic")).toEqual(["cancelled"]);
    expect(recentQueryStatuses("cancelled")).toEqual(["cancelled"]);
    expect(recentQueryStatuses(null)).toEqual([...RECENT_STATUSES]);
    const byClinic = { status: "cancelled" as const, cancelledBy: "clinic" as const };
    const byPatient = { status: "cancelled" as const, cancelledBy: null };
    expect(matchesStatusFilter(byClinic, "cancelled_by_clinic")).toBe(true);
    expect(matchesStatusFilter(byClinic, "cancelled")).toBe(false);
    expect(matchesStatusFilter(byPatient, "cancelled")).toBe(true);
    expect(matchesStatusFilter(byPatient, "cancelled_by_clinic")).toBe(false);
    expect(matchesStatusFilter(byClinic, null)).toBe(true);
  });
});

describe("parseQueueFilters", () => {
  it("defaults to the open view with no filters", () => {
    expect(parseQueueFilters({})).toEqual({ ok: true, filters: DEFAULT_FILTERS });
    expect(parseQueueFilters({ view: "", status: "", doctor: "" })).toEqual({ ok: true, filters: DEFAULT_FILTERS });
  });

  it("reads a status (which picks its view) and a doctor", () => {
    expect(parseQueueFilters({ status: "declined", doctor: "dr-amara-okafor" })).toEqual({
      ok: true,
      filters: { view: "recent", status: "declined", doctorId: "dr-amara-okafor" },
    });
    expect(parseQueueFilters({ view: "recent", status: "pending" })).toEqual({
      ok: true,
      filters: { view: "open", status: "pending", doctorId: null },
    });
    expect(parseQueueFilters({ view: ["recent", "open"] })).toEqual({
      ok: true,
      filters: { view: "recent", status: null, doctorId: null },
    });
  });

  it("answers bad values with the default view and a message, not an exception", () => {
    const bad = parseQueueFilters({ status: "paid", doctor: "../clinics/x" });
    expect(bad.ok).toBe(false);
    expect(bad.filters).toEqual(DEFAULT_FILTERS);
    if (!bad.ok) {
      expect(bad.message).toContain("That isn't a request status.");
      expect(bad.message).toContain("That isn't a doctor of this clinic.");
    }
    expect(parseQueueFilters({ view: "everything" }).ok).toBe(false);
  });
});

describe("queueHref", () => {
  it("leaves defaults out and round-trips through the parser", () => {
    expect(queueHref({})).toBe("/dashboard/requests");
    expect(queueHref({ view: "recent" })).toBe("/dashboard/requests?view=recent");
    const href = queueHref({ view: "recent", status: "expired", doctorId: "dr-1" });
    expect(href).toBe("/dashboard/requests?status=expired&doctor=dr-1");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseQueueFilters(params)).toEqual({ ok: true, filters: { view: "recent", status: "expired", doctorId: "dr-1" } });
  });
});

describe("formatAgo", () => {
  const now = Date.UTC(2026, 11, 2, 15, 0);
  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 min ago"],
    [59 * 60_000, "59 min ago"],
    [3 * 3_600_000 + 59 * 60_000, "3 h ago"],
    [24 * 3_600_000, "1 day ago"],
    [3 * 24 * 3_600_000, "3 days ago"],
  ])("%i ms ago reads %s", (elapsed, text) => {
    expect(formatAgo(now - elapsed, now)).toBe(text);
  });

  it("never reads as the future when clocks differ a little", () => {
    expect(formatAgo(now + 5_000, now)).toBe("just now");
  });
});

describe("holdState", () => {
  const now = 1_000_000_000_000;
  it("is urgent under 2 h, lapsed at or after the deadline, none without one", () => {
    expect(holdState(null, now)).toEqual({ kind: "none" });
    expect(holdState(now, now)).toEqual({ kind: "lapsed" });
    expect(holdState(now + 2 * 3_600_000, now)).toEqual({ kind: "left", ms: 2 * 3_600_000, urgent: false });
    expect(holdState(now + 2 * 3_600_000 - 1, now)).toEqual({ kind: "left", ms: 2 * 3_600_000 - 1, urgent: true });
  });
});

describe("review inputs", () => {
  it("needs a reason to decline, and trims it", () => {
    expect(declineInputSchema.safeParse({ id: "abc", version: "2", reason: "   " }).success).toBe(false);
    expect(declineInputSchema.parse({ id: "abc", version: "2", reason: " Fully booked. " })).toEqual({ id: "abc", version: 2, reason: "Fully booked." });
    expect(declineInputSchema.safeParse({ id: "abc", version: "2", reason: "x".repeat(501) }).success).toBe(false);
  });

  it("needs a UTC instant to propose; the message is optional", () => {
    expect(proposeInputSchema.parse({ id: "abc", version: 1, start: "2026-12-02T14:00:00.000Z", message: "" })).toEqual({
      id: "abc",
      version: 1,
      start: "2026-12-02T14:00:00.000Z",
      message: undefined,
    });
    expect(proposeInputSchema.safeParse({ id: "abc", version: 1, start: "2026-12-02 14:00" }).success).toBe(false);
    expect(proposeInputSchema.safeParse({ id: "abc", version: 1, start: "2026-13-40T14:00:00Z" }).success).toBe(false);
  });

  it("refuses ids that could address another document, and versions that aren't counts", () => {
    expect(approveInputSchema.safeParse({ id: "../x", version: 1 }).success).toBe(false);
    expect(approveInputSchema.safeParse({ id: "abc", version: -1 }).success).toBe(false);
    expect(approveInputSchema.safeParse({ id: "abc", version: "1.5" }).success).toBe(false);
  });
});
