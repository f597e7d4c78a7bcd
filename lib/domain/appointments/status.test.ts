import { describe, expect, it } from "vitest";
import { contrast } from "@/tests/helpers/contrast";
import {
  APPOINTMENT_STATUSES,
  STATUS_TONE_CLASSES,
  isActiveStatus,
  isAppointmentStatus,
  isTerminalStatus,
  statusBadgeClasses,
  statusLabel,
  statusTone,
  SHOWN_STATUSES,
  shownStatus,
  storedStatus,
  type ShownStatus,
  type StatusTone,
} from "./status";

// The product table, copied verbatim so a wording change is a deliberate edit
// in two places.
const TABLE: Array<[ShownStatus, string, string, StatusTone]> = [
  ["pending", "Waiting for the clinic to review", "Needs review", "amber"],
  ["approved", "Approved — please pay to confirm", "Awaiting payment", "blue"],
  ["rescheduled", "The clinic proposed a new time", "Awaiting patient", "violet"],
  ["confirmed", "Confirmed", "Confirmed", "green"],
  // The visit stands while the clinic decides: the patient reads "confirmed" first; staff see a decision waiting.
  ["move_requested", "Confirmed — move waiting for the clinic", "Move requested", "amber"],
  ["declined", "Not accepted", "Declined", "gray"],
  ["cancelled", "Cancelled", "Cancelled by patient", "gray"],
  ["cancelled_by_clinic", "Cancelled by the clinic", "Cancelled by clinic", "gray"],
  ["expired", "Expired — please book again", "Expired", "gray"],
];

describe("status presentation", () => {
  it("covers every status exactly once", () => {
    expect(TABLE.map((row) => row[0]).sort()).toEqual([...SHOWN_STATUSES].sort());
  });

  it.each(TABLE)("%s: patient %j, staff %j, tone %s", (status, patient, staff, tone) => {
    expect(statusLabel(status, "patient")).toBe(patient);
    expect(statusLabel(status, "staff")).toBe(staff);
    expect(statusTone(status)).toBe(tone);
    expect(statusBadgeClasses(status)).toBe(STATUS_TONE_CLASSES[tone]);
  });

  it("tells a clinic's cancellation from the patient's, and only a cancellation", () => {
    expect(shownStatus("cancelled", "clinic")).toBe("cancelled_by_clinic");
    expect(statusLabel(shownStatus("cancelled", "clinic"), "staff")).toBe("Cancelled by clinic");
    expect(statusLabel(shownStatus("cancelled", undefined), "staff")).toBe("Cancelled by patient");
    expect(shownStatus("cancelled", null)).toBe("cancelled");
    for (const status of APPOINTMENT_STATUSES.filter((s) => s !== "cancelled")) {
      expect(shownStatus(status, "clinic")).toBe(status);
    }
    for (const status of SHOWN_STATUSES) expect(shownStatus(storedStatus(status), status === "cancelled_by_clinic" ? "clinic" : null)).toBe(status);
  });

  it("classifies active and terminal statuses", () => {
    const active = APPOINTMENT_STATUSES.filter(isActiveStatus);
    const terminal = APPOINTMENT_STATUSES.filter(isTerminalStatus);
    expect(active).toEqual(["pending", "approved", "rescheduled", "confirmed", "move_requested"]);
    expect(terminal).toEqual(["declined", "cancelled", "expired"]);
  });

  it("recognises status strings", () => {
    expect(isAppointmentStatus("pending")).toBe(true);
    expect(isAppointmentStatus("Pending")).toBe(false);
    expect(isAppointmentStatus(undefined)).toBe(false);
  });
});

describe("badge colours meet WCAG AA (4.5:1) for small text", () => {
  it.each(Object.entries(STATUS_TONE_CLASSES))("%s: %s", (_tone, classes) => {
    const background = /\bbg-([a-z]+-\d+)\b/.exec(classes)?.[1];
    const text = /\btext-([a-z]+-\d+)\b/.exec(classes)?.[1];
    expect(background).toBeDefined();
    expect(text).toBeDefined();
    expect(contrast(background!, text!)).toBeGreaterThanOrEqual(4.5);
  });
});
