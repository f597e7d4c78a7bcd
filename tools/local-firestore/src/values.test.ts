import { describe, expect, it } from "vitest";
import { compareSegment, compareUtf8, compareValues, type FsValue, queryEquals, strictEquals } from "./values";

const int = (v: bigint | number): FsValue => ({ t: "int", v: BigInt(v) });
const dbl = (v: number): FsValue => ({ t: "double", v });

describe("compareValues", () => {
  it("orders types null < bool < number < timestamp < string < bytes < ref < geo < array < map", () => {
    const ordered: FsValue[] = [
      { t: "null" },
      { t: "bool", v: true },
      int(-5),
      { t: "ts", s: 0, n: 0 },
      { t: "string", v: "" },
      { t: "bytes", v: new Uint8Array() },
      { t: "ref", v: "projects/p/databases/d/documents/a/b" },
      { t: "geo", lat: 0, lng: 0 },
      { t: "array", v: [] },
      { t: "map", v: new Map() },
    ];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareValues(ordered[i] as FsValue, ordered[i + 1] as FsValue)).toBe(-1);
      expect(compareValues(ordered[i + 1] as FsValue, ordered[i] as FsValue)).toBe(1);
    }
  });

  it("compares int64 and doubles exactly, with NaN first", () => {
    expect(compareValues(dbl(Number.NaN), dbl(Number.NEGATIVE_INFINITY))).toBe(-1);
    expect(compareValues(dbl(Number.NaN), int(-(2n ** 63n)))).toBe(-1);
    expect(compareValues(int(1), dbl(1))).toBe(0);
    expect(compareValues(int(1), dbl(1.5))).toBe(-1);
    expect(compareValues(dbl(-0), int(0))).toBe(0);
    // 2^53 + 1 is not representable as a double; the comparison must not round it.
    expect(compareValues(int(2n ** 53n + 1n), dbl(2 ** 53))).toBe(1);
    expect(compareValues(int(2n ** 63n - 1n), dbl(2 ** 63))).toBe(-1);
    expect(compareValues(dbl(Number.POSITIVE_INFINITY), int(2n ** 63n - 1n))).toBe(1);
  });

  it("orders strings by UTF-8 bytes, not UTF-16 code units", () => {
    expect("\uff5a" < "😀").toBe(false); // JS disagrees with Firestore here
    expect(compareUtf8("\uff5a", "😀")).toBe(-1);
    expect(compareUtf8("a", "ab")).toBe(-1);
    expect(compareUtf8("é", "z")).toBe(1);
  });

  it("orders numeric document ids before string ids", () => {
    expect(compareSegment("__id5__", "__id10__")).toBe(-1);
    expect(compareSegment("__id-9223372036854775808__", "A")).toBe(-1);
    expect(compareSegment("a", "__id1__")).toBe(1);
  });

  it("compares references segment by segment", () => {
    const ref = (p: string): FsValue => ({ t: "ref", v: `projects/p/databases/d/documents/${p}` });
    expect(compareValues(ref("a/b"), ref("a/b/c/d"))).toBe(-1);
    expect(compareValues(ref("a/b/c/d"), ref("a0/x"))).toBe(-1); // "a" < "a0" decides, not "a/" vs "a0"
  });

  it("compares maps by sorted keys, then values, then size", () => {
    const map = (o: Record<string, number>): FsValue => ({ t: "map", v: new Map(Object.entries(o).map(([k, v]) => [k, int(v)])) });
    expect(compareValues(map({ b: 1, a: 2 }), map({ a: 2, b: 1 }))).toBe(0);
    expect(compareValues(map({ a: 1 }), map({ a: 1, b: 0 }))).toBe(-1);
    expect(compareValues(map({ a: 9 }), map({ b: 0 }))).toBe(-1);
  });
});

describe("equality", () => {
  it("queryEquals treats 1 and 1.0 as equal; strictEquals does not", () => {
    expect(queryEquals(int(1), dbl(1))).toBe(true);
    expect(strictEquals(int(1), dbl(1))).toBe(false);
    expect(strictEquals(dbl(Number.NaN), dbl(Number.NaN))).toBe(true);
    expect(strictEquals(dbl(0), dbl(-0))).toBe(false);
  });
});
