// Admin SDK calls built on the simpler RPCs: getAll with a field mask,
// listDocuments (ListDocuments), listCollections (ListCollectionIds),
// BulkWriter (BatchWrite) and recursiveDelete.
import { describe, expect, it } from "vitest";
import { freshCollection, testDb } from "./helpers";

const db = testDb();

describe("admin API", () => {
  it("getAll() returns found and missing documents, honouring a field mask", async () => {
    const col = freshCollection(db, "getall");
    await col.doc("a").set({ keep: 1, drop: 2, m: { x: 1, y: 2 } });
    const [a, missing] = await db.getAll(col.doc("a"), col.doc("nope"), { fieldMask: ["keep", "m.x"] });
    expect(a?.data()).toEqual({ keep: 1, m: { x: 1 } });
    expect(missing?.exists).toBe(false);
  });

  it("listDocuments() includes documents that only have subcollections", async () => {
    const col = freshCollection(db, "listdocs");
    await col.doc("real").set({ a: 1 });
    await col.doc("ghost").collection("child").doc("c").set({ b: 1 });
    const refs = await col.listDocuments();
    expect(refs.map((r) => r.id).sort()).toEqual(["ghost", "real"]);
  });

  it("listCollections() lists subcollections of a document and root collections", async () => {
    const col = freshCollection(db, "listcols");
    const parent = col.doc("p");
    await parent.collection("b").doc("x").set({});
    await parent.collection("a").doc("y").collection("deeper").doc("z").set({});
    const subs = await parent.listCollections();
    expect(subs.map((c) => c.id)).toEqual(["a", "b"]);
    const roots = await db.listCollections();
    expect(roots.map((c) => c.id)).toContain(col.id);
  });

  it("BulkWriter applies each write independently and reports failures per write", async () => {
    const col = freshCollection(db, "bulk");
    await col.doc("exists").set({ v: 0 });
    const writer = db.bulkWriter();
    const failures: string[] = [];
    writer.onWriteError((err) => {
      failures.push(`${err.documentRef.id}:${err.code}`);
      return false;
    });
    const ops = [
      writer.create(col.doc("new"), { v: 1 }),
      writer.create(col.doc("exists"), { v: 1 }),
      writer.set(col.doc("set"), { v: 2 }),
      writer.update(col.doc("exists2"), { v: 3 }),
    ];
    await writer.close(); // ops settle once the writer flushes
    await Promise.allSettled(ops);
    expect(failures.sort()).toEqual(["exists2:5", "exists:6"]);
    const snaps = await db.getAll(col.doc("new"), col.doc("exists"), col.doc("set"));
    expect(snaps.map((s) => s.get("v"))).toEqual([1, 0, 2]);
  });

  it("recursiveDelete() removes a collection with all nested subcollections, and nothing else", async () => {
    const col = freshCollection(db, "recursive");
    const sibling = db.collection(`${col.id}x`);
    await Promise.all([
      col.doc("a").set({}),
      col.doc("a").collection("sub").doc("s1").set({}),
      col.doc("ghost").collection("sub").doc("s2").collection("deeper").doc("d").set({}),
      sibling.doc("keep").set({ v: 1 }),
    ]);
    await db.recursiveDelete(col);
    expect((await col.get()).size).toBe(0);
    expect(await col.listDocuments()).toEqual([]);
    expect((await col.doc("ghost").collection("sub").doc("s2").collection("deeper").get()).size).toBe(0);
    expect((await sibling.doc("keep").get()).exists).toBe(true);
  });

  it("recursiveDelete() of a document removes it and its subcollections", async () => {
    const col = freshCollection(db, "recursive-doc");
    await Promise.all([col.doc("a").set({}), col.doc("a").collection("s").doc("x").set({}), col.doc("b").set({})]);
    await db.recursiveDelete(col.doc("a"));
    expect((await col.get()).docs.map((d) => d.id)).toEqual(["b"]);
    expect((await col.doc("a").collection("s").get()).size).toBe(0);
  });
});
