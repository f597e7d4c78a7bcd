import { describe, expect, it } from "vitest";
import { clockOffsetFor, DEFAULT_E2E_CLOCK } from "./clock";

describe("the e2e suite's clock setting", () => {
  const realNow = Date.parse("2026-12-04T15:00:00Z");

  it("moves the app to the given instant", () => {
    expect(realNow + clockOffsetFor("2027-01-16T11:00:00-05:00", realNow)).toBe(Date.parse("2027-01-16T16:00:00Z"));
    expect(realNow + clockOffsetFor(undefined, realNow)).toBe(Date.parse(DEFAULT_E2E_CLOCK));
  });

  it("leaves the machine's clock alone for 'real'", () => {
    expect(clockOffsetFor("real", realNow)).toBe(0);
  });

  it("refuses a moment without a zone, or no moment at all", () => {
    expect(() => clockOffsetFor("2027-01-16T11:00:00", realNow)).toThrow(/zone offset/);
    expect(() => clockOffsetFor("tomorrow+05:00", realNow)).toThrow(/not an ISO/);
  });
});
