// Cursors, offset, collection groups and documentId() queries.
import { beforeAll, describe, expect, it } from "vitest";
import { type CollectionReference, FieldPath, type Query } from "firebase-admin/firestore";
import { freshCollection, testDb } from "./helpers";

const db = testDb();
const ids = async (q: Query) => (await q.get()).docs.map((d) => d.id);

describe("cursors and offset", () => {
  let col: CollectionReference;
  beforeAll(async () => {
    col = freshCollection(db, "cursors");
    // n: a1=1 a2=2 b2=2 c3=3 d4=4
    await Promise.all([
      col.doc("a1").set({ n: 1 }),
      col.doc("a2").set({ n: 2 }),
      col.doc("b2").set({ n: 2 }),
      col.doc("c3").set({ n: 3 }),
      col.doc("d4").set({ n: 4 }),
    ]);
  });

  it("startAt includes the cursor position", async () => {
    expect(await ids(col.orderBy("n").startAt(2))).toEqual(["a2", "b2", "c3", "d4"]);
  });

  it("startAfter excludes the cursor position", async () => {
    expect(await ids(col.orderBy("n").startAfter(2))).toEqual(["c3", "d4"]);
  });

  it("endAt includes the cursor position", async () => {
    expect(await ids(col.orderBy("n").endAt(2))).toEqual(["a1", "a2", "b2"]);
  });

  it("endBefore excludes the cursor position", async () => {
    expect(await ids(col.orderBy("n").endBefore(3))).toEqual(["a1", "a2", "b2"]);
  });

  it("cursors follow descending order and combine", async () => {
    expect(await ids(col.orderBy("n", "desc").startAfter(4).endAt(2))).toEqual(["c3", "b2", "a2"]);
  });

  it("a document snapshot cursor pages through equal values by id", async () => {
    const first = await col.orderBy("n").limit(2).get();
    expect(first.docs.map((d) => d.id)).toEqual(["a1", "a2"]);
    const next = await col.orderBy("n").startAfter(first.docs[1]).limit(2).get();
    expect(next.docs.map((d) => d.id)).toEqual(["b2", "c3"]);
  });

  it("with no orderBy, a document snapshot cursor pages in document id order", async () => {
    // Firestore orders a query with no orderBy by document id; the admin SDK's startAfter(snapshot) then
    // resumes after that id (how a sweep walks a whole collection page by page).
    const first = await col.limit(2).get();
    expect(first.docs.map((d) => d.id)).toEqual(["a1", "a2"]);
    const next = await col.startAfter(first.docs[1]).limit(2).get();
    expect(next.docs.map((d) => d.id)).toEqual(["b2", "c3"]);
    const last = await col.startAfter(next.docs[1]).limit(2).get();
    expect(last.docs.map((d) => d.id)).toEqual(["d4"]);
  });

  it("cursor values on orderBy and __name__ together", async () => {
    expect(await ids(col.orderBy("n").orderBy(FieldPath.documentId()).startAt(2, "b2"))).toEqual(["b2", "c3", "d4"]);
  });

  it("offset skips results after cursors and ordering", async () => {
    expect(await ids(col.orderBy("n").offset(2))).toEqual(["b2", "c3", "d4"]);
    expect(await ids(col.orderBy("n").startAt(2).offset(1).limit(2))).toEqual(["b2", "c3"]);
    expect(await ids(col.offset(10))).toEqual([]);
  });
});

describe("collection groups", () => {
  it("collectionGroup returns documents of that id at every depth, and only those", async () => {
    const root = freshCollection(db, "cg-root");
    const group = `${root.id}-items`;
    await Promise.all([
      db.collection(group).doc("top").set({ level: 0 }),
      root.doc("p1").collection(group).doc("sub").set({ level: 1 }),
      root.doc("p2").collection("x").doc("y").collection(group).doc("deep").set({ level: 2 }),
      root.doc("p3").collection(`${group}-not`).doc("other").set({ level: 9 }),
      root.doc("p4").set({ [group]: "field, not a collection" }),
    ]);
    const snap = await db.collectionGroup(group).orderBy("level").get();
    expect(snap.docs.map((d) => d.ref.path)).toEqual([
      `${group}/top`,
      `${root.id}/p1/${group}/sub`,
      `${root.id}/p2/x/y/${group}/deep`,
    ]);
    expect((await db.collectionGroup(group).where("level", ">", 0).count().get()).data().count).toBe(2);
  });

  it("default collection group order is by full document path", async () => {
    const root = freshCollection(db, "cg-order");
    const group = `${root.id}-g`;
    await Promise.all([
      root.doc("b").collection(group).doc("a").set({}),
      root.doc("a").collection(group).doc("z").set({}),
      root.doc("a").collection(group).doc("b").set({}),
    ]);
    const snap = await db.collectionGroup(group).get();
    expect(snap.docs.map((d) => d.ref.path)).toEqual([`${root.id}/a/${group}/b`, `${root.id}/a/${group}/z`, `${root.id}/b/${group}/a`]);
  });
});

describe("documentId() queries", () => {
  let col: CollectionReference;
  beforeAll(async () => {
    col = freshCollection(db, "docid");
    await Promise.all(["a", "b", "c", "d"].map((id) => col.doc(id).set({ id })));
  });
  const byId = FieldPath.documentId();

  it("== and in", async () => {
    expect(await ids(col.where(byId, "==", "b"))).toEqual(["b"]);
    expect(await ids(col.where(byId, "in", ["d", "a", "zz"]))).toEqual(["a", "d"]);
    expect(await ids(col.where(byId, "not-in", ["a", "b"]))).toEqual(["c", "d"]);
  });

  it("< and > ranges", async () => {
    expect(await ids(col.where(byId, "<", "c"))).toEqual(["a", "b"]);
    expect(await ids(col.where(byId, ">", "a").where(byId, "<=", "c"))).toEqual(["b", "c"]);
  });

  it("orderBy(documentId(), 'desc') and document references as values", async () => {
    expect(await ids(col.orderBy(byId, "desc"))).toEqual(["d", "c", "b", "a"]);
    expect(await ids(col.where(byId, ">=", col.doc("c")))).toEqual(["c", "d"]);
  });
});
