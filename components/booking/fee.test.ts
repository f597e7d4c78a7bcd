import { describe, expect, it } from "vitest";
import { telHref } from "./contact-list";
import { feeAmount, feeSentence } from "./fee";
import { localDateToPickerDate, pickerDateToLocalDate } from "@/components/ui/calendar-dates";

describe("fee wording", () => {
  it("says what a paid visit costs and when it is paid", () => {
    expect(feeSentence(5000, "USD")).toBe("$50.00 per visit, paid online after the clinic approves");
    expect(feeAmount(5000, "EUR")).toBe("€50.00");
  });

  it("says Free for a free clinic", () => {
    expect(feeSentence(0, "USD")).toBe("Free");
  });

  it("still reads as money for a currency we don't format", () => {
    expect(feeAmount(1250, "XYZ")).toBe("12.50 XYZ");
  });
});

describe("contact links", () => {
  it("dials the digits of a formatted number", () => {
    expect(telHref("+1 (718) 555-0142")).toBe("tel:+17185550142");
  });
});

describe("calendar dates", () => {
  it("round-trips a clinic date through the picker's Date in any process zone", () => {
    for (const date of ["2025-12-02", "2026-03-08", "2026-11-01", "2028-02-29", "0999-01-01"]) {
      expect(pickerDateToLocalDate(localDateToPickerDate(date))).toBe(date);
    }
  });
});
