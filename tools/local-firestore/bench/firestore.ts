// `npm run bench:firestore`: latency floor of the local Firestore through the
// admin SDK. Starts the server on a free port, warms up, then times sequential
// (a) single-document set() and (b) transactions that read one document and
// write it back. Prints a table and one JSON line (for later comparisons).
import { performance } from "node:perf_hooks";
import { startLocalFirestore } from "../src/server";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

async function measure(run: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number; mean: number; n: number }> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await run(WARMUP + i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), mean, n: samples.length };
}

const server = await startLocalFirestore({ host: "127.0.0.1", port: 0 });
process.env.FIRESTORE_EMULATOR_HOST = `${server.host}:${server.port}`;
try {
  const { initializeApp } = await import("firebase-admin/app");
  const { getFirestore } = await import("firebase-admin/firestore").catch((err: unknown) => {
    throw new Error(
      "firebase-admin/firestore failed to load. Its optional dependency @google-cloud/firestore " +
        "may be missing (npm skips it when the Node version is below its engines range).",
      { cause: err },
    );
  });
  const db = getFirestore(initializeApp({ projectId: "demo-bench" }));
  const col = db.collection("bench");
  const payload = { name: "Dr. Example", slots: ["09:00", "09:30", "10:00"], meta: { clinic: "c1", capacity: 3 } };

  const write = await measure((i) => col.doc(`w${i % 100}`).set({ ...payload, i }));
  const txRef = col.doc("tx");
  const transaction = await measure(() =>
    db.runTransaction(async (tx) => {
      const snap = await tx.get(txRef);
      tx.set(txRef, { n: ((snap.get("n") as number | undefined) ?? 0) + 1 });
    }),
  );
  await db.terminate();

  const fmt = (n: number) => n.toFixed(2).padStart(8);
  console.log(`Local Firestore latency, ${ITERATIONS} iterations each after ${WARMUP} warm-up (ms)`);
  console.log("operation                      p50       p99      mean");
  console.log(`set() one document       ${fmt(write.p50)}  ${fmt(write.p99)}  ${fmt(write.mean)}`);
  console.log(`transaction read+write   ${fmt(transaction.p50)}  ${fmt(transaction.p99)}  ${fmt(transaction.mean)}`);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: "firestore",
      iterations: ITERATIONS,
      warmup: WARMUP,
      set_p50_ms: round(write.p50),
      set_p99_ms: round(write.p99),
      tx_p50_ms: round(transaction.p50),
      tx_p99_ms: round(transaction.p99),
    }),
  );
} finally {
  await server.stop();
}
