import { describe, expect, it } from "vitest";
import { statusPageAfterBooking } from "./request-confirmation";

describe("statusPageAfterBooking", () => {
  it("keeps the path and token, adds the Request sent flag, and stays on the current origin", () => {
    expect(statusPageAfterBooking("https://clinic.example/appointments/Xq3abc?t=tok-EN_1")).toBe(
      "/appointments/Xq3abc?t=tok-EN_1&sent=1",
    );
  });

  it("works with a relative link too", () => {
    expect(statusPageAfterBooking("/appointments/Xq3abc?t=abc")).toBe("/appointments/Xq3abc?t=abc&sent=1");
  });
});
