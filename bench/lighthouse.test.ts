import { describe, expect, it } from "vitest";
import { medianRun, summarizeReport, type LighthouseRun } from "./lighthouse";

const runWith = (performance: number): LighthouseRun => ({ performance, accessibility: 100, bestPractices: 100, tbtMs: performance, lcpMs: 0, failures: [] });

describe("medianRun", () => {
  it("keeps the whole run with the median performance score, not a mix of runs", () => {
    const median = medianRun([runWith(80), runWith(60), runWith(70)]);
    expect(median).toEqual({ ...runWith(70), runs: 3 });
  });

  it("takes the lower middle of an even count", () => {
    expect(medianRun([runWith(90), runWith(60)]).performance).toBe(60);
  });

  it("refuses no runs", () => {
    expect(() => medianRun([])).toThrow();
  });
});

describe("summarizeReport", () => {
  it("reads the scores as percentages, TBT and LCP, and lists failed audits and console errors", () => {
    const summary = summarizeReport({
      categories: { performance: { score: 0.63 }, accessibility: { score: 1 }, "best-practices": { score: 0.96 } },
      audits: {
        "total-blocking-time": { score: 0.1, numericValue: 1490, scoreDisplayMode: "numeric" },
        "largest-contentful-paint": { score: 0.4, numericValue: 3500, scoreDisplayMode: "numeric" },
        "errors-in-console": { score: 0, scoreDisplayMode: "binary", details: { items: [{ description: "Refused to execute inline script" }] } },
        "inspector-issues": { score: 0, scoreDisplayMode: "binary", details: { items: [{ issueType: "Content security policy" }] } },
        "image-aspect-ratio": { score: 1, scoreDisplayMode: "binary" },
        "csp-xss": { score: null, scoreDisplayMode: "informative" },
      },
    });
    expect(summary).toEqual({
      performance: 63,
      accessibility: 100,
      bestPractices: 96,
      tbtMs: 1490,
      lcpMs: 3500,
      failures: ["errors-in-console", "inspector-issues", "console: Refused to execute inline script", "issue: Content security policy"],
    });
  });
});
