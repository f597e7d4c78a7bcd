// Engine-level tests (no network): atomic commits, no-op writes, clock,
// transactions' conflict detection and loud failures.
import { describe, expect, it } from "vitest";
import { status } from "@grpc/grpc-js";
import {
  Precondition,
  TransactionOptions,
  TransactionOptionsReadOnly,
} from "@firestore-emulator/proto/dist/google/firestore/v1/common";
import { Document, Value } from "@firestore-emulator/proto/dist/google/firestore/v1/document";
import { StructuredQuery } from "@firestore-emulator/proto/dist/google/firestore/v1/query";
import { Write } from "@firestore-emulator/proto/dist/google/firestore/v1/write";
import { Timestamp } from "@firestore-emulator/proto/dist/google/protobuf/timestamp";
import { currentReadTime, nextCommitTime } from "./clock";
import { FirestoreError } from "./errors";
import { fromProtoValue } from "./proto-convert";
import { resultSignature, runQuery } from "./query";
import { checkReadTime } from "./read-context";
import { Store } from "./store";
import { TransactionManager } from "./transactions";
import { commitWrites } from "./writes";

const DB = "projects/p/databases/(default)";
const name = (path: string) => `${DB}/documents/${path}`;
const set = (path: string, fields: Record<string, number>, pre?: Precondition) =>
  new Write({
    update: new Document({ name: name(path), fields: new Map(Object.entries(fields).map(([k, v]) => [k, new Value({ integer_value: v })])) }),
    ...(pre ? { current_document: pre } : {}),
  });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof FirestoreError) return err.code;
    throw err;
  }
  return "ok";
};

describe("commitWrites", () => {
  it("applies nothing when a later write fails, and sees earlier writes of the same commit", () => {
    const db = new Store().database(DB);
    commitWrites(db, [set("c/a", { v: 1 })], nextCommitTime());
    const before = db.changeCounter;
    const failing = [set("c/new", { v: 1 }), set("c/a", { v: 2 }, new Precondition({ exists: false }))];
    expect(codeOf(() => commitWrites(db, failing, nextCommitTime()))).toBe(status.ALREADY_EXISTS);
    expect(db.get("c/new")).toBeUndefined();
    expect(db.changeCounter).toBe(before);
    // create then update in one commit: the update sees the create.
    commitWrites(db, [set("c/b", { v: 1 }, new Precondition({ exists: false })), set("c/b", { w: 2 }, new Precondition({ exists: true }))], nextCommitTime());
    expect([...(db.get("c/b")?.fields.keys() ?? [])]).toEqual(["w"]);
  });

  it("keeps the previous update_time for a write that changes nothing", () => {
    const db = new Store().database(DB);
    const [first] = commitWrites(db, [set("c/a", { v: 1 })], nextCommitTime());
    const [again] = commitWrites(db, [set("c/a", { v: 1 })], nextCommitTime());
    expect(again?.updateTime).toBe(first?.updateTime);
    const [changed] = commitWrites(db, [set("c/a", { v: 2 })], nextCommitTime());
    expect((changed?.updateTime ?? 0n) > (first?.updateTime ?? 0n)).toBe(true);
  });
});

describe("clock and values", () => {
  it("commit times strictly increase and are whole microseconds", () => {
    let prev = nextCommitTime();
    for (let i = 0; i < 2000; i++) {
      const t = nextCommitTime();
      expect(t > prev).toBe(true);
      expect(t % 1000n).toBe(0n);
      prev = t;
    }
    expect(currentReadTime() >= prev).toBe(true);
  });

  it("rounds timestamp values down to microseconds", () => {
    const v = fromProtoValue(new Value({ timestamp_value: new Timestamp({ seconds: 5, nanos: 123_456_789 }) }));
    expect(v).toEqual({ t: "ts", s: 5, n: 123_456_000 });
  });

  it("refuses reads at a read_time older than the latest change", () => {
    const db = new Store().database(DB);
    const early = new Timestamp({ seconds: 1, nanos: 0 });
    expect(codeOf(() => checkReadTime(db, early))).toBe("ok");
    commitWrites(db, [set("c/a", { v: 1 })], nextCommitTime());
    expect(codeOf(() => checkReadTime(db, early))).toBe(status.UNIMPLEMENTED);
  });
});

