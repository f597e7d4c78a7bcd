import { describe, expect, it } from "vitest";
import { weekStartForCountry, weekStartForZone } from "./week-start";
import { COUNTRY_NAMES } from "./zone-data";

describe("weekStartForZone", () => {
  it("starts the week where the clinic is used to", () => {
    expect(weekStartForZone("America/New_York")).toBe(0); // Sunday
    expect(weekStartForZone("America/Chicago")).toBe(0);
    expect(weekStartForZone("Asia/Tokyo")).toBe(0);
    expect(weekStartForZone("Europe/London")).toBe(1); // Monday
    expect(weekStartForZone("Europe/Berlin")).toBe(1);
    expect(weekStartForZone("Australia/Sydney")).toBe(1);
    expect(weekStartForZone("Asia/Riyadh")).toBe(0);
    expect(weekStartForZone("Africa/Cairo")).toBe(6); // Saturday
    // No country (UTC): ISO 8601's Monday.
    expect(weekStartForZone("UTC")).toBe(1);
  });

  it("has a fallback table that agrees with this runtime's CLDR data for every country", () => {
    const disagree = Object.keys(COUNTRY_NAMES).filter((c) => weekStartForCountry(c, false) !== weekStartForCountry(c, true));
    expect(disagree).toEqual([]);
  });

  it("gives Monday for anything that isn't a country code", () => {
    expect(weekStartForCountry(null)).toBe(1);
    expect(weekStartForCountry("usa")).toBe(1);
  });
});
