// Commit atomicity, write semantics (set replaces, merge merges, field deletes)
// and update_time preconditions.
import { afterAll, describe, expect, it } from "vitest";
import { FieldPath, FieldValue, Timestamp } from "firebase-admin/firestore";
import { ArrayValue, Document, Value } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { CommitRequest, type CommitResponse } from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import { DocumentTransformFieldTransform, Write } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { Code, closeRaw, codeOf, databaseName, freshCollection, rawUnary, testDb } from "./helpers";

const db = testDb();
afterAll(() => closeRaw());

describe("atomic commit", () => {
  it("applies nothing when one write's precondition fails", async () => {
    const col = freshCollection(db, "atomic");
    await col.doc("existing").set({ v: "original" });
    await col.doc("other").set({ v: "original" });
    const batch = db.batch();
    batch.set(col.doc("new"), { v: "written" });
    batch.update(col.doc("other"), { v: "changed" });
    batch.create(col.doc("existing"), { v: "duplicate" }); // fails: ALREADY_EXISTS
    batch.delete(col.doc("existing"));
    expect(await codeOf(batch.commit())).toBe(Code.ALREADY_EXISTS);
    expect((await col.doc("new").get()).exists).toBe(false);
    expect((await col.doc("other").get()).get("v")).toBe("original");
    expect((await col.doc("existing").get()).get("v")).toBe("original");
  });

  // CommitRequest.writes: "Always executed atomically and in order." Each
  // precondition sees the writes before it, so deleting a document and
  // creating it again in one commit succeeds (a lock released and re-taken).
  it("applies writes in order: delete then create of the same document succeeds", async () => {
    const col = freshCollection(db, "in-order");
    await col.doc("lock").set({ owner: "old" });
    const batch = db.batch();
    batch.delete(col.doc("lock"));
    batch.create(col.doc("lock"), { owner: "new" });
    await batch.commit();
    expect((await col.doc("lock").get()).data()).toEqual({ owner: "new" });
  });

  it("applies writes in order: create then create of the same document fails, applying nothing", async () => {
    const col = freshCollection(db, "in-order-twice");
    const batch = db.batch();
    batch.create(col.doc("lock"), { owner: "a" });
    batch.create(col.doc("lock"), { owner: "b" });
    expect(await codeOf(batch.commit())).toBe(Code.ALREADY_EXISTS);
    expect((await col.doc("lock").get()).exists).toBe(false);
  });

  it("applies nothing when a later update() targets a missing document", async () => {
    const col = freshCollection(db, "atomic-missing");
    const batch = db.batch();
    batch.set(col.doc("a"), { n: 1 });
    batch.update(col.doc("ghost"), { n: 2 }); // fails: NOT_FOUND
    expect(await codeOf(batch.commit())).toBe(Code.NOT_FOUND);
    expect((await col.doc("a").get()).exists).toBe(false);
  });

  it("returns update_time per write, transform results and commit_time (raw Commit)", async () => {
    const col = freshCollection(db, "commit-results");
    await col.doc("gone").set({ x: 1 });
    const name = `${databaseName}/documents/${col.id}/w`;
    const transforms = [
      new DocumentTransformFieldTransform({ field_path: "n", increment: new Value({ integer_value: 2 }) }),
      new DocumentTransformFieldTransform({ field_path: "t", set_to_server_value: 1 }),
      new DocumentTransformFieldTransform({
        field_path: "tags",
        append_missing_elements: new ArrayValue({ values: [new Value({ string_value: "x" })] }),
      }),
      new DocumentTransformFieldTransform({
        field_path: "tags",
        remove_all_from_array: new ArrayValue({ values: [new Value({ string_value: "y" })] }),
      }),
    ];
    const update = new Document({ name, fields: new Map([["n", new Value({ integer_value: 5 })]]) });
    const request = new CommitRequest({
      database: databaseName,
      writes: [new Write({ update, update_transforms: transforms }), new Write({ delete: `${databaseName}/documents/${col.id}/gone` })],
    });
    const res = await rawUnary<CommitResponse>("Commit", request);
    const commitTime = res.commit_time;
    expect(commitTime.seconds).toBeGreaterThan(0);
    expect(res.write_results).toHaveLength(2);
    const [first] = res.write_results;
    expect(first?.update_time.seconds).toBe(commitTime.seconds);
    expect(first?.update_time.nanos).toBe(commitTime.nanos);
    expect(first?.transform_results).toHaveLength(4);
    expect(Number(first?.transform_results[0]?.integer_value)).toBe(7);
    expect(first?.transform_results[1]?.timestamp_value.seconds).toBe(commitTime.seconds);
    expect(first?.transform_results[1]?.timestamp_value.nanos).toBe(commitTime.nanos);
    const stored = (await col.doc("w").get()).data();
    expect(stored).toMatchObject({ n: 7, tags: ["x"] });
    expect((await col.doc("gone").get()).exists).toBe(false);
  });
});

