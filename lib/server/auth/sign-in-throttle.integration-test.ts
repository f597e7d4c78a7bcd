import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { clearAuth } from "@/tests/helpers/dashboard-fixtures";
import { SIGN_IN_MAX_FAILURES, throttledPasswordCheck } from "./sign-in-throttle";

// The throttle in front of the one server path that still checks a password
// (accepting an invite with an existing account). `check` stands in for the
// password check and counts how often it ran.

beforeAll(async () => {
  await clearAuth();
});

const wrongPassword = (counter: { checks: number }) => async () => {
  counter.checks += 1;
  throw new AppError("unauthenticated", "Wrong email or password.");
};

const base = new Date("2031-01-01T00:00:00Z");
const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);

describe("throttledPasswordCheck", () => {
  it("40 parallel wrong passwords for one email: exactly 10 are checked, the other 30 refused", async () => {
    const counter = { checks: 0 };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => throttledPasswordCheck("burst@a.test", `198.51.100.${i}`, wrongPassword(counter), at(0))),
    );
    const codes = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as AppError).code : "passed"));
    expect(counter.checks).toBe(SIGN_IN_MAX_FAILURES);
    expect(codes.filter((code) => code === "unauthenticated")).toHaveLength(SIGN_IN_MAX_FAILURES);
    expect(codes.filter((code) => code === "rate_limited")).toHaveLength(40 - SIGN_IN_MAX_FAILURES);
  });

  it("counts per client address too, whatever the emails", async () => {
    const counter = { checks: 0 };
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      await expect(throttledPasswordCheck(`someone${i}@a.test`, "203.0.113.7", wrongPassword(counter), at(0))).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    await expect(throttledPasswordCheck("fresh@a.test", "203.0.113.7", async () => "ok", at(1))).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/try again in 14 minutes\.$/),
    });
    await expect(throttledPasswordCheck("fresh@a.test", "203.0.113.8", async () => "ok", at(1))).resolves.toBe("ok");
    expect(counter.checks).toBe(SIGN_IN_MAX_FAILURES);
  });

  it("a correct password clears the email's count; 15 minutes later the email may try again", async () => {
    const counter = { checks: 0 };
    for (let i = 0; i < 9; i++) {
      await expect(throttledPasswordCheck("reset@a.test", `192.0.2.${i}`, wrongPassword(counter), at(0))).rejects.toBeInstanceOf(AppError);
    }
    await throttledPasswordCheck("reset@a.test", "192.0.2.100", async () => "ok", at(1));
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      await expect(throttledPasswordCheck("reset@a.test", `192.0.2.${i + 20}`, wrongPassword(counter), at(2))).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    await expect(throttledPasswordCheck("reset@a.test", "192.0.2.101", async () => "ok", at(3))).rejects.toMatchObject({ code: "rate_limited" });
    await expect(throttledPasswordCheck("reset@a.test", "192.0.2.101", async () => "ok", at(17))).resolves.toBe("ok");
  });
});
