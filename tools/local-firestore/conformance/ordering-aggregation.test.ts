// Firestore's cross-type value order, and count/sum/average aggregations.
import { describe, expect, it } from "vitest";
import { AggregateField, GeoPoint, type Query, Timestamp } from "firebase-admin/firestore";
import { freshCollection, testDb } from "./helpers";

const db = testDb();

describe("cross-type ordering", () => {
  it("orders null < bool < numbers < timestamp < string < bytes < reference < geopoint < array < map", async () => {
    const col = freshCollection(db, "type-order");
    // In expected order; ids are shuffled so the result cannot come from id order.
    const ordered: unknown[] = [
      null,
      false,
      true,
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      -2.5,
      -1,
      0,
      0.5,
      1,
      1.5,
      2,
      Number.POSITIVE_INFINITY,
      Timestamp.fromMillis(1000),
      Timestamp.fromMillis(2000),
      "",
      "A",
      "a",
      "ab",
      "é",
      "\uff5a", // fullwidth z: below emoji in UTF-8, above it in UTF-16
      "😀",
      Buffer.from([0]),
      Buffer.from([1, 2]),
      Buffer.from([2]),
      db.doc("a/b"),
      db.doc("a/b/c/d"),
      db.doc("b/a"),
      new GeoPoint(0, 10),
      new GeoPoint(1, -10),
      [],
      [1],
      [1, 2],
      [2],
      {},
      { a: 1 },
      { a: 2 },
      { b: 0 },
    ];
    const ids = ordered.map((_, i) => `v${String((i * 7919) % 1000).padStart(3, "0")}-${i}`);
    const batch = db.batch();
    ordered.forEach((v, i) => batch.set(col.doc(ids[i] as string), { v }));
    await batch.commit();
    const snap = await col.orderBy("v").get();
    expect(snap.docs.map((d) => d.id)).toEqual(ids);
    const desc = await col.orderBy("v", "desc").get();
    expect(desc.docs.map((d) => d.id)).toEqual([...ids].reverse());
  });

  it("compares integers and doubles numerically in filters", async () => {
    const col = freshCollection(db, "numbers");
    await Promise.all([col.doc("i1").set({ n: 1 }), col.doc("d15").set({ n: 1.5 }), col.doc("i2").set({ n: 2 }), col.doc("nan").set({ n: Number.NaN })]);
    const ids = async (q: Query) => (await q.get()).docs.map((d) => d.id);
    expect(await ids(col.where("n", ">", 1))).toEqual(["d15", "i2"]);
    expect(await ids(col.where("n", "==", Number.NaN))).toEqual(["nan"]);
    expect(await ids(col.where("n", "in", [1.5, 2]))).toEqual(["d15", "i2"]);
  });
});

describe("aggregations", () => {
  it("count(), sum() and average() ignore non-numeric values", async () => {
    const col = freshCollection(db, "aggregate");
    await Promise.all([
      col.doc("a").set({ x: 1, kind: "k" }),
      col.doc("b").set({ x: 2, kind: "k" }),
      col.doc("c").set({ x: 3.5, kind: "k" }),
      col.doc("d").set({ x: "not a number", kind: "k" }),
      col.doc("e").set({ kind: "other" }),
    ]);
    const all = await col.aggregate({ n: AggregateField.count(), s: AggregateField.sum("x"), avg: AggregateField.average("x") }).get();
    expect(all.data()).toEqual({ n: 5, s: 6.5, avg: 6.5 / 3 });
    const ints = await col.where("x", "in", [1, 2]).aggregate({ s: AggregateField.sum("x"), avg: AggregateField.average("x") }).get();
    expect(ints.data()).toEqual({ s: 3, avg: 1.5 });
    const none = await col.where("kind", "==", "nothing").aggregate({ n: AggregateField.count(), s: AggregateField.sum("x"), avg: AggregateField.average("x") }).get();
    expect(none.data()).toEqual({ n: 0, s: 0, avg: null });
    expect((await col.where("kind", "==", "k").count().get()).data().count).toBe(4);
    expect((await col.limit(2).count().get()).data().count).toBe(2);
  });
});
