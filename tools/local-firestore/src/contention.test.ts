import { describe, expect, it } from "vitest";
import { type Contender, IDLE_MS, ReadQueue } from "./contention";

function contender(readOnly = false): Contender & { finish(): void } {
  let finish = () => {};
  const done = new Promise<void>((r) => (finish = r));
  const c = { readOnly, lastActivity: Date.now(), finished: false, done, finish: () => {} };
  c.finish = () => {
    c.finished = true;
    finish();
  };
  return c;
}

describe("ReadQueue", () => {
  it("runs at once when nobody else holds the document", () => {
    const q = new ReadQueue<Contender>();
    let ran = false;
    q.waitTurn(["d"], undefined, false, () => (ran = true));
    expect(ran).toBe(true);
  });

  it("queues read-write readers behind a live reader, one at a time, in order", async () => {
    const q = new ReadQueue<Contender>();
    const first = contender();
    q.add("d", first);
    const order: string[] = [];
    const second = contender();
    const third = contender();
    q.waitTurn(["d"], second, false, () => {
      order.push("second");
      q.add("d", second);
    });
    q.waitTurn(["d"], third, false, () => {
      order.push("third");
      q.add("d", third);
    });
    expect(order).toEqual([]);
    first.finish();
    q.remove(["d"], first);
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(["second"]); // third now waits for second
    second.finish();
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(["second", "third"]);
  });

  it("never blocks read-only readers, and ignores idle or aborted holders", () => {
    const q = new ReadQueue<Contender>();
    const idle = contender();
    idle.lastActivity = Date.now() - IDLE_MS;
    const aborted = contender();
    aborted.abortedReason = "stale";
    q.add("d", idle);
    q.add("d", aborted);
    let ran = 0;
    q.waitTurn(["d"], undefined, false, () => ran++);
    const live = contender();
    q.add("d", live);
    q.waitTurn(["d"], undefined, true, () => ran++);
    expect(ran).toBe(2);
  });
});
