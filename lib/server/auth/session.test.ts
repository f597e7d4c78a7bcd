import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./session";

const allowed = { appUrl: "https://clinic.example/", requestUrl: "http://10.0.0.5:8080/api/session", host: "clinic.example" };

describe("isAllowedOrigin", () => {
  it("accepts the app's public origin, the request's own origin and its Host", () => {
    expect(isAllowedOrigin("https://clinic.example", allowed)).toBe(true);
    expect(isAllowedOrigin("http://10.0.0.5:8080", allowed)).toBe(true);
    expect(isAllowedOrigin("http://127.0.0.1:3100", { ...allowed, host: "127.0.0.1:3100" })).toBe(true);
  });

  it("refuses a missing, opaque, foreign or look-alike origin", () => {
    for (const origin of [null, "", "null", "https://evil.example", "https://clinic.example.evil.test", "http://clinic.example:81", "file:///x", "not a url"]) {
      expect(isAllowedOrigin(origin, allowed), String(origin)).toBe(false);
    }
  });

  it("compares the public origin including its scheme", () => {
    expect(isAllowedOrigin("http://clinic.example", { ...allowed, host: null })).toBe(false);
  });
});
