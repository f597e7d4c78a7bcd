import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = {
  FIREBASE_PROJECT_ID: "demo-clinic",
  FIREBASE_API_KEY: "demo-key",
  APP_URL: "http://localhost:3000",
};

describe("parseEnv", () => {
  it("accepts a complete environment", () => {
    expect(parseEnv(valid).FIREBASE_PROJECT_ID).toBe("demo-clinic");
  });

  it("names every missing variable", () => {
    expect(() => parseEnv({ APP_URL: "http://localhost:3000" })).toThrow(
      /FIREBASE_PROJECT_ID: missing[\s\S]*FIREBASE_API_KEY: missing/,
    );
  });

  it("explains a malformed variable", () => {
    expect(() => parseEnv({ ...valid, APP_URL: "not a url" })).toThrow(/APP_URL: (?!missing)/);
  });
});
