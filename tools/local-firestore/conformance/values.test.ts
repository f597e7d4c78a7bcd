// Value round-trips and the field transforms the app relies on.
import { describe, expect, it } from "vitest";
import { type DocumentReference, FieldValue, GeoPoint, Timestamp } from "firebase-admin/firestore";
import { bigIntDb, freshCollection, testDb } from "./helpers";

const db = testDb();

describe("value round-trips", () => {
  it("stores and returns every value type, nested in maps and arrays", async () => {
    const ref = freshCollection(db, "types").doc("all");
    const value = {
      nul: null,
      t: true,
      f: false,
      int: 42,
      neg: -7,
      dbl: 3.25,
      nan: Number.NaN,
      inf: Number.NEGATIVE_INFINITY,
      str: "héllo 😀 \u0000 end",
      empty: "",
      bytes: Buffer.from([0, 1, 254, 255]),
      ts: new Timestamp(1_700_000_000, 123_456_000),
      geo: new GeoPoint(-33.5, 151.25),
      ref: db.doc("some/where/deep/doc"),
      arr: [1, "two", null, [3], { four: 4 }],
      map: { nested: { deeper: { leaf: "x" } }, "with.dot": 1, "sp ace": 2 },
      emptyArr: [],
      emptyMap: {},
    };
    await ref.set(value);
    const data = (await ref.get()).data() as Record<string, unknown>;
    expect(data.nul).toBeNull();
    expect(data.t).toBe(true);
    expect(data.f).toBe(false);
    expect(data.int).toBe(42);
    expect(data.neg).toBe(-7);
    expect(data.dbl).toBe(3.25);
    expect(data.nan).toBeNaN();
    expect(data.inf).toBe(Number.NEGATIVE_INFINITY);
    expect(data.str).toBe(value.str);
    expect(data.empty).toBe("");
    expect(Buffer.from(data.bytes as Uint8Array)).toEqual(value.bytes);
    expect((data.ts as Timestamp).isEqual(value.ts)).toBe(true);
    expect((data.geo as GeoPoint).isEqual(value.geo)).toBe(true);
    expect((data.ref as DocumentReference).path).toBe("some/where/deep/doc");
    expect(data.arr).toEqual(value.arr);
    expect(data.map).toEqual(value.map);
    expect(data.emptyArr).toEqual([]);
    expect(data.emptyMap).toEqual({});
  });

  it("keeps timestamps to the microsecond", async () => {
    const ref = freshCollection(db, "micros").doc("t");
    const ts = new Timestamp(1_700_000_123, 999_999_000);
    await ref.set({ ts, list: [new Timestamp(0, 1000), new Timestamp(-1, 999_000)] });
    const got = (await ref.get()).data() as { ts: Timestamp; list: Timestamp[] };
    expect(got.ts.seconds).toBe(1_700_000_123);
    expect(got.ts.nanoseconds).toBe(999_999_000);
    expect(got.list.map((t) => [t.seconds, t.nanoseconds])).toEqual([
      [0, 1000],
      [-1, 999_000],
    ]);
  });

  it("round-trips 64-bit integers exactly", async () => {
    const big = bigIntDb();
    const ref = big.collection(freshCollection(db, "int64").id).doc("n");
    const max = 9_223_372_036_854_775_807n;
    const min = -9_223_372_036_854_775_808n;
    await ref.set({ max, min, past53: 9_007_199_254_740_993n });
    const data = (await ref.get()).data() as Record<string, bigint>;
    expect(data.max).toBe(max);
    expect(data.min).toBe(min);
    expect(data.past53).toBe(9_007_199_254_740_993n);
    expect((await ref.parent.where("max", "==", max).get()).size).toBe(1);
  });
});

describe("field transforms", () => {
  it("increment() adds to integers and doubles and starts missing fields at the operand", async () => {
    const ref = freshCollection(db, "increment").doc("d");
    await ref.set({ i: 1, d: 1.5, s: "text" });
    await ref.update({ i: FieldValue.increment(2), d: FieldValue.increment(1), s: FieldValue.increment(5), fresh: FieldValue.increment(3) });
    await ref.update({ i: FieldValue.increment(0.5) });
    expect((await ref.get()).data()).toEqual({ i: 3.5, d: 2.5, s: 5, fresh: 3 });
  });

  it("serverTimestamp() is the commit time, and the same for every field of a write", async () => {
    const ref = freshCollection(db, "server-ts").doc("d");
    const before = Date.now();
    const result = await ref.set({ at: FieldValue.serverTimestamp(), nested: { at: FieldValue.serverTimestamp() } });
    const data = (await ref.get()).data() as { at: Timestamp; nested: { at: Timestamp } };
    expect(data.at.isEqual(result.writeTime)).toBe(true);
    expect(data.nested.at.isEqual(data.at)).toBe(true);
    expect(Math.abs(data.at.toMillis() - before)).toBeLessThan(60_000);
  });

  it("arrayUnion() adds missing elements once; arrayRemove() removes every instance", async () => {
    const ref = freshCollection(db, "arrays").doc("d");
    await ref.set({ tags: ["a", "b", "a"], other: "not an array" });
    await ref.update({ tags: FieldValue.arrayUnion("b", "c", "c", { k: 1 }), other: FieldValue.arrayUnion(1), fresh: FieldValue.arrayUnion("x") });
    expect((await ref.get()).data()).toEqual({ tags: ["a", "b", "a", "c", { k: 1 }], other: [1], fresh: ["x"] });
    await ref.update({ tags: FieldValue.arrayRemove("a", { k: 1 }, "zzz"), fresh: FieldValue.arrayRemove("x") });
    expect((await ref.get()).data()).toEqual({ tags: ["b", "c"], other: [1], fresh: [] });
  });
});
