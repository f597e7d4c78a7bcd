import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../slots/local-time";
import { DEFAULT_REQUEST_DAYS, requestCutoffMs, retentionOf, retentionSettingsSchema, visitCutoffMs } from "./retention";

describe("retention settings", () => {
  it("default to 90 days for requests and no period for visits", () => {
    expect(retentionOf({})).toEqual({ requestDays: DEFAULT_REQUEST_DAYS, visitYears: null });
    expect(retentionOf(undefined)).toEqual({ requestDays: 90, visitYears: null });
    expect(retentionOf({ retentionRequestDays: 30, retentionVisitYears: 10 })).toEqual({ requestDays: 30, visitYears: 10 });
    expect(retentionOf({ retentionRequestDays: 0, retentionVisitYears: "7" })).toEqual({ requestDays: 90, visitYears: null });
  });

  it("parse the form: whole days 1 to 3650, years blank or 1 to 100", () => {
    expect(retentionSettingsSchema.parse({ requestDays: " 30 ", visitYears: "" })).toEqual({ requestDays: 30, visitYears: null });
    expect(retentionSettingsSchema.parse({ requestDays: "90", visitYears: "10" })).toEqual({ requestDays: 90, visitYears: 10 });
    for (const bad of [{ requestDays: "0" }, { requestDays: "3651" }, { requestDays: "1.5" }, { requestDays: "30", visitYears: "0" }, { requestDays: "30", visitYears: "x" }]) {
      expect(retentionSettingsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("cutoffs", () => {
  it("a request is past its period exactly N days after it ended", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 3650 }), (now, days) => {
        expect(now - requestCutoffMs(now, days)).toBe(days * DAY_MS);
      }),
    );
  });

  it("a visit is past its period on the same UTC date N years on, and more years never erase more", () => {
    expect(new Date(visitCutoffMs(Date.parse("2030-03-01T10:00:00Z"), 10)).toISOString()).toBe("2020-03-01T10:00:00.000Z");
    fc.assert(
      fc.property(fc.integer({ min: 1e12, max: 4e12 }), fc.integer({ min: 1, max: 99 }), (now, years) => {
        expect(visitCutoffMs(now, years + 1)).toBeLessThan(visitCutoffMs(now, years));
        expect(now - visitCutoffMs(now, years)).toBeGreaterThanOrEqual(years * 365 * DAY_MS);
      }),
    );
  });
});
