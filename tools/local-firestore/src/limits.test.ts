import { describe, expect, it } from "vitest";
import { checkDocument, checkResourceId, documentNameSize, documentSize } from "./limits";
import type { FieldMap, FsValue } from "./values";

const str = (v: string): FsValue => ({ t: "string", v });

describe("storage size, as documented (firebase.google.com/docs/firestore/storage-size)", () => {
  it("matches the documented example: users/jeff/tasks/my_task_id is 147 bytes", () => {
    const segments = ["users", "jeff", "tasks", "my_task_id"];
    expect(documentNameSize(segments)).toBe(44);
    const fields: FieldMap = new Map<string, FsValue>([
      ["type", str("Personal")],
      ["done", { t: "bool", v: false }],
      ["priority", { t: "int", v: 1n }],
      ["description", str("Learn Cloud Firestore")],
    ]);
    expect(documentSize(segments, fields)).toBe(147);
  });

  it("counts numeric ids as 8 bytes, strings by UTF-8 bytes + 1, maps and arrays by their contents", () => {
    expect(documentNameSize(["Task", "__id5__"])).toBe(5 + 8 + 16);
    const fields: FieldMap = new Map<string, FsValue>([
      ["é", str("日本")], // 3 + 7
      ["m", { t: "map", v: new Map<string, FsValue>([["k", { t: "null" }]]) }], // 2 + (2 + 1)
      ["a", { t: "array", v: [{ t: "double", v: 1 }, { t: "geo", lat: 0, lng: 0 }] }], // 2 + 8 + 16
      ["b", { t: "bytes", v: new Uint8Array(10) }], // 2 + 10
      ["r", { t: "ref", v: "projects/p/databases/(default)/documents/c/d" }], // 2 + (2 + 2 + 16)
    ]);
    expect(documentSize(["c", "d"], fields) - (2 + 2 + 16) - 32).toBe(10 + 5 + 26 + 12 + 22);
  });
});

describe("ids", () => {
  it.each(["__x__", "____", "__.*__", "__id__", "__idx1__"])("refuses the reserved id %s", (id) => {
    expect(() => checkResourceId(id)).toThrow(/reserved/);
  });
  it.each([".", ".."])("refuses %s", (id) => expect(() => checkResourceId(id)).toThrow());
  it("refuses an id over 1,500 bytes, accepts 1,500", () => {
    expect(() => checkResourceId("a".repeat(1500))).not.toThrow();
    expect(() => checkResourceId("é".repeat(751))).toThrow(/1500 bytes/);
  });
  it.each(["__x", "x__", "_x_", "__id7__", "__id-9223372036854775808__", "a.b"])("accepts %s", (id) => {
    expect(() => checkResourceId(id)).not.toThrow();
  });
});

describe("checkDocument", () => {
  /** A value nested in `levels` maps: { l1: { l2: ... { lN: 1 } } }, as the document's fields. */
  const nestedMaps = (levels: number): FieldMap => {
    let value: FsValue = { t: "int", v: 1n };
    for (let i = levels; i >= 2; i--) value = { t: "map", v: new Map([[`l${i}`, value]]) };
    return new Map([["l1", value]]);
  };
  it("allows 20 levels below a top-level field and refuses 21 (maps or arrays)", () => {
    expect(() => checkDocument("d", ["c", "d"], nestedMaps(21))).not.toThrow();
    expect(() => checkDocument("d", ["c", "d"], nestedMaps(22))).toThrow(/more than 20/);
    let array: FsValue = { t: "int", v: 1n };
    for (let i = 0; i < 21; i++) array = { t: "array", v: [array] };
    expect(() => checkDocument("d", ["c", "d"], new Map([["a", array]]))).toThrow(/more than 20/);
  });
});
