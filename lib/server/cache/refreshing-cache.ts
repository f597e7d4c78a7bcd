/**
 * A small in-process cache of values loaded from Firestore, for reads that
 * every public page makes but that change only when staff edit something.
 *
 * - A value is served for `ttlMs` from the moment its load began, then loaded
 *   again: the bound on how stale another server process can be.
 * - Concurrent gets of one key share one load.
 * - `forget(key)` drops the value and any load in flight: a get that starts
 *   after `forget` returns always loads anew, and a load that began before
 *   `forget` is never stored (it may have read the document before the write).
 * - A failed load is not stored; neither is a value `keep` refuses (a slug not
 *   found yet may be taken by a new clinic the next second).
 * - At most `maxEntries` keys; the oldest stored goes first.
 *
 * No I/O here: the loader does it. Not shared between processes.
 */
export interface RefreshingCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  forget(key: string): void;
  clear(): void;
  readonly size: number;
}

export interface RefreshingCacheOptions<V> {
  ttlMs: number;
  maxEntries: number;
  /** Whether a loaded value may be kept; every value by default. */
  keep?: (value: V) => boolean;
  now?: () => number;
}

interface Entry<V> {
  startedAt: number;
  pending: Promise<V> | null;
  stored: { value: V } | null;
}

export function createRefreshingCache<V>(options: RefreshingCacheOptions<V>): RefreshingCache<V> {
  const { ttlMs, maxEntries, keep = () => true, now = Date.now } = options;
  if (!(ttlMs > 0) || !(maxEntries > 0)) throw new Error("ttlMs and maxEntries must be positive");
  const entries = new Map<string, Entry<V>>();

  function start(key: string, load: () => Promise<V>): Promise<V> {
    const entry: Entry<V> = { startedAt: now(), pending: null, stored: null };
    const current = () => entries.get(key) === entry;
    entry.pending = load().then(
      (value) => {
        if (current()) {
          if (keep(value)) {
            entry.stored = { value };
            entry.pending = null;
          } else entries.delete(key);
        }
        return value;
      },
      (error: unknown) => {
        if (current()) entries.delete(key);
        throw error;
      },
    );
    // Re-inserted last: Map order is the eviction order.
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return entry.pending;
  }

  return {
    get(key, load) {
      const entry = entries.get(key);
      if (entry?.pending) return entry.pending;
      if (entry?.stored && now() - entry.startedAt < ttlMs) return Promise.resolve(entry.stored.value);
      return start(key, load);
    },
    forget(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
