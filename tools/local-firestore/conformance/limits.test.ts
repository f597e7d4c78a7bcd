// Names and sizes production refuses with INVALID_ARGUMENT
// (firebase.google.com/docs/firestore/quotas and /storage-size): reserved ids
// matching __.*__, documents over 1 MiB, field names and paths over 1,500
// bytes, values nested more than 20 maps or arrays deep.
import { afterAll, describe, expect, it } from "vitest";
import { Document, MapValue, Value } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { CommitRequest } from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import { Write } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { Code, closeRaw, codeOf, databaseName, freshCollection, rawUnary, testDb } from "./helpers";

const db = testDb();
afterAll(() => closeRaw());

const MiB = 1_048_576;
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("reserved ids (__.*__)", () => {
  it("refuses to write or read a document whose id is reserved", async () => {
    const col = freshCollection(db, "reserved");
    expect(await codeOf(col.doc("__x__").set({ a: 1 }))).toBe(Code.INVALID_ARGUMENT);
    expect(await codeOf(col.doc("__x__").create({ a: 1 }))).toBe(Code.INVALID_ARGUMENT);
    expect(await codeOf(col.doc("__x__").get())).toBe(Code.INVALID_ARGUMENT);
    expect(await codeOf(db.getAll(col.doc("ok"), col.doc("__x__")))).toBe(Code.INVALID_ARGUMENT);
    expect(await codeOf(db.runTransaction((tx) => tx.get(col.doc("__x__"))))).toBe(Code.INVALID_ARGUMENT);
    expect(await codeOf(col.doc("__x__").delete())).toBe(Code.INVALID_ARGUMENT);
  });

  it("refuses a reserved collection id in a document's path, and writes nothing of the batch", async () => {
    const col = freshCollection(db, "reserved-col");
    const batch = db.batch();
    batch.set(col.doc("fine"), { a: 1 });
    batch.set(col.doc("fine").collection("__sub__").doc("d"), { a: 1 });
    expect(await codeOf(batch.commit())).toBe(Code.INVALID_ARGUMENT);
    expect((await col.doc("fine").get()).exists).toBe(false);
  });

  it("accepts ids that merely contain or start with underscores", async () => {
    const col = freshCollection(db, "underscores");
    for (const id of ["__x", "x__", "_x_", "a__b__c"]) await col.doc(id).set({ id });
    expect((await col.get()).size).toBe(4);
  });
});

describe("document size (1 MiB by the storage-size rules)", () => {
  // name: collection id + "d" + 16; field "s": 2 + (n + 1); + 32.
  const overhead = (collectionId: string) => bytes(collectionId) + 1 + 2 + 16 + 2 + 1 + 32;

  it("stores a document of exactly 1,048,576 bytes and refuses one byte more", async () => {
    const col = freshCollection(db, "size");
    const n = MiB - overhead(col.id);
    await col.doc("d").set({ s: "x".repeat(n) });
    expect((await col.doc("d").get()).get("s")).toHaveLength(n);
    expect(await codeOf(col.doc("d").set({ s: "x".repeat(n + 1) }))).toBe(Code.INVALID_ARGUMENT);
    expect((await col.doc("d").get()).get("s")).toHaveLength(n);
  });

  it("checks the document as it would be stored, after a merge", async () => {
    const ref = freshCollection(db, "size-merge").doc("d");
    await ref.set({ a: "x".repeat(600_000) });
    expect(await codeOf(ref.set({ b: "y".repeat(600_000) }, { merge: true }))).toBe(Code.INVALID_ARGUMENT);
    expect(await codeOf(ref.update({ b: "y".repeat(600_000) }))).toBe(Code.INVALID_ARGUMENT);
    expect(Object.keys((await ref.get()).data()!)).toEqual(["a"]);
  });
});

describe("field names, field paths and nesting", () => {
  it("refuses a field name over 1,500 bytes", async () => {
    const ref = freshCollection(db, "field-name").doc("d");
    await ref.set({ ["a".repeat(1500)]: 1 });
    expect(await codeOf(ref.set({ ["a".repeat(1501)]: 1 }))).toBe(Code.INVALID_ARGUMENT);
  });

  it("refuses a nested field whose path is over 1,500 bytes", async () => {
    const ref = freshCollection(db, "field-path").doc("d");
    await ref.set({ ["a".repeat(700)]: { ["b".repeat(799)]: 1 } }); // 700 + "." + 799 = 1,500
    expect(await codeOf(ref.set({ ["a".repeat(700)]: { ["b".repeat(800)]: 1 } }))).toBe(Code.INVALID_ARGUMENT);
  });

  // The admin SDK refuses deeper input itself, so this goes through a raw Commit.
  const nested = (levels: number): Map<string, Value> => {
    let value = new Value({ integer_value: 1 });
    for (let i = levels; i >= 2; i--) value = new Value({ map_value: new MapValue({ fields: new Map([[`l${i}`, value]]) }) });
    return new Map([["l1", value]]);
  };
  const commit = (name: string, fields: Map<string, Value>) =>
    rawUnary("Commit", new CommitRequest({ database: databaseName, writes: [new Write({ update: new Document({ name, fields }) })] }));

  it("allows a value 20 maps below a top-level field, refuses 21", async () => {
    const col = freshCollection(db, "depth");
    const name = `${databaseName}/documents/${col.id}/d`;
    await commit(name, nested(21));
    expect((await col.doc("d").get()).exists).toBe(true);
    expect(await codeOf(commit(name, nested(22)))).toBe(Code.INVALID_ARGUMENT);
  });
});
