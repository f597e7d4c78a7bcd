import { describe, expect, it } from "vitest";
import { FieldEditor, parseFieldPath, projectFields } from "./field-path";
import type { FieldMap, FsValue } from "./values";

describe("parseFieldPath", () => {
  it("splits dotted paths and honours backtick quoting and escapes", () => {
    expect(parseFieldPath("a.b.c")).toEqual(["a", "b", "c"]);
    expect(parseFieldPath("`a.b`.c")).toEqual(["a.b", "c"]);
    expect(parseFieldPath("`we\\`ird`.`back\\\\slash`")).toEqual(["we`ird", "back\\slash"]);
    expect(parseFieldPath("``")).toEqual([""]);
  });

  it("rejects malformed paths", () => {
    expect(() => parseFieldPath("a..b")).toThrow(/empty segment/);
    expect(() => parseFieldPath("`open")).toThrow(/unclosed/);
    expect(() => parseFieldPath("")).toThrow();
  });
});

describe("FieldEditor", () => {
  const str = (v: string): FsValue => ({ t: "string", v });
  const nested = (): FieldMap => new Map([["m", { t: "map", v: new Map([["a", str("1")], ["b", str("2")]]) }]]);

  it("edits copies and leaves the stored map untouched", () => {
    const base = nested();
    const editor = new FieldEditor(base);
    editor.delete(["m", "a"]);
    editor.set(["m", "c", "d"], str("new"));
    editor.set(["top"], str("t"));
    expect([...(base.get("m") as { v: FieldMap }).v.keys()]).toEqual(["a", "b"]);
    const m = editor.root.get("m") as { v: FieldMap };
    expect([...m.v.keys()]).toEqual(["b", "c"]);
    expect(editor.get(["m", "c", "d"])).toEqual(str("new"));
    expect(base.has("top")).toBe(false);
  });

  it("replaces a non-map value when setting below it; deleting below a non-map is a no-op", () => {
    const editor = new FieldEditor(new Map([["x", str("scalar")]]));
    editor.delete(["x", "y"]);
    expect(editor.get(["x"])).toEqual(str("scalar"));
    editor.set(["x", "y"], str("v"));
    expect(editor.get(["x", "y"])).toEqual(str("v"));
  });

  it("projects only the requested paths", () => {
    const out = projectFields(nested(), [["m", "b"], ["missing"]]);
    expect([...out.keys()]).toEqual(["m"]);
    expect([...(out.get("m") as { v: FieldMap }).v.keys()]).toEqual(["b"]);
  });
});
