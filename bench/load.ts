// HTTP load for the bench: one request timed to its first byte and to its
// end, and a concurrency pool. fetch (undici) keeps connections alive, as a
// browser or a load balancer would.
import { performance } from "node:perf_hooks";

export interface HttpCall {
  method?: "GET" | "POST";
  path: string;
  body?: unknown;
}

export interface Sample {
  status: number;
  /** Until the response's status and headers: Next sends them with the first chunk of the body. */
  ttfbMs: number;
  totalMs: number;
}

export async function send(baseUrl: string, call: HttpCall): Promise<Sample> {
  const t0 = performance.now();
  const response = await fetch(baseUrl + call.path, {
    method: call.method ?? "GET",
    redirect: "manual",
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body), headers: { "content-type": "application/json" } }),
  });
  const ttfbMs = performance.now() - t0;
  await response.arrayBuffer();
  return { status: response.status, ttfbMs, totalMs: performance.now() - t0 };
}

/** Runs `work` over `items`, at most `concurrency` at a time; answers in the items' order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Every sample answered one of `statuses`, or the bench stops: a figure over error pages means nothing. */
export function expectStatuses(what: string, samples: readonly Sample[], statuses: readonly number[]): void {
  const wrong = samples.filter((s) => !statuses.includes(s.status));
  if (wrong.length > 0) throw new Error(`${what}: ${wrong.length} of ${samples.length} answered ${[...new Set(wrong.map((s) => s.status))].join(", ")}`);
}
