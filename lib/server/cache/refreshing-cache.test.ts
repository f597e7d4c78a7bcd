import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRefreshingCache } from "./refreshing-cache";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("createRefreshingCache", () => {
  it("serves a loaded value until its time is up, then loads again", async () => {
    let clock = 0;
    let loads = 0;
    const cache = createRefreshingCache<number>({ ttlMs: 1000, maxEntries: 10, now: () => clock });
    const load = async () => ++loads;
    expect(await cache.get("a", load)).toBe(1);
    clock = 999;
    expect(await cache.get("a", load)).toBe(1);
    clock = 1000;
    expect(await cache.get("a", load)).toBe(2);
  });

  it("shares one load between concurrent gets", async () => {
    const cache = createRefreshingCache<string>({ ttlMs: 1000, maxEntries: 10 });
    const gate = deferred<string>();
    let loads = 0;
    const load = () => {
      loads++;
      return gate.promise;
    };
    const both = Promise.all([cache.get("a", load), cache.get("a", load)]);
    gate.resolve("v");
    expect(await both).toEqual(["v", "v"]);
    expect(loads).toBe(1);
  });

  it("never stores a load that began before forget", async () => {
    const cache = createRefreshingCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    const old = deferred<string>();
    const first = cache.get("a", () => old.promise);
    cache.forget("a");
    const second = cache.get("a", async () => "new");
    old.resolve("old");
    expect(await first).toBe("old");
    expect(await second).toBe("new");
    expect(await cache.get("a", async () => "newer")).toBe("new");
  });

  it("keeps neither a failed load nor a value keep refuses", async () => {
    const cache = createRefreshingCache<string | null>({ ttlMs: 60_000, maxEntries: 10, keep: (value) => value !== null });
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", async () => null)).toBeNull();
    expect(cache.size).toBe(0);
    expect(await cache.get("a", async () => "found")).toBe("found");
    expect(cache.size).toBe(1);
  });

  it("holds at most maxEntries keys, dropping the oldest first", async () => {
    const cache = createRefreshingCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.get(key, async () => key);
    expect(cache.size).toBe(2);
    expect(await cache.get("a", async () => "reloaded")).toBe("reloaded");
    expect(await cache.get("c", async () => "reloaded")).toBe("c");
  });

  // The model: a store whose documents have versions; a write bumps a version
  // and then forgets the key, as a verb does after its commit. A load reads the
  // version when it starts (the worst case) and finishes whenever the run says.
  // Rule: a get never returns a version older than the store's when it was called.
  it("never returns a value older than the last write forgotten before the get", async () => {
    const key = fc.constantFrom("a", "b");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("get" as const), key }),
      fc.record({ kind: fc.constant("write" as const), key }),
      fc.record({ kind: fc.constant("finish" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("tick" as const), ms: fc.integer({ min: 0, max: 1500 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60 }), async (ops) => {
        let clock = 0;
        const versions = new Map<string, number>();
        const cache = createRefreshingCache<number>({ ttlMs: 1000, maxEntries: 1, now: () => clock });
        const loads: { finish: () => void }[] = [];
        const gets: { promise: Promise<number>; atLeast: number }[] = [];
        const load = (k: string) => () => {
          const gate = deferred<number>();
          const read = versions.get(k) ?? 0;
          loads.push({ finish: () => gate.resolve(read) });
          return gate.promise;
        };
        for (const step of ops) {
          if (step.kind === "get") gets.push({ promise: cache.get(step.key, load(step.key)), atLeast: versions.get(step.key) ?? 0 });
          else if (step.kind === "write") {
            versions.set(step.key, (versions.get(step.key) ?? 0) + 1);
            cache.forget(step.key);
          } else if (step.kind === "tick") clock += step.ms;
          else if (loads.length > 0) loads.splice(step.pick % loads.length, 1)[0]!.finish();
          await flush();
        }
        for (const pending of loads) pending.finish();
        for (const get of gets) expect(await get.promise).toBeGreaterThanOrEqual(get.atLeast);
      }),
      { numRuns: 1000 },
    );
  });
});
