import { describe, expect, it } from "vitest";
import { clinicHolidays } from "./holidays";

// The real date-holidays data, through the clinic's zone → country.
describe("clinicHolidays", () => {
  it("offers a US clinic Thanksgiving and Christmas, and no observances", () => {
    const { country, holidays } = clinicHolidays("America/Chicago", "2026-11-01");
    expect(country).toBe("US");
    expect(holidays).toContainEqual({ date: "2026-11-26", name: "Thanksgiving Day" });
    expect(holidays).toContainEqual({ date: "2026-12-25", name: "Christmas Day" });
    // Twelve months: next year's Independence Day, not the one after the window.
    expect(holidays).toContainEqual({ date: "2027-07-05", name: "Independence Day (substitute day)" });
    expect(holidays.every((h) => h.date >= "2026-11-01" && h.date <= "2027-11-01")).toBe(true);
    expect(holidays.map((h) => h.name)).not.toContain("Halloween");
  });

  it("always includes Christmas, even the day after one (a leap year's 366 days)", () => {
    expect(clinicHolidays("America/Chicago", "2027-12-26").holidays).toContainEqual({ date: "2028-12-25", name: "Christmas Day" });
  });

  it("follows the zone's country (London: bank holidays)", () => {
    const { country, holidays } = clinicHolidays("Europe/London", "2026-01-01");
    expect(country).toBe("GB");
    expect(holidays).toContainEqual({ date: "2026-12-28", name: "Boxing Day (substitute day)" });
    expect(holidays.map((h) => h.name)).not.toContain("Thanksgiving Day");
  });

  it("offers nothing without a country", () => {
    expect(clinicHolidays("UTC", "2026-01-01")).toEqual({ country: null, holidays: [] });
  });
});
