import "server-only";

export interface SweepOptions {
  /** Documents per query page (bounded: 1..500). */
  pageSize?: number;
  /** Stop starting new pages after this many ms; the function timeout is 60 s by default. */
  budgetMs?: number;
  /** Transactions in flight at once within a page. */
  concurrency?: number;
  /** Wall clock for the budget; injectable so tests need not sleep. */
  clock?: () => number;
}

/** The page size, the time budget and the concurrency one reminder run shares across its queries. */
export interface SweepBudget {
  pageSize: number;
  outOfTime(): boolean;
  /** Records that the run stopped with work left (the next run starts over and finds it). */
  leaveWork(): void;
  readonly more: boolean;
  inBatches<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void>;
}

const DEFAULTS = { pageSize: 100, budgetMs: 45_000, concurrency: 8 };

export function sweepBudget(opts: SweepOptions = {}): SweepBudget {
  const pageSize = Math.min(500, Math.max(1, Math.floor(opts.pageSize ?? DEFAULTS.pageSize)));
  const budgetMs = opts.budgetMs ?? DEFAULTS.budgetMs;
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULTS.concurrency);
  const clock = opts.clock ?? Date.now;
  const startedAt = clock();
  let more = false;
  return {
    pageSize,
    outOfTime: () => clock() - startedAt >= budgetMs,
    leaveWork: () => {
      more = true;
    },
    get more() {
      return more;
    },
    async inBatches(items, fn) {
      for (let i = 0; i < items.length; i += concurrency) await Promise.all(items.slice(i, i + concurrency).map(fn));
    },
  };
}
