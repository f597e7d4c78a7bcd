// Filters, default and implicit ordering, projections and limits.
import { beforeAll, describe, expect, it } from "vitest";
import { type CollectionReference, Filter, type Query } from "firebase-admin/firestore";
import { freshCollection, testDb } from "./helpers";

const db = testDb();
const ids = async (q: Query) => (await q.get()).docs.map((d) => d.id);

describe("null, != and not-in semantics", () => {
  let col: CollectionReference;
  beforeAll(async () => {
    col = freshCollection(db, "nulls");
    await Promise.all([
      col.doc("null").set({ v: null }),
      col.doc("zero").set({ v: 0 }),
      col.doc("false").set({ v: false }),
      col.doc("empty").set({ v: "" }),
      col.doc("missing").set({ other: 1 }),
    ]);
  });

  it("where(f, '==', null) matches only documents whose field is null", async () => {
    expect(await ids(col.where("v", "==", null))).toEqual(["null"]);
  });

  it("where(f, '!=', null) matches every present, non-null value", async () => {
    expect(await ids(col.where("v", "!=", null))).toEqual(["false", "zero", "empty"]);
  });

  it("'!=' excludes documents lacking the field and null values", async () => {
    expect(await ids(col.where("v", "!=", 0))).toEqual(["false", "empty"]);
  });

  it("'not-in' excludes missing and null; a null in the list matches nothing", async () => {
    expect(await ids(col.where("v", "not-in", [false]))).toEqual(["zero", "empty"]);
    expect(await ids(col.where("v", "not-in", [false, null]))).toEqual([]);
  });
});

describe("ordering", () => {
  it("orders by document id when no orderBy is given (UTF-8 order)", async () => {
    const col = freshCollection(db, "default-order");
    const names = ["b", "a", "_x", "B", "10", "9", "é", "aa"];
    for (const id of names) await col.doc(id).set({ id });
    expect(await ids(col)).toEqual(["10", "9", "B", "_x", "a", "aa", "b", "é"]);
  });

  it("orderBy excludes documents that lack the field", async () => {
    const col = freshCollection(db, "order-missing");
    await Promise.all([col.doc("a").set({ rank: 2 }), col.doc("b").set({}), col.doc("c").set({ rank: 1 }), col.doc("d").set({ rank: null })]);
    expect(await ids(col.orderBy("rank"))).toEqual(["d", "c", "a"]);
    expect(await ids(col.orderBy("rank", "desc"))).toEqual(["a", "c", "d"]);
  });

  it("breaks ties by document id in the direction of the last orderBy", async () => {
    const col = freshCollection(db, "tiebreak");
    await Promise.all(["c", "a", "d", "b"].map((id, i) => col.doc(id).set({ score: i % 2 })));
    // c:0 a:1 d:0 b:1
    expect(await ids(col.orderBy("score"))).toEqual(["c", "d", "a", "b"]);
    expect(await ids(col.orderBy("score", "desc"))).toEqual(["b", "a", "d", "c"]);
  });

  it("an inequality filter orders by that field first (implicit orderBy)", async () => {
    const col = freshCollection(db, "implicit-order");
    await Promise.all([col.doc("a").set({ n: 3 }), col.doc("b").set({ n: 1 }), col.doc("c").set({ n: 2 }), col.doc("d").set({ n: 0 })]);
    expect(await ids(col.where("n", ">", 0))).toEqual(["b", "c", "a"]);
  });
});

describe("filter operators", () => {
  let col: CollectionReference;
  beforeAll(async () => {
    col = freshCollection(db, "operators");
    await Promise.all([
      col.doc("a").set({ n: 1, tags: ["x", "y"], city: "Oslo", m: { deep: { k: 1 } } }),
      col.doc("b").set({ n: 2, tags: ["y"], city: "Rome", m: { deep: { k: 2 } } }),
      col.doc("c").set({ n: 3, tags: [], city: "Lima", m: { deep: { k: 3 } } }),
      col.doc("d").set({ n: "3", tags: "x", city: "Oslo" }),
    ]);
  });

  it("in and array-contains", async () => {
    expect(await ids(col.where("city", "in", ["Oslo", "Lima"]))).toEqual(["a", "c", "d"]);
    expect(await ids(col.where("tags", "array-contains", "x"))).toEqual(["a"]);
  });

  it("array-contains-any", async () => {
    expect(await ids(col.where("tags", "array-contains-any", ["y", "z"]))).toEqual(["a", "b"]);
  });

  it("range filters only match values of the same type", async () => {
    expect(await ids(col.where("n", ">=", 2))).toEqual(["b", "c"]);
    expect(await ids(col.where("n", "<", 3))).toEqual(["a", "b"]);
    expect(await ids(col.where("n", "<=", 3))).toEqual(["a", "b", "c"]);
    expect(await ids(col.where("n", ">", "2"))).toEqual(["d"]);
  });

  it("nested field paths in filters and orderBy", async () => {
    expect(await ids(col.where("m.deep.k", ">", 1).orderBy("m.deep.k", "desc"))).toEqual(["c", "b"]);
    expect(await ids(col.where("m.deep.k", "==", 1))).toEqual(["a"]);
  });

  it("composite OR and nested AND filters", async () => {
    const q = col.where(
      Filter.or(Filter.where("city", "==", "Rome"), Filter.and(Filter.where("city", "==", "Oslo"), Filter.where("n", "==", 1))),
    );
    expect(await ids(q)).toEqual(["a", "b"]);
    const q2 = col.where(Filter.and(Filter.where("n", "in", [1, 3]), Filter.or(Filter.where("city", "==", "Lima"), Filter.where("tags", "array-contains", "y"))));
    expect(await ids(q2)).toEqual(["a", "c"]);
  });
});

describe("projection and limits", () => {
  let col: CollectionReference;
  beforeAll(async () => {
    col = freshCollection(db, "projection");
    await Promise.all([1, 2, 3, 4, 5].map((n) => col.doc(`d${n}`).set({ n, secret: "s", m: { x: n, y: 0 } })));
  });

  it("select() returns only the chosen fields, including nested ones", async () => {
    const snap = await col.select("n", "m.x").orderBy("n").limit(1).get();
    expect(snap.docs[0]?.data()).toEqual({ n: 1, m: { x: 1 } });
    const empty = await col.select().get();
    expect(empty.docs.map((d) => d.data())).toEqual([{}, {}, {}, {}, {}]);
    expect(empty.docs.map((d) => d.id)).toEqual(["d1", "d2", "d3", "d4", "d5"]);
  });

  it("limit and limitToLast", async () => {
    expect(await ids(col.orderBy("n").limit(2))).toEqual(["d1", "d2"]);
    expect(await ids(col.orderBy("n").limitToLast(2))).toEqual(["d4", "d5"]);
    expect(await ids(col.orderBy("n", "desc").limitToLast(2))).toEqual(["d2", "d1"]);
  });
});
