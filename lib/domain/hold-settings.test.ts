import { describe, expect, it } from "vitest";
import { holdSettingsSchema } from "./hold-settings";

describe("holdSettingsSchema", () => {
  it("reads the form's strings", () => {
    expect(holdSettingsSchema.parse({ holdHours: "24", ipRequestsPerHour: "10" })).toEqual({
      holdHours: 24,
      holdOpeningHoursOnly: false,
      ipRequestsPerHour: 10,
      requireEmailConfirmation: false,
    });
    expect(holdSettingsSchema.parse({ holdHours: " 8 ", holdOpeningHoursOnly: "on", ipRequestsPerHour: "1000", requireEmailConfirmation: "on" })).toEqual({
      holdHours: 8,
      holdOpeningHoursOnly: true,
      ipRequestsPerHour: 1000,
      requireEmailConfirmation: true,
    });
  });
  it("refuses out-of-range or non-whole values with a plain message", () => {
    for (const holdHours of ["0", "73", "1.5", "", "x"]) {
      expect(holdSettingsSchema.safeParse({ holdHours, ipRequestsPerHour: "10" }).success, holdHours).toBe(false);
    }
    const result = holdSettingsSchema.safeParse({ holdHours: "100", ipRequestsPerHour: "0" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["holdHours", "Use 1 to 72."],
      ["ipRequestsPerHour", "Use 1 to 1000."],
    ]);
  });
});
