import { describe, expect, it } from "vitest";
import { clockOffsetMs } from "./clock";

describe("the app clock's offset", () => {
  it("is honoured only against the local Firestore", () => {
    expect(clockOffsetMs({ APP_CLOCK_OFFSET_MS: "3600000", FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" })).toBe(3_600_000);
    expect(clockOffsetMs({ APP_CLOCK_OFFSET_MS: "-86400000", FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" })).toBe(-86_400_000);
    expect(clockOffsetMs({ APP_CLOCK_OFFSET_MS: "3600000" })).toBe(0); // production: never moved
    expect(clockOffsetMs({ FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" })).toBe(0);
  });

  it("refuses a value that is not a whole number of milliseconds", () => {
    for (const raw of ["1.5", "soon", "1e400"]) {
      expect(() => clockOffsetMs({ APP_CLOCK_OFFSET_MS: raw, FIRESTORE_EMULATOR_HOST: "x" })).toThrow(/APP_CLOCK_OFFSET_MS/);
    }
  });
});
