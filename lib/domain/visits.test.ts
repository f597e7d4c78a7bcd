import { describe, expect, it } from "vitest";
import type { Caller } from "./roles";
import {
  actionsAfterVisit,
  canReadSchedule,
  canSetVisitOutcome,
  canWriteVisitNotes,
  NOTES_MAX,
  noVisitsTitle,
  outcomeTooEarlyMessage,
  saveNotesSchema,
  scheduleQuerySchema,
  scheduleRange,
  scheduleScope,
  startOfLocalDay,
} from "./visits";

const base = { uid: "u", email: "a@x.test", name: "A", clinicId: "c1", clinicName: "C" };
const admin: Caller = { ...base, role: "admin" };
const staff: Caller = { ...base, role: "staff" };
const doctor: Caller = { ...base, role: "doctor", doctorId: "dr-1" };
const unlinked: Caller = { ...base, role: "doctor" };
const NY = "America/New_York";

describe("scheduleRange", () => {
  it("covers one local day, midnight to midnight, in the clinic's zone", () => {
    const range = scheduleRange(NY, "day", "2027-03-02", Date.UTC(2027, 0, 1));
    expect(range.days).toEqual(["2027-03-02"]);
    expect(new Date(range.from).toISOString()).toBe("2027-03-02T05:00:00.000Z");
    expect(new Date(range.to).toISOString()).toBe("2027-03-03T05:00:00.000Z");
    expect([range.previous, range.next]).toEqual(["2027-03-01", "2027-03-03"]);
  });

  it("covers Monday to Sunday around the date, with a 23-hour day at the DST change", () => {
    const range = scheduleRange(NY, "week", "2027-03-17", Date.UTC(2027, 0, 1)); // a Wednesday
    expect(range.days[0]).toBe("2027-03-15");
    expect(range.days[6]).toBe("2027-03-21");
    expect([range.previous, range.next]).toEqual(["2027-03-08", "2027-03-22"]);
    const dst = scheduleRange(NY, "day", "2027-03-14", 0);
    expect(dst.to - dst.from).toBe(23 * 3_600_000);
  });

  it("opens on today in the clinic's zone, not UTC's", () => {
    const lateEvening = Date.parse("2027-03-02T03:30:00Z"); // Mar 1, 10:30 PM in New York
    expect(scheduleRange(NY, "day", undefined, lateEvening).days).toEqual(["2027-03-01"]);
    expect(scheduleRange(NY, "day", undefined, lateEvening).today).toBe("2027-03-01");
    expect(startOfLocalDay("UTC", "2027-03-02")).toBe(Date.UTC(2027, 2, 2));
  });
});

describe("an empty schedule names its dates", () => {
  const now = Date.UTC(2026, 11, 2, 15); // Wed, Dec 2, 2026, 10:00 AM in New York

  it("says which day has no visits", () => {
    expect(noVisitsTitle(scheduleRange(NY, "day", "2026-12-04", now), NY, now)).toBe("Fri, Dec 4 — no visits");
    expect(noVisitsTitle(scheduleRange(NY, "day", undefined, now), NY, now)).toBe("Wed, Dec 2 — no visits");
  });

  it("says which week, Monday to Sunday, and the year when it isn't this one", () => {
    expect(noVisitsTitle(scheduleRange(NY, "week", "2026-12-02", now), NY, now)).toBe("Mon, Nov 30 – Sun, Dec 6 — no visits");
    expect(noVisitsTitle(scheduleRange(NY, "day", "2027-01-08", now), NY, now)).toBe("Fri, Jan 8, 2027 — no visits");
  });

  it("names the right day where a DST change skips midnight", () => {
    const santiago = "America/Santiago"; // clocks go from 00:00 to 01:00 on Sun, Sep 6, 2026
    expect(noVisitsTitle(scheduleRange(santiago, "day", "2026-09-06", now), santiago, now)).toBe("Sun, Sep 6 — no visits");
  });
});

describe("scheduleQuerySchema", () => {
  it("defaults to the day view and refuses bad values with a message", () => {
    expect(scheduleQuerySchema.parse({})).toEqual({ view: "day" });
    expect(scheduleQuerySchema.safeParse({ view: "month" }).error?.issues[0]?.message).toBe("The view must be day or week.");
    expect(scheduleQuerySchema.safeParse({ date: "2027-02-30" }).error?.issues[0]?.message).toBe("That date doesn't exist");
    expect(scheduleQuerySchema.safeParse({ doctor: "../x" }).error?.issues[0]?.message).toBe("That doctor id isn't valid.");
  });
});

describe("who may do what with visits", () => {
  it("lets staff and admins read any doctor's schedule, a doctor only their own", () => {
    expect(scheduleScope(admin)).toEqual({ anyDoctor: true });
    expect(scheduleScope(unlinked)).toBeNull();
    expect(canReadSchedule(staff, "dr-2")).toBe(true);
    expect(canReadSchedule(doctor, "dr-1")).toBe(true);
    expect(canReadSchedule(doctor, "dr-2")).toBe(false);
    expect(canReadSchedule(null, "dr-1")).toBe(false);
  });

  it("lets the visit's doctor and admins write notes; staff only read", () => {
    expect(canWriteVisitNotes(doctor, "dr-1")).toBe(true);
    expect(canWriteVisitNotes(doctor, "dr-2")).toBe(false);
    expect(canWriteVisitNotes(admin, "dr-2")).toBe(true);
    expect(canWriteVisitNotes(staff, "dr-1")).toBe(false);
    expect(canWriteVisitNotes(unlinked, "dr-1")).toBe(false);
  });

  it("lets staff, admins and the visit's own doctor record the outcome", () => {
    expect(canSetVisitOutcome(staff, "dr-2")).toBe(true);
    expect(canSetVisitOutcome(doctor, "dr-2")).toBe(false);
    expect(canSetVisitOutcome(null, "dr-1")).toBe(false);
  });
});

describe("notes and outcome rules", () => {
  it("caps notes with a clear message", () => {
    expect(saveNotesSchema.safeParse({ notes: "x".repeat(NOTES_MAX), expectedVersion: 0 }).success).toBe(true);
    expect(saveNotesSchema.safeParse({ notes: "x".repeat(NOTES_MAX + 1), expectedVersion: 0 }).error?.issues[0]?.message).toMatch(
      /at most 20,000 characters/,
    );
  });

  it("refuses an outcome before the visit starts", () => {
    expect(outcomeTooEarlyMessage(1000, 999)).toMatch(/once its start time has come/);
    expect(outcomeTooEarlyMessage(1000, 1000)).toBeNull();
  });
});

describe("actionsAfterVisit", () => {
  const confirmed = ["propose", "clinic_cancel"] as const;
  it("keeps propose and clinic_cancel while the visit is scheduled, cancelled or not there yet", () => {
    for (const status of ["scheduled", "cancelled", undefined]) expect(actionsAfterVisit(confirmed, status)).toEqual(["propose", "clinic_cancel"]);
  });
  it("drops them once the visit is marked completed or no-show, keeping any other action", () => {
    for (const status of ["completed", "no_show"]) {
      expect(actionsAfterVisit(confirmed, status)).toEqual([]);
      expect(actionsAfterVisit(["approve", "propose"], status)).toEqual(["approve"]);
    }
  });
});