describe("transactions", () => {
  const setup = () => {
    const store = new Store();
    const db = store.database(DB);
    commitWrites(db, [set("c/a", { v: 1 })], nextCommitTime());
    return { db, txs: new TransactionManager() };
  };

  it("aborts when a read document changed, and ends the transaction", () => {
    const { db, txs } = setup();
    const { id, tx } = txs.begin(db);
    txs.recordDoc(tx, "c/a", db.versionOf("c/a"));
    txs.recordDoc(tx, "c/missing", 0n);
    commitWrites(db, [set("c/missing", { v: 1 })], nextCommitTime());
    expect(codeOf(() => txs.finishForCommit(tx, 1))).toBe(status.ABORTED);
    expect(codeOf(() => txs.get(id, db))).toBe(status.INVALID_ARGUMENT);
  });

  it("aborts a later read once an earlier read is stale (consistent snapshot)", () => {
    const { db, txs } = setup();
    const { tx } = txs.begin(db);
    txs.recordDoc(tx, "c/a", db.versionOf("c/a"));
    commitWrites(db, [set("c/a", { v: 2 })], nextCommitTime());
    expect(codeOf(() => txs.ensureCurrent(tx))).toBe(status.ABORTED);
    expect(codeOf(() => txs.finishForCommit(tx, 0))).toBe(status.ABORTED);
  });

  it("aborts when a new document joins a query's result (phantom)", () => {
    const { db, txs } = setup();
    const { tx } = txs.begin(db);
    const query = StructuredQuery.fromObject({ from: [{ collection_id: "c" }] });
    const rerun = () => resultSignature(runQuery(db, "", query).docs);
    txs.recordQuery(tx, "all of c", rerun(), rerun);
    commitWrites(db, [set("c/b", { v: 1 })], nextCommitTime());
    expect(codeOf(() => txs.finishForCommit(tx, 1))).toBe(status.ABORTED);
  });

  it("rejects writes in read-only transactions and commits after rollback", () => {
    const { db, txs } = setup();
    const ro = txs.begin(db, new TransactionOptions({ read_only: new TransactionOptionsReadOnly() })).tx;
    expect(codeOf(() => txs.finishForCommit(ro, 1))).toBe(status.INVALID_ARGUMENT);
    const { id } = txs.begin(db);
    txs.rollback(id, db);
    expect(codeOf(() => txs.get(id, db))).toBe(status.INVALID_ARGUMENT);
  });
});

describe("queries", () => {
  it("kindless all-descendants queries with __name__ bounds (recursiveDelete's pattern)", () => {
    const db = new Store().database(DB);
    commitWrites(db, ["col/a", "col/a/sub/x", "col2/b", "other/c"].map((p) => set(p, { v: 1 })), nextCommitTime());
    const ref = (p: string) => ({ reference_value: name(p) });
    const query = StructuredQuery.fromObject({
      from: [{ all_descendants: true }],
      where: {
        composite_filter: {
          op: 1,
          filters: [
            { field_filter: { field: { field_path: "__name__" }, op: 4, value: ref("col/__id-9223372036854775808__") } },
            { field_filter: { field: { field_path: "__name__" }, op: 1, value: ref("col\u0000/__id-9223372036854775808__") } },
          ],
        },
      },
    });
    expect(runQuery(db, "", query).docs.map((d) => d.path)).toEqual(["col/a", "col/a/sub/x"]);
  });

  it("fails loudly on vector search", () => {
    const db = new Store().database(DB);
    const query = StructuredQuery.fromObject({ from: [{ collection_id: "c" }], find_nearest: { vector_field: { field_path: "v" } } });
    expect(codeOf(() => runQuery(db, "", query))).toBe(status.UNIMPLEMENTED);
  });
});
