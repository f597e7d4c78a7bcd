import { describe, expect, it } from "vitest";
import { isValidSlug, slugSchema } from "./slug";

describe("slugSchema", () => {
  it.each(["demo", "demo-free", "clinic-42", "abc", "a".repeat(40)])("accepts %s", (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each([
    ["ab", "at least 3"],
    ["a".repeat(41), "at most 40"],
    ["Demo", "lowercase"],
    ["-demo", "lowercase"],
    ["demo-", "lowercase"],
    ["de--mo", "lowercase"],
    ["dé-mo", "lowercase"],
    ["dashboard", "reserved"],
    ["api", "reserved"],
  ])("rejects %s", (slug, message) => {
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