describe("write semantics", () => {
  it("set() without merge replaces the whole document", async () => {
    const ref = freshCollection(db, "set-replace").doc("d");
    await ref.set({ a: 1, b: { c: 2, d: 3 } });
    await ref.set({ b: { c: 9 } });
    expect((await ref.get()).data()).toEqual({ b: { c: 9 } });
  });

  it("set() with merge merges nested maps and keeps other fields", async () => {
    const ref = freshCollection(db, "set-merge").doc("d");
    await ref.set({ a: 1, b: { c: 2, d: 3 } });
    await ref.set({ b: { c: 9 }, e: 5 }, { merge: true });
    expect((await ref.get()).data()).toEqual({ a: 1, b: { c: 9, d: 3 }, e: 5 });
    await ref.set({ b: { d: 4 }, a: 100 }, { mergeFields: ["b.d"] });
    expect((await ref.get()).data()).toEqual({ a: 1, b: { c: 9, d: 4 }, e: 5 });
  });

  it("FieldValue.delete() removes a top-level field", async () => {
    const ref = freshCollection(db, "delete-top").doc("d");
    await ref.set({ keep: 1, drop: 2 });
    await ref.update({ drop: FieldValue.delete() });
    expect((await ref.get()).data()).toEqual({ keep: 1 });
  });

  it("FieldValue.delete() removes a nested field through a dotted path", async () => {
    const ref = freshCollection(db, "delete-nested").doc("d");
    await ref.set({ m: { keep: 1, drop: 2, deep: { x: 1, y: 2 } } });
    await ref.update({ "m.drop": FieldValue.delete(), "m.deep.y": FieldValue.delete() });
    expect((await ref.get()).data()).toEqual({ m: { keep: 1, deep: { x: 1 } } });
  });

  it("FieldValue.delete() works on backtick-quoted field names (dots, spaces)", async () => {
    const ref = freshCollection(db, "delete-quoted").doc("d");
    await ref.set({ "a.b": { "c d": 1, e: 2 }, plain: 3 });
    await ref.update(new FieldPath("a.b", "c d"), FieldValue.delete());
    expect((await ref.get()).data()).toEqual({ "a.b": { e: 2 }, plain: 3 });
  });

  it("FieldValue.delete() inside a merge set removes the field", async () => {
    const ref = freshCollection(db, "delete-merge").doc("d");
    await ref.set({ a: 1, m: { b: 2, c: 3 } });
    await ref.set({ a: FieldValue.delete(), m: { c: FieldValue.delete() } }, { merge: true });
    expect((await ref.get()).data()).toEqual({ m: { b: 2 } });
  });

  it("update() of a missing document fails with NOT_FOUND; create() of an existing one with ALREADY_EXISTS", async () => {
    const col = freshCollection(db, "update-missing");
    expect(await codeOf(col.doc("none").update({ a: 1 }))).toBe(Code.NOT_FOUND);
    await col.doc("there").create({ a: 1 });
    expect(await codeOf(col.doc("there").create({ a: 2 }))).toBe(Code.ALREADY_EXISTS);
    expect((await col.doc("there").get()).get("a")).toBe(1);
  });
});

describe("update_time preconditions", () => {
  it("update() with lastUpdateTime succeeds when current and fails FAILED_PRECONDITION when stale", async () => {
    const ref = freshCollection(db, "precond-update").doc("d");
    const first = await ref.set({ v: 1 });
    const second = await ref.update({ v: 2 }, { lastUpdateTime: first.writeTime });
    expect(await codeOf(ref.update({ v: 3 }, { lastUpdateTime: first.writeTime }))).toBe(Code.FAILED_PRECONDITION);
    expect((await ref.get()).get("v")).toBe(2);
    await ref.update({ v: 4 }, { lastUpdateTime: second.writeTime });
    expect((await ref.get()).get("v")).toBe(4);
  });

  it("delete() with lastUpdateTime is refused when stale and applied when current", async () => {
    const ref = freshCollection(db, "precond-delete").doc("d");
    const first = await ref.set({ v: 1 });
    await ref.set({ v: 2 });
    expect(await codeOf(ref.delete({ lastUpdateTime: first.writeTime }))).toBe(Code.FAILED_PRECONDITION);
    const snap = await ref.get();
    expect(snap.exists).toBe(true);
    await ref.delete({ lastUpdateTime: snap.updateTime as Timestamp });
    expect((await ref.get()).exists).toBe(false);
  });

  it("never gives two writes of one document the same update_time", async () => {
    const ref = freshCollection(db, "unique-times").doc("d");
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => ref.set({ i })));
    const keys = new Set(results.map((r) => `${r.writeTime.seconds}.${r.writeTime.nanoseconds}`));
    expect(keys.size).toBe(40);
    const snap = await ref.get();
    const latest = results.map((r) => r.writeTime).reduce((a, b) => (a.valueOf() > b.valueOf() ? a : b));
    expect(snap.updateTime?.isEqual(latest)).toBe(true);
  });
});
