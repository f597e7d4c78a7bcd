import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  APPOINTMENT_STATUSES,
  STATUS_TONE_CLASSES,
  isActiveStatus,
  isAppointmentStatus,
  isTerminalStatus,
  statusBadgeClasses,
  statusLabel,
  statusTone,
  type AppointmentStatus,
  type StatusTone,
} from "./status";

// The product table, copied verbatim so a wording change is a deliberate edit
// in two places.
const TABLE: Array<[AppointmentStatus, string, string, StatusTone]> = [
  ["pending", "Waiting for the clinic to review", "Needs review", "amber"],
  ["approved", "Approved — please pay to confirm", "Awaiting payment", "blue"],
  ["rescheduled", "The clinic proposed a new time", "Awaiting patient", "violet"],
  ["confirmed", "Confirmed", "Confirmed", "green"],
  ["declined", "Not accepted", "Declined", "gray"],
  ["cancelled", "Cancelled", "Cancelled by patient", "gray"],
  ["expired", "Expired — please book again", "Expired", "gray"],
];

describe("status presentation", () => {
  it("covers every status exactly once", () => {
    expect(TABLE.map((row) => row[0]).sort()).toEqual([...APPOINTMENT_STATUSES].sort());
  });

  it.each(TABLE)("%s: patient %j, staff %j, tone %s", (status, patient, staff, tone) => {
    expect(statusLabel(status, "patient")).toBe(patient);
    expect(statusLabel(status, "staff")).toBe(staff);
    expect(statusTone(status)).toBe(tone);
    expect(statusBadgeClasses(status)).toBe(STATUS_TONE_CLASSES[tone]);
  });

  it("classifies active and terminal statuses", () => {
    const active = APPOINTMENT_STATUSES.filter(isActiveStatus);
    const terminal = APPOINTMENT_STATUSES.filter(isTerminalStatus);
    expect(active).toEqual(["pending", "approved", "rescheduled", "confirmed"]);
    expect(terminal).toEqual(["confirmed", "declined", "cancelled", "expired"]);
  });

  it("recognises status strings", () => {
    expect(isAppointmentStatus("pending")).toBe(true);
    expect(isAppointmentStatus("Pending")).toBe(false);
    expect(isAppointmentStatus(undefined)).toBe(false);
  });
});

describe("badge colours meet WCAG AA (4.5:1) for small text", () => {
  // Read Tailwind's own palette so an upgrade that changes a shade is caught.
  const themeCss = readFileSync(createRequire(import.meta.url).resolve("tailwindcss/theme.css"), "utf8");

  function oklchOf(colour: string): [number, number, number] {
    const match = new RegExp(`--color-${colour}:\\s*oklch\\(([\\d.]+)%\\s+([\\d.]+)\\s+([\\d.]+|none)\\)`).exec(themeCss);
    if (!match) throw new Error(`Colour ${colour} not found in tailwindcss/theme.css`);
    const [, l, c, h] = match;
    return [Number(l) / 100, Number(c), h === "none" ? 0 : Number(h)];
  }

  // OKLCH -> OKLab -> linear sRGB (Björn Ottosson's matrices), clipped to gamut
  // the way browsers display it, then WCAG relative luminance.
  function luminance([lightness, chroma, hueDegrees]: [number, number, number]): number {
    const hue = (hueDegrees * Math.PI) / 180;
    const a = chroma * Math.cos(hue);
    const b = chroma * Math.sin(hue);
    const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
    const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
    const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
    const clip = (x: number) => Math.min(1, Math.max(0, x));
    const red = clip(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
    const green = clip(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
    const blue = clip(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s);
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  }

  function contrast(first: string, second: string): number {
    const [x, y] = [luminance(oklchOf(first)), luminance(oklchOf(second))];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  it.each(Object.entries(STATUS_TONE_CLASSES))("%s: %s", (_tone, classes) => {
    const background = /\bbg-([a-z]+-\d+)\b/.exec(classes)?.[1];
    const text = /\btext-([a-z]+-\d+)\b/.exec(classes)?.[1];
    expect(background).toBeDefined();
    expect(text).toBeDefined();
    expect(contrast(background!, text!)).toBeGreaterThanOrEqual(4.5);
  });
});
