// Many transactions at once on one document: the SDK retries on ABORTED and
// every transaction's effect lands exactly once.
import { describe, expect, it } from "vitest";
import { freshCollection, testDb } from "./helpers";

const db = testDb();

describe.concurrent("contention", () => {
  it("20 concurrent read-increment-write transactions on one counter end at 20", async () => {
    const ref = freshCollection(db, "contention-counter").doc("counter");
    await ref.set({ n: 0 });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.runTransaction(async (tx) => {
          const snap = await tx.get(ref);
          tx.update(ref, { n: (snap.get("n") as number) + 1 });
        }),
      ),
    );
    expect((await ref.get()).get("n")).toBe(20);
  });

  it("20 concurrent 'take the lock if free' transactions produce exactly one winner", async () => {
    const lock = freshCollection(db, "contention-lock").doc("lock");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.runTransaction(async (tx) => {
          const snap = await tx.get(lock);
          if (snap.exists) return false;
          tx.set(lock, { holder: `worker-${i}` });
          return true;
        }),
      ),
    );
    const winners = results.map((won, i) => (won ? i : -1)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    expect((await lock.get()).get("holder")).toBe(`worker-${winners[0]}`);
  });
});
