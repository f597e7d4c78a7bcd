// Features a server may not support must fail loudly (UNIMPLEMENTED, naming
// the feature) and promptly; they must never hang or return wrong data.
// Against the official emulator these features work, which also passes.
import { afterAll, describe, expect, it } from "vitest";
import { Timestamp } from "firebase-admin/firestore";
import { Code, freshCollection, sleep, testDb } from "./helpers";

const db = testDb();
afterAll(async () => {
  await db.terminate();
});

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`no answer within ${ms} ms (hang)`)))]);

describe("unsupported features fail loudly", () => {
  it("onSnapshot (Listen) either delivers a snapshot or errors with UNIMPLEMENTED naming Listen", async () => {
    const ref = freshCollection(db, "listen").doc("d");
    await ref.set({ v: 1 });
    let unsubscribe = () => {};
    const outcome = new Promise<{ value?: number; error?: { code?: number; message: string } }>((resolve) => {
      unsubscribe = ref.onSnapshot(
        (snap) => resolve({ value: snap.get("v") as number }),
        (error) => resolve({ error: error as { code?: number; message: string } }),
      );
    });
    const result = await within(outcome, 10_000);
    unsubscribe();
    if (result.error) {
      // The SDK reports a rejected watch target as "Error <code>: <message>" without .code.
      const code = result.error.code ?? Number(/Error (\d+):/.exec(result.error.message)?.[1]);
      expect(code).toBe(Code.UNIMPLEMENTED);
      expect(result.error.message).toMatch(/Listen/);
    } else {
      expect(result.value).toBe(1);
    }
  });

  it("a read at a past readTime returns the old data or fails with UNIMPLEMENTED, never the new data", async () => {
    const ref = freshCollection(db, "read-time").doc("d");
    const first = await ref.set({ v: "old" });
    const readTime = first.writeTime;
    await sleep(5);
    await ref.set({ v: "new" });
    const read = db.runTransaction((tx) => tx.get(ref), { readOnly: true, readTime: readTime as Timestamp });
    try {
      const snap = await within(read, 10_000);
      expect(snap.get("v")).toBe("old");
    } catch (err) {
      expect((err as { code?: number }).code).toBe(Code.UNIMPLEMENTED);
    }
  });

  it("query explain() works or fails with UNIMPLEMENTED", async () => {
    const col = freshCollection(db, "explain");
    await col.doc("a").set({ n: 1 });
    try {
      const result = await within(col.where("n", "==", 1).explain({ analyze: true }), 10_000);
      expect(result.snapshot?.size).toBe(1);
    } catch (err) {
      expect((err as { code?: number }).code).toBe(Code.UNIMPLEMENTED);
      expect((err as Error).message).toMatch(/explain/);
    }
  });

  it("query partitioning (PartitionQuery) works or fails with UNIMPLEMENTED without hanging", async () => {
    const col = freshCollection(db, "partition");
    await col.doc("a").set({});
    const run = async () => {
      const parts = [];
      for await (const p of db.collectionGroup(col.id).getPartitions(2)) parts.push(p);
      return parts;
    };
    try {
      const parts = await within(run(), 10_000);
      expect(parts.length).toBeGreaterThanOrEqual(1);
    } catch (err) {
      expect((err as { code?: number }).code).toBe(Code.UNIMPLEMENTED);
      expect((err as Error).message).toMatch(/PartitionQuery/);
    }
  });
});
