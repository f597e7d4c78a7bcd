import { describe, expect, it } from "vitest";
import { contrast } from "@/tests/helpers/contrast";

// Recomputes the WCAG contrast of the colour pairs the UI kit relies on, from
// Tailwind's own palette and our @theme in app/globals.css, so a palette or
// theme change that breaks AA fails here. (Status badge tones are checked in
// lib/domain/appointments/status.test.ts.)

// [what, foreground, background, minimum]
const PAIRS: Array<[string, string, string, number]> = [
  ["primary button label", "white", "primary-700", 4.5],
  ["primary button label, hover", "white", "primary-800", 4.5],
  ["danger button label", "white", "red-700", 4.5],
  ["danger button label, hover", "white", "red-800", 4.5],
  ["ghost button label", "slate-700", "white", 4.5],
  ["teal badge", "primary-800", "primary-50", 4.5],
  ["red badge", "red-700", "red-50", 4.5],
  ["links and info icon", "primary-700", "white", 4.5],
  ["field hint", "slate-600", "white", 4.5],
  ["hint on the page background", "slate-600", "slate-50", 4.5],
  ["field error", "red-700", "white", 4.5],
  ["placeholder", "slate-500", "white", 4.5],
  ["counter near the limit", "amber-800", "white", 4.5],
  ["alert info", "blue-900", "blue-50", 4.5],
  ["alert success", "green-900", "green-50", 4.5],
  ["alert warning", "amber-900", "amber-50", 4.5],
  ["alert error", "red-900", "red-50", 4.5],
  // Non-text contrast (WCAG 1.4.11): 3:1.
  ["control border", "slate-500", "white", 3],
  ["focus ring", "primary-600", "white", 3],
  ["focus ring on the page background", "primary-600", "slate-50", 3],
  ["invalid control border", "red-700", "white", 3],
];

describe("UI kit colours meet WCAG AA", () => {
  it.each(PAIRS)("%s: %s on %s >= %d:1", (_what, foreground, background, minimum) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(minimum);
  });

  if (process.env.PRINT_CONTRAST) {
    it("prints the ratios", () => {
      for (const [what, fg, bg] of PAIRS) console.log(`${contrast(fg, bg).toFixed(2)}  ${what} (${fg} on ${bg})`);
    });
  }
});
