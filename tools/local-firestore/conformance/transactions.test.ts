// Transaction isolation: every outcome must be one a serial execution could
// produce. Each test interleaves an outside write with a running transaction;
// a server that isolates transactions either aborts the transaction (the SDK
// retries it) or makes the outside write wait. Either way the end state is
// serializable; without isolation it is not.
import { afterAll, describe, expect, it } from "vitest";
import { FieldValue } from "firebase-admin/firestore";
import {
  BeginTransactionRequest,
  type BeginTransactionResponse,
  CommitRequest,
  RollbackRequest,
} from "@firestore-emulator/proto/dist/google/firestore/v1/firestore";
import { Document, Value } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { Write } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { Code, closeRaw, codeOf, databaseName, freshCollection, rawUnary, settleWithin, testDb } from "./helpers";

const db = testDb();
afterAll(() => closeRaw());
const OUTSIDE_WAIT_MS = 300;

// Independent collections, so the tests run concurrently: each waits ~1 s in the
// SDK's retry backoff after an ABORTED commit.
describe.concurrent("isolation", () => {
  it("prevents a lost update when a document read by the transaction is updated", async () => {
    const ref = freshCollection(db, "tx-lost-update").doc("counter");
    await ref.set({ n: 0 });
    let outside: Promise<unknown> | undefined;
    await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!outside) {
        outside = ref.update({ n: FieldValue.increment(10) });
        await settleWithin(outside, OUTSIDE_WAIT_MS);
      }
      tx.update(ref, { n: (snap.get("n") as number) + 1 });
    });
    await outside;
    expect((await ref.get()).get("n")).toBe(11);
  });

  it("detects a document that appeared after the transaction read it as missing", async () => {
    const ref = freshCollection(db, "tx-appeared").doc("slot");
    let outside: Promise<unknown> | undefined;
    const txWrote = await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!outside) {
        outside = ref.create({ owner: "outside" });
        await settleWithin(outside, OUTSIDE_WAIT_MS);
      }
      if (snap.exists) return false;
      tx.set(ref, { owner: "tx" });
      return true;
    });
    const outsideWon = await (outside as Promise<unknown>).then(() => true, () => false);
    expect(txWrote).not.toBe(outsideWon); // exactly one of them took the slot
    expect((await ref.get()).get("owner")).toBe(outsideWon ? "outside" : "tx");
  });

  it("detects a document that disappeared after the transaction read it", async () => {
    const ref = freshCollection(db, "tx-disappeared").doc("d");
    await ref.set({ count: 1 });
    let outside: Promise<unknown> | undefined;
    await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!outside) {
        outside = ref.delete();
        await settleWithin(outside, OUTSIDE_WAIT_MS);
      }
      if (snap.exists) tx.set(ref, { count: (snap.get("count") as number) + 1 });
    });
    await outside;
    // Serially, either order ends with the document deleted; never resurrected.
    expect((await ref.get()).exists).toBe(false);
  });

  it("detects a change to a document returned by a query read", async () => {
    const col = freshCollection(db, "tx-query-doc");
    await col.doc("d1").set({ status: "free" });
    let outside: Promise<unknown> | undefined;
    await db.runTransaction(async (tx) => {
      const free = await tx.get(col.where("status", "==", "free"));
      if (!outside) {
        outside = col.doc("d1").update({ status: "taken" });
        await settleWithin(outside, OUTSIDE_WAIT_MS);
      }
      for (const d of free.docs) tx.update(d.ref, { status: "mine" });
    });
    await outside;
    expect((await col.doc("d1").get()).get("status")).toBe("taken");
  });

  it("detects a new document that now matches a query read (phantom)", async () => {
    const col = freshCollection(db, "tx-phantom");
    let outside: Promise<boolean> | undefined;
    const book = (who: string): Promise<boolean> =>
      db.runTransaction(async (tx) => {
        const taken = await tx.get(col.where("slot", "==", "09:00"));
        if (!taken.empty) return false;
        if (who === "tx" && !outside) {
          outside = book("outside");
          await settleWithin(outside, OUTSIDE_WAIT_MS);
        }
        tx.create(col.doc(), { slot: "09:00", who });
        return true;
      });
    const txBooked = await book("tx");
    const outsideBooked = await (outside as Promise<boolean>);
    expect(txBooked).not.toBe(outsideBooked);
    expect((await col.where("slot", "==", "09:00").get()).size).toBe(1);
  });

  it("sees the same state across several reads and aggregations in one transaction", async () => {
    const col = freshCollection(db, "tx-consistent");
    await col.doc("a").set({ n: 1 });
    await col.doc("b").set({ n: 1 });
    let outside: Promise<unknown> | undefined;
    await db.runTransaction(async (tx) => {
      const a = await tx.get(col.doc("a"));
      if (!outside) {
        outside = db.batch().update(col.doc("a"), { n: 2 }).update(col.doc("b"), { n: 2 }).commit();
        await settleWithin(outside, OUTSIDE_WAIT_MS);
      }
      const b = await tx.get(col.doc("b"));
      const count = await tx.get(col.where("n", "==", a.get("n")).count());
      expect(b.get("n")).toBe(a.get("n"));
      expect(count.data().count).toBe(2);
      tx.set(col.doc("seen"), { a: a.get("n"), b: b.get("n") });
    });
    await outside;
    const seen = (await col.doc("seen").get()).data();
    expect(seen?.a).toBe(seen?.b);
  });
});

