// Contention manager for optimistic transactions. Correctness never depends
// on it (commit-time validation does); it only reduces futile retries.
//
// Without it, N transactions that read-modify-write one hot document all read
// the same version, one commits and N-1 abort and retry after the SDK's ~1 s
// backoff; with 50 of them some exhaust the SDK's 5 attempts. Here a
// read-write transaction's document read waits while another live read-write
// transaction has already read that document, so they run one after another
// (FIFO: waiters wake in the order they started waiting). Waits are bounded:
// a transaction idle for IDLE_MS stops blocking others (a stalled client, or a
// transaction awaiting another one inside its callback), and no read waits
// longer than MAX_WAIT_MS before going ahead optimistically.

export const IDLE_MS = 500;
export const MAX_WAIT_MS = 2000;

export interface Contender {
  readonly readOnly: boolean;
  lastActivity: number;
  finished: boolean;
  abortedReason?: string;
  readonly done: Promise<void>;
}

export class ReadQueue<T extends Contender> {
  private readonly readers = new Map<string, Set<T>>();

  private blockers(keys: readonly string[], self: T | undefined, now: number): T[] {
    const out: T[] = [];
    for (const key of keys) {
      for (const t of this.readers.get(key) ?? []) {
        if (t === self || t.finished || t.abortedReason || now - t.lastActivity >= IDLE_MS) continue;
        out.push(t);
      }
    }
    return out;
  }

  /**
   * Calls `read` once no other live read-write transaction holds a read of
   * any of `keys` (or the wait is given up): at once when nothing blocks.
   * `read` runs synchronously at the moment the turn is taken, so the read it
   * records is visible to the next waiter before that one decides.
   */
  waitTurn(keys: readonly string[], self: T | undefined, readOnly: boolean, read: () => void): void {
    if (readOnly || this.blockers(keys, self, Date.now()).length === 0) {
      read();
      return;
    }
    const deadline = Date.now() + MAX_WAIT_MS;
    void (async () => {
      for (;;) {
        const now = Date.now();
        const blocking = this.blockers(keys, self, now);
        if (blocking.length === 0 || now >= deadline) break;
        // Wake when any blocker finishes, or re-check when one may have gone idle.
        const nextIdle = Math.min(...blocking.map((t) => t.lastActivity + IDLE_MS)) - now;
        await raceWithTimer(blocking.map((t) => t.done), Math.max(1, Math.min(deadline - now, nextIdle)));
      }
      read();
    })();
  }

  /** Records that `tx` read `key` (read-write transactions only). */
  add(key: string, tx: T): void {
    if (tx.readOnly) return;
    let set = this.readers.get(key);
    if (!set) this.readers.set(key, (set = new Set()));
    set.add(tx);
  }

  remove(keys: Iterable<string>, tx: T): void {
    for (const key of keys) {
      const set = this.readers.get(key);
      set?.delete(tx);
      if (set && set.size === 0) this.readers.delete(key);
    }
  }
}

async function raceWithTimer(promises: Promise<void>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  try {
    await Promise.race([...promises, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
