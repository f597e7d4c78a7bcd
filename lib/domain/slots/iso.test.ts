import { describe, expect, it } from "vitest";
import { parseIsoInstant, slotToIso, toIsoUtc } from "./iso";

describe("ISO-8601 UTC helpers", () => {
  it("formats epoch ms as UTC", () => {
    expect(toIsoUtc(Date.UTC(2027, 2, 1, 14))).toBe("2027-03-01T14:00:00.000Z");
    expect(slotToIso({ start: 0, end: 900_000 })).toEqual({ start: "1970-01-01T00:00:00.000Z", end: "1970-01-01T00:15:00.000Z" });
  });

  it("parses instants with Z or an offset", () => {
    expect(parseIsoInstant("2027-03-01T14:00:00.000Z")).toBe(Date.UTC(2027, 2, 1, 14));
    expect(parseIsoInstant("2027-03-01T09:00-05:00")).toBe(Date.UTC(2027, 2, 1, 14));
  });

  it.each(["2027-03-01T14:00:00", "2027-03-01", "yesterday", "2027-13-01T00:00Z"])("refuses %s", (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});
