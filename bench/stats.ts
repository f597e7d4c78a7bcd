// Pure statistics for the bench: nearest-rank percentiles (the same rule as
// bench/slots.ts and the local Firestore's bench), so figures stay comparable.

/** The nearest-rank percentile of `samples` (need not be sorted); q in (0, 1]. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  if (!(q > 0 && q <= 1)) throw new Error(`percentile wants q in (0, 1], got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/** The middle value; for an even count, the lower of the two middle ones (a value that was measured). */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Requests per second over the time the requests took, summed over every block that ran them. */
export function throughput(requests: number, elapsedMs: number): number {
  if (elapsedMs <= 0) throw new Error("throughput over no time");
  return (requests * 1000) / elapsedMs;
}
