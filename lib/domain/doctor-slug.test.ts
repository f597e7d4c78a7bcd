import { describe, expect, it } from "vitest";
import { doctorSlugCandidate, doctorSlugFromName, doctorSlugSchema } from "./doctor-slug";
import { isValidSlug } from "./slug";

describe("doctorSlugFromName", () => {
  it.each([
    ["Dr. Amara Okafor", "dr-amara-okafor"],
    ["  Dr.  Lucas   Moreau ", "dr-lucas-moreau"],
    ["Zoë Ñúñez-García", "zoe-nunez-garcia"],
    ["Günther Straße", "gunther-strasse"],
    ["Li", "dr-li"],
    ["Admin", "dr-admin"],
    ["李", "doctor"],
    ["", "doctor"],
    ["Dr. Maximilian Alexander Konstantin von Hohenberg-Schwarzenfels", "dr-maximilian-alexander-konstantin-von"],
  ])("%j → %s", (name, slug) => {
    expect(doctorSlugFromName(name)).toBe(slug);
    expect(isValidSlug(slug)).toBe(true);
  });
});

describe("doctorSlugCandidate", () => {
  it("adds -2, -3, … and keeps within 40 characters", () => {
    expect(doctorSlugCandidate("dr-li", 1)).toBe("dr-li");
    expect(doctorSlugCandidate("dr-li", 2)).toBe("dr-li-2");
    const long = "dr-maximilian-alexander-konstantin-von-h";
    expect(long).toHaveLength(40);
    expect(doctorSlugCandidate(long, 12)).toBe("dr-maximilian-alexander-konstantin-vo-12");
    expect(isValidSlug(doctorSlugCandidate(long, 12))).toBe(true);
  });
});

describe("doctorSlugSchema", () => {
  it("lowercases and trims what was typed", () => {
    expect(doctorSlugSchema.parse("  Dr-Okafor ")).toBe("dr-okafor");
  });
  it.each(["dr okafor", "ab", "-dr", "dashboard"])("rejects %j", (value) => {
    expect(doctorSlugSchema.safeParse(value).success).toBe(false);
  });
});
