import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRANULE_MS, granuleKey, granulesToBusyIntervals, lockGranuleStarts } from "./lock-granules";

const at = (text: string) => Date.parse(text);
const MINUTE = 60_000;

describe("lockGranuleStarts", () => {
  it("covers the slot and its buffer with 5-minute granules", () => {
    const slot = { start: at("2027-03-01T14:00:00Z"), end: at("2027-03-01T14:15:00Z") };
    expect(lockGranuleStarts(slot, 5).map((g) => new Date(g).toISOString().slice(11, 16))).toEqual([
      "14:00", "14:05", "14:10", "14:15",
    ]);
    expect(lockGranuleStarts(slot, 0)).toHaveLength(3);
  });

  it("rounds misaligned edges outwards, so a lock never under-covers", () => {
    const slot = { start: at("2027-03-01T14:02:00Z"), end: at("2027-03-01T14:11:00Z") };
    expect(lockGranuleStarts(slot, 0).map((g) => new Date(g).toISOString().slice(11, 16))).toEqual(["14:00", "14:05", "14:10"]);
  });

  it("round-trips through granulesToBusyIntervals for aligned slots", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }), // granule index (up to ~2008)
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 24 }),
        (g, slotGranules, bufferGranules) => {
          const slot = { start: g * GRANULE_MS, end: (g + slotGranules) * GRANULE_MS };
          const granules = lockGranuleStarts(slot, bufferGranules * 5);
          expect(granules).toHaveLength(slotGranules + bufferGranules);
          expect(granulesToBusyIntervals(granules)).toEqual([{ start: slot.start, end: slot.end + bufferGranules * GRANULE_MS }]);
        },
      ),
    );
  });
});

describe("granulesToBusyIntervals", () => {
  it("sorts, de-duplicates and merges adjacent granules", () => {
    const g = (hhmm: string) => at(`2027-03-01T${hhmm}:00Z`);
    expect(granulesToBusyIntervals([g("10:10"), g("09:00"), g("09:05"), g("09:05"), g("10:15")])).toEqual([
      { start: g("09:00"), end: g("09:10") },
      { start: g("10:10"), end: g("10:20") },
    ]);
    expect(granulesToBusyIntervals([])).toEqual([]);
  });
});

describe("granuleKey", () => {
  it("is yyyyMMddHHmm in UTC", () => {
    expect(granuleKey(at("2027-03-01T04:05:00Z"))).toBe("202703010405");
  });
});

describe("the 5-minute assumption", () => {
  // Slot edges are wall time - offset; wall times are multiples of 5 minutes
  // (schema), so edges fall on granules iff every offset is one too.
  it("holds for every IANA zone's offsets in 2025–2030 (weekly samples)", () => {
    const offending: string[] = [];
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2031, 0, 1); t += 7 * 24 * 60 * MINUTE) {
        const name = f.formatToParts(t).find((p) => p.type === "timeZoneName")!.value; // "GMT+05:45"
        const minutes = name === "GMT" ? 0 : Number(name.slice(7, 9));
        if (!/^GMT([+-]\d{2}:\d{2})?$/.test(name) || minutes % 5 !== 0) offending.push(`${zone} ${name}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
