import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BusySweep, normalizeBusy } from "./busy-time";

describe("normalizeBusy", () => {
  it("sorts, merges overlapping and touching intervals, drops empty ones", () => {
    expect(
      normalizeBusy([
        { start: 50, end: 60 },
        { start: 10, end: 20 },
        { start: 15, end: 30 },
        { start: 30, end: 35 },
        { start: 40, end: 40 },
        { start: 45, end: 44 },
      ]),
    ).toEqual([
      { start: 10, end: 35 },
      { start: 50, end: 60 },
    ]);
  });
});

describe("BusySweep", () => {
  it("agrees with a brute-force scan for non-decreasing queries", () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), fc.array(interval, { maxLength: 30 }), (busyRaw, queriesRaw) => {
        const busy = busyRaw.map(([s, len]) => ({ start: s, end: s + len }));
        const sweep = new BusySweep(normalizeBusy(busy));
        const queries = queriesRaw.map(([s, len]) => [s, s + len] as const).sort((a, b) => a[0] - b[0]);
        for (const [start, end] of queries) {
          const expected = busy.some((b) => b.end > b.start && b.start < end && start < b.end);
          expect(sweep.overlaps(start, end)).toBe(expected);
        }
      }),
    );
  });
});
