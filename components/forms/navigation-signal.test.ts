import { notFound, redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { isNavigationSignal } from "./navigation-signal";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("isNavigationSignal", () => {
  it("recognises the redirect a successful sign-up or invite acceptance ends with", () => {
    expect(isNavigationSignal(thrown(() => redirect("/dashboard?welcome=1")))).toBe(true);
    expect(isNavigationSignal(thrown(() => notFound()))).toBe(true);
  });

  it("leaves real failures to the form's error path", () => {
    expect(isNavigationSignal(new TypeError("Failed to fetch"))).toBe(false);
    expect(isNavigationSignal(new Error("boom"))).toBe(false);
    expect(isNavigationSignal(undefined)).toBe(false);
  });
});
