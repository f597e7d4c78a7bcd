import { describe, expect, it } from "vitest";
import { median, percentile, summarize, throughput } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank, never interpolating", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile(samples, 0.95)).toBe(95);
    expect(percentile(samples, 0.99)).toBe(99);
    expect(percentile(samples, 1)).toBe(100);
  });

  it("sorts a copy and leaves the samples in their order", () => {
    const samples = [30, 10, 20];
    expect(percentile(samples, 0.5)).toBe(20);
    expect(samples).toEqual([30, 10, 20]);
  });

  it("answers the maximum for a high percentile of few samples", () => {
    expect(percentile([5, 1, 9], 0.99)).toBe(9);
  });

  it("refuses no samples or a q outside (0, 1]", () => {
    expect(() => percentile([], 0.5)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/q in/);
    expect(() => percentile([1], 1.5)).toThrow(/q in/);
  });
});

describe("summarize and median", () => {
  it("gives the count, percentiles and mean", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, p99: 4, mean: 2.5 });
  });

  it("takes the lower middle of an even count: a value that was measured", () => {
    expect(median([71, 63, 80, 90])).toBe(71);
    expect(median([63, 71, 80])).toBe(71);
  });
});

describe("throughput", () => {
  it("is requests per second of elapsed time", () => {
    expect(throughput(200, 1000)).toBe(200);
    expect(throughput(150, 2500)).toBe(60);
  });

  it("refuses an empty interval", () => {
    expect(() => throughput(1, 0)).toThrow();
  });
});