describe("transaction lifecycle", () => {
  const beginRaw = async () =>
    (await rawUnary<BeginTransactionResponse>("BeginTransaction", new BeginTransactionRequest({ database: databaseName }))).transaction;

  it("BeginTransaction returns a distinct id each time", async () => {
    const ids = await Promise.all([beginRaw(), beginRaw(), beginRaw()]);
    const hex = ids.map((id) => Buffer.from(id).toString("hex"));
    expect(hex.every((h) => h.length > 0)).toBe(true);
    expect(new Set(hex).size).toBe(3);
    await Promise.all(ids.map((id) => rawUnary("Rollback", new RollbackRequest({ database: databaseName, transaction: id }))));
  });

  it("a rolled back or unknown transaction cannot commit, and nothing is applied", async () => {
    const col = freshCollection(db, "tx-rolled-back");
    const name = `${databaseName}/documents/${col.id}/d`;
    const write = () => new Write({ update: new Document({ name, fields: new Map([["v", new Value({ integer_value: 1 })]]) }) });
    const id = await beginRaw();
    await rawUnary("Rollback", new RollbackRequest({ database: databaseName, transaction: id }));
    const afterRollback = await codeOf(rawUnary("Commit", new CommitRequest({ database: databaseName, writes: [write()], transaction: id })));
    expect(afterRollback).not.toBe("resolved");
    const bogus = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const unknown = await codeOf(rawUnary("Commit", new CommitRequest({ database: databaseName, writes: [write()], transaction: bogus })));
    expect(unknown).not.toBe("resolved");
    expect((await col.doc("d").get()).exists).toBe(false);
  });

  it("an error thrown in the callback rolls back: nothing is written", async () => {
    const col = freshCollection(db, "tx-callback-error");
    await col.doc("a").set({ v: 1 });
    const run = db.runTransaction(async (tx) => {
      await tx.get(col.doc("a"));
      tx.set(col.doc("a"), { v: 2 });
      tx.set(col.doc("b"), { v: 2 });
      throw new Error("business rule says no");
    });
    await expect(run).rejects.toThrow("business rule says no");
    expect((await col.doc("a").get()).get("v")).toBe(1);
    expect((await col.doc("b").get()).exists).toBe(false);
  });

  it("a transaction commit is atomic: a failing create() applies none of its writes", async () => {
    const col = freshCollection(db, "tx-atomic");
    await col.doc("taken").set({ v: 0 });
    const run = db.runTransaction(async (tx) => {
      await tx.get(col.doc("taken"));
      tx.set(col.doc("x"), { v: 1 });
      tx.create(col.doc("taken"), { v: 1 });
    });
    expect(await codeOf(run)).toBe(Code.ALREADY_EXISTS);
    expect((await col.doc("x").get()).exists).toBe(false);
  });
});
