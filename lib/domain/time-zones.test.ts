import { describe, expect, it } from "vitest";
import { normalizeTimeZone } from "./clinic-settings";
import { countryForZone, currencyForZone, formatOffset, parseOffset, searchTimeZones, zoneCity, zoneForCity } from "./time-zones";
import { ZONE_COUNTRY } from "./zone-data";

const ZONES = [...Intl.supportedValuesOf("timeZone"), "UTC"];
const JANUARY = Date.UTC(2026, 0, 15, 12);
const JULY = Date.UTC(2026, 6, 15, 12);
const zonesOf = (query: string, now = JANUARY, limit?: number) => searchTimeZones(query, ZONES, now, limit).map((m) => m.zone);

describe("zone → country → currency", () => {
  it("knows the country of every zone this runtime lists under an Area/City name", () => {
    const missing = ZONES.filter((zone) => /^(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//.test(zone) && !countryForZone(zone));
    expect(missing).toEqual([]);
    expect(Object.keys(ZONE_COUNTRY).length).toBeGreaterThan(350);
  });

  it("reads old names through their links", () => {
    expect(countryForZone("Asia/Calcutta")).toBe("IN");
    expect(countryForZone("Europe/Kiev")).toBe("UA");
    expect(countryForZone("UTC")).toBeNull();
  });

  it("defaults the currency from the zone's country", () => {
    expect(currencyForZone("Europe/London")).toBe("GBP");
    expect(currencyForZone("Europe/Paris")).toBe("EUR");
    expect(currencyForZone("Europe/Berlin")).toBe("EUR");
    expect(currencyForZone("America/Chicago")).toBe("USD");
    expect(currencyForZone("America/Toronto")).toBe("CAD");
    expect(currencyForZone("Australia/Sydney")).toBe("AUD");
    expect(currencyForZone("Pacific/Auckland")).toBe("NZD");
    expect(currencyForZone("Europe/Zurich")).toBe("CHF");
    expect(currencyForZone("Asia/Tokyo")).toBe("JPY");
    // A currency the app doesn't support leaves the choice alone.
    expect(currencyForZone("Asia/Kolkata")).toBeNull();
    expect(currencyForZone("UTC")).toBeNull();
  });
});

describe("searchTimeZones", () => {
  it("finds a zone by city, first", () => {
    expect(zonesOf("Chicago")[0]).toBe("America/Chicago");
    expect(zonesOf("london")[0]).toBe("Europe/London");
    expect(zonesOf("new york")[0]).toBe("America/New_York");
    expect(zonesOf("sao paulo")[0]).toBe("America/Sao_Paulo");
    expect(zoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
  });

  it("finds zones by country name", () => {
    expect(zonesOf("Germany")).toContain("Europe/Berlin");
    expect(zonesOf("United Kingdom")).toEqual(["Europe/London"]);
    expect(zonesOf("Britain")).toEqual(["Europe/London"]);
  });

  it("finds zones by their offset now, in any common spelling", () => {
    for (const query of ["GMT-5", "UTC-5", "-05:00", "gmt -5", "-0500"]) {
      const found = zonesOf(query, JANUARY, 500);
      expect(found, query).toContain("America/New_York");
      expect(found, query).not.toContain("America/Chicago");
    }
    // In July New York is GMT-4 and Chicago is GMT-5.
    expect(zonesOf("GMT-5", JULY, 500)).toContain("America/Chicago");
    expect(zonesOf("+01:00", JANUARY, 500)).toContain("Europe/Paris");
    expect(zonesOf("+05:30", JANUARY, 500)).toContain(ZONES.includes("Asia/Kolkata") ? "Asia/Kolkata" : "Asia/Calcutta");
  });

  it("labels each match with city, country and offset", () => {
    expect(searchTimeZones("London", ZONES, JANUARY)[0]!.label).toBe("London · United Kingdom · GMT now");
    expect(searchTimeZones("Chicago", ZONES, JANUARY)[0]).toEqual({
      zone: "America/Chicago",
      label: "Chicago · United States · GMT-6 now",
    });
    expect(searchTimeZones("", ZONES, JANUARY)).toEqual([]);
  });

  it("parses and prints offsets", () => {
    expect(parseOffset("GMT+5:30")).toBe(330);
    expect(parseOffset("utc")).toBe(0);
    expect(parseOffset("London")).toBeNull();
    expect(parseOffset("+15")).toBeNull();
    expect(formatOffset(-300)).toBe("GMT-5");
    expect(formatOffset(345)).toBe("GMT+5:45");
  });
});

describe("a typed city is accepted as its zone", () => {
  it("resolves a city that names one zone", () => {
    expect(zoneForCity("Chicago", ZONES)).toBe("America/Chicago");
    expect(normalizeTimeZone("London")).toBe("Europe/London");
    expect(normalizeTimeZone(" chicago ")).toBe("America/Chicago");
    expect(normalizeTimeZone("EST")).toBeNull();
    expect(normalizeTimeZone("Atlantis")).toBeNull();
  });
});
