import { describe, expect, it } from "vitest";
import { closingHolidays, holidaysToOffer } from "./holidays";

const RAW = [
  { date: "2026-02-14 00:00:00", name: "Valentine's Day", type: "observance" },
  { date: "2026-11-26 00:00:00", name: "Thanksgiving Day", type: "public" },
  { date: "2026-12-24 00:00:00", name: "Christmas Eve", type: "optional" },
  { date: "2026-12-25 00:00:00", name: "Christmas Day", type: "public" },
  { date: "2026-12-25 00:00:00", name: "Christmas Day", type: "public" },
  { date: "2026-12-28 00:00:00", name: "Boxing Day (substitute day)", type: "bank" },
  { date: "2027-12-25 00:00:00", name: "Christmas Day", type: "public" },
];

describe("closingHolidays", () => {
  it("keeps public and bank holidays in the window, one per day, in order", () => {
    expect(closingHolidays(RAW, "2026-03-01", "2027-02-28")).toEqual([
      { date: "2026-11-26", name: "Thanksgiving Day" },
      { date: "2026-12-25", name: "Christmas Day" },
      { date: "2026-12-28", name: "Boxing Day (substitute day)" },
    ]);
  });
});

describe("holidaysToOffer", () => {
  it("leaves out days already planned and days gone by", () => {
    const holidays = closingHolidays(RAW, "2026-01-01", "2027-12-31");
    expect(holidaysToOffer(holidays, { "2026-12-25": { closed: true } }, "2026-12-01").map((h) => h.date)).toEqual([
      "2026-12-28",
      "2027-12-25",
    ]);
  });
});
