import { describe, expect, it } from "vitest";
import { describeZoneChange } from "./zone-change";

const JANUARY = Date.UTC(2026, 0, 15, 12);

describe("describeZoneChange", () => {
  it("says nothing when the zone stays", () => {
    expect(describeZoneChange("America/New_York", "America/New_York", 3, JANUARY)).toBeNull();
  });

  it("says the hours move with the zone and the appointments don't, with how many there are", () => {
    expect(describeZoneChange("America/New_York", "America/Chicago", 3, JANUARY)).toEqual({
      title: "Changing the time zone to Chicago time",
      hours:
        "Every doctor's weekly hours keep their clock times, now in Chicago time: 9:00 AM New York time becomes 9:00 AM Chicago time, which is 10:00 AM New York time — 1 hour later than today. Check each doctor's hours after saving.",
      appointments:
        "The 3 upcoming appointments keep their exact times: nobody's visit moves, but on the new zone's clock they read 1 hour earlier.",
    });
  });

  it("handles one appointment, none, half hours and eastward moves", () => {
    const toLondon = describeZoneChange("America/New_York", "Europe/London", 1, JANUARY)!;
    expect(toLondon.hours).toContain("9:00 AM London time, which is 4:00 AM New York time — 5 hours earlier than today");
    expect(toLondon.appointments).toBe(
      "The upcoming appointment keeps its exact time: nobody's visit moves, but on the new zone's clock it reads 5 hours later.",
    );
    expect(describeZoneChange("Asia/Dubai", "Asia/Kolkata", 0, JANUARY)!.appointments).toBe("There are no upcoming appointments.");
    expect(describeZoneChange("Asia/Dubai", "Asia/Kolkata", 0, JANUARY)!.hours).toContain("1.5 hours earlier");
  });

  it("says when both zones read the same today", () => {
    const same = describeZoneChange("America/New_York", "America/Toronto", 2, JANUARY)!;
    expect(same.hours).toContain("nothing moves for now");
    expect(same.appointments).toBe("The 2 upcoming appointments keep their exact times: nobody's visit moves.");
  });
});
