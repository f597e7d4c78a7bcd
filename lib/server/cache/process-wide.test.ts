import { describe, expect, it } from "vitest";
import { processWide } from "./process-wide";

describe("processWide", () => {
  it("creates a value once per name and hands every caller the same one", () => {
    let made = 0;
    const first = processWide("test-value", () => ({ made: ++made }));
    const again = processWide("test-value", () => ({ made: ++made }));
    expect(again).toBe(first);
    expect(made).toBe(1);
    expect(processWide("another-test-value", () => "other")).toBe("other");
  });

  it("finds a value created by another copy of the module (another bundle layer)", () => {
    const key = Symbol.for("clinic-app:made-elsewhere");
    (globalThis as Record<symbol, unknown>)[key] = "from another layer";
    expect(processWide("made-elsewhere", () => "a second copy")).toBe("from another layer");
  });
});
