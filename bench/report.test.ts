import { describe, expect, it } from "vitest";
import { buildRows, markdownTable, type Latency, type Lighthouse, type Measurements } from "./report";

const latency = (p50: number, p95 = p50 * 2, p99 = p50 * 3): Latency => ({ p50, p95, p99, n: 200 });
const lighthouse = (performance: number, extra: Partial<Lighthouse> = {}): Lighthouse => ({
  performance,
  accessibility: 100,
  bestPractices: 100,
  tbtMs: 100,
  lcpMs: 1500,
  runs: 3,
  ...extra,
});

/** The "today" column: every target but the slot engine's missed. */
const today: Measurements = {
  slotEngine: { medianMs: 0.4, p99Ms: 0.9, naiveOverEngine: 30 },
  ttfb: { home: latency(6.6, 10), clinic: latency(17), doctor: latency(28.8, 36), slots: latency(14.7) },
  throughput: {
    home: { rps: 195, latency: latency(80) },
    clinic: { rps: 63, latency: latency(300) },
    booking: { rps: 59, latency: latency(320), created: 200, other: 0 },
  },
  contention: { requests: 100, created: 1, conflicts: 99, other: 0, latency: latency(500, 700, 839) },
  jsGzip: { home: 191 * 1024, doctor: 255 * 1024, login: 232 * 1024 },
  lighthouse: { clinic: lighthouse(71, { tbtMs: 650, lcpMs: 3800 }), doctor: lighthouse(63, { tbtMs: 1490, bestPractices: 96 }) },
};

/** Every target just met. */
const atTargets: Measurements = {
  slotEngine: { medianMs: 2, p99Ms: 3, naiveOverEngine: 30 },
  ttfb: { home: latency(10), clinic: latency(13), doctor: latency(15), slots: latency(15) },
  throughput: {
    home: { rps: 200, latency: latency(100) },
    clinic: { rps: 140, latency: latency(140) },
    booking: { rps: 100, latency: latency(400), created: 150, other: 0 },
  },
  contention: { requests: 100, created: 1, conflicts: 99, other: 0, latency: latency(200, 300, 400) },
  jsGzip: { home: 191 * 1024, doctor: 216 * 1024, login: 211 * 1024 },
  lighthouse: { clinic: lighthouse(95), doctor: lighthouse(95) },
};

const byWhat = (m: Measurements) => Object.fromEntries(buildRows(m).map((r) => [r.what, r]));

describe("buildRows", () => {
  it("finds the issue's measurements short of every page target", () => {
    const rows = buildRows(today);
    expect(rows.filter((r) => r.met).map((r) => r.what)).toEqual(["slot engine median (60 days, 200 busy)"]);
    expect(rows).toHaveLength(11);
  });

  it("meets every target exactly at its bound", () => {
    expect(buildRows(atTargets).filter((r) => !r.met)).toEqual([]);
  });

  it("states each ratio as the issue does", () => {
    const rows = byWhat(today);
    expect(rows["TTFB p50: doctor page / `/`"]!.measured).toBe("28.8 / 6.6 ms = **4.4×** (p95 3.6×)");
    expect(rows["throughput: clinic page / `/`"]!.measured).toBe("63 / 195 req/s = **32 %**");
    expect(rows["throughput: booking POST, distinct slots / `/`"]!.measured).toBe("59 / 195 req/s = **30 %**, p50 320 ms (4.0× `/`'s)");
    expect(rows["JS gzipped: doctor page − `/`"]!.measured).toBe("255 KB − 191 KB = **+64 KB**");
    expect(rows["100 concurrent bookings of one slot"]!.measured).toBe("1 × 201, 99 × 409, p99 839 ms");
  });

  it("misses the single-slot row on a second 201, even when fast", () => {
    const doubleBooked = { ...atTargets, contention: { ...atTargets.contention, created: 2, conflicts: 98 } };
    expect(byWhat(doubleBooked)["100 concurrent bookings of one slot"]!.met).toBe(false);
  });

  it("misses the single-slot row when a request failed otherwise than 409", () => {
    const failed = { ...atTargets, contention: { ...atTargets.contention, conflicts: 98, other: 1 } };
    expect(byWhat(failed)["100 concurrent bookings of one slot"]!.met).toBe(false);
  });

  it("misses the single-slot row when slow, with the right counts", () => {
    const slow = { ...atTargets, contention: { ...atTargets.contention, latency: latency(200, 300, 401) } };
    expect(byWhat(slow)["100 concurrent bookings of one slot"]!.met).toBe(false);
  });

  it("misses booking throughput when any booking failed, whatever the speed", () => {
    const failed = { ...atTargets, throughput: { ...atTargets.throughput, booking: { ...atTargets.throughput.booking, other: 1 } } };
    const row = byWhat(failed)["throughput: booking POST, distinct slots / `/`"]!;
    expect(row.met).toBe(false);
    expect(row.measured).toMatch(/1 not 201/);
  });

  it("misses Lighthouse on best practices below 100 even with a perfect performance score", () => {
    const m = { ...atTargets, lighthouse: { ...atTargets.lighthouse, doctor: lighthouse(100, { bestPractices: 96 }) } };
    expect(byWhat(m)["Lighthouse mobile, doctor page"]!.met).toBe(false);
  });
});

describe("markdownTable", () => {
  it("prints a header, one line per row, and escapes pipes", () => {
    const table = markdownTable([{ what: "a | b", measured: "1", target: "≤ 2", met: true }, { what: "c", measured: "3", target: "≤ 2", met: false }]);
    expect(table.split("\n")).toEqual(["| what | measured | target | met |", "|---|---|---|---|", "| a \\| b | 1 | ≤ 2 | yes |", "| c | 3 | ≤ 2 | **no** |"]);
  });
});
