// `npm run bench:trips`: how many Firestore round-trips one request makes,
// and which documents and queries they are, for the pages and API calls the
// bench times. Runs `next start` (the existing production build) against a
// local Firestore in this process whose RPC handlers are wrapped to record
// every call, so duplicates (the same document read twice in one request)
// show. A profile, not a figure with a target: see docs/performance.md.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { LocalFirestoreService } from "../tools/local-firestore/src/grpc-service";
import { startLocalFirestore } from "../tools/local-firestore/src/server";
import { freePort, httpOk, startProcess, stopAll, waitFor, type Child } from "../scripts/lib/processes";
import { root, stackEnv } from "../scripts/lib/stack";

interface Call {
  method: string;
  what: string;
  /** When the server received it, and how long its handler ran (handlers are synchronous: this is the server's work). */
  at: number;
  ms: number;
  /** When it was answered: later than `at + ms` when a transactional read waited its turn (contention.ts). */
  answeredAt?: number;
}
const calls: Call[] = [];

/** A short description of what an RPC asked for: document paths, a query's collection, a transaction. */
function describe(method: string, request: Record<string, unknown>): string {
  const short = (name: unknown) => String(name).replace(/^projects\/[^/]+\/databases\/[^/]+\/documents\/?/, "");
  const tx = request.transaction && (request.transaction as Uint8Array).length ? " (in tx)" : "";
  if (method === "BatchGetDocuments") return (request.documents as string[]).map(short).join(", ") + tx;
  if (method === "RunQuery" || method === "RunAggregationQuery") {
    const query = (request.structured_query ?? request.structuredQuery ?? (request.structured_aggregation_query as Record<string, unknown>)?.structured_query) as
      | { from?: { collection_id?: string; collectionId?: string; all_descendants?: boolean }[]; where?: unknown }
      | undefined;
    const from = query?.from?.map((f) => f.collection_id ?? f.collectionId).join(",");
    return `${short(request.parent)}/${from ?? "?"}${tx}`;
  }
  if (method === "Commit") return `${(request.writes as unknown[]).length} writes${tx}`;
  return "";
}

type Rpc = { request: Record<string, unknown>; end?: (...args: unknown[]) => void };
const proto = LocalFirestoreService.prototype as unknown as Record<string, (this: unknown, call: Rpc, ...rest: unknown[]) => void>;
for (const method of ["GetDocument", "BatchGetDocuments", "RunQuery", "RunAggregationQuery", "BeginTransaction", "Commit", "Rollback", "BatchWrite", "ListDocuments"]) {
  const original = proto[method]!;
  proto[method] = function (this: unknown, call, ...rest) {
    let what = "";
    try {
      what = describe(method, call.request);
    } catch {
      what = "?";
    }
    const record: Call = { method, what, at: performance.now(), ms: 0 };
    calls.push(record);
    // A streamed answer ends with call.end(), a unary one through its callback.
    const answered = () => (record.answeredAt ??= performance.now());
    const end = call.end;
    if (end) call.end = (...args) => (answered(), end.apply(call, args));
    const callback = rest[0];
    if (typeof callback === "function") rest[0] = (...args: unknown[]) => (answered(), callback(...args));
    const result = original.call(this, call, ...rest);
    record.ms = performance.now() - record.at;
    return result;
  };
}

/**
 * CPU time (user + system, ms) the app's processes (the process group `next start` leads) have used so far, from
 * /proc (Linux; NaN elsewhere). Unlike a response time, it hardly moves with the machine's load.
 */
function appCpuMs(group: number | undefined): number {
  if (group === undefined) return Number.NaN;
  let ticks = 0;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // it ended meanwhile
      }
      // After the command's ")": state, ppid, pgrp, …, utime (14th field overall) and stime (15th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return Number.NaN;
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

const firestore = await startLocalFirestore({ host: "127.0.0.1", port: 0 });
const appPort = await freePort();
const appUrl = `http://127.0.0.1:${appPort}`;
const env = {
  ...stackEnv({ firestore: firestore.port, auth: await freePort(), functions: 0, hub: 0, logging: 0 }, appUrl, "demo-trips"),
  REQUEST_LIMITS_LOOPBACK_EXEMPT: "1",
};
Object.assign(process.env, env);
const children: Child[] = [];
try {
  const { seedFirestore } = await import("../scripts/seed");
  await seedFirestore();
  const app = startProcess("next", path.join(root, "node_modules/.bin/next"), ["start", "--hostname", "127.0.0.1", "--port", String(appPort)], { env, quiet: true });
  children.push(app);
  await waitFor("next start", httpOk(`${appUrl}/api/health`));

  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(Date.now());
  const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const slotsPath = `/api/public/orgs/demo/doctors/dr-amara-okafor/slots?from=${today}&to=${addDays(today, 29)}`;
  const { slots } = (await (await fetch(appUrl + slotsPath)).json()) as { slots: { start: string }[] };
  const booking = {
    start: slots.at(-1)!.start,
    patient: { name: "Trip Counter", email: "trips@example.com", phone: "+1 555 010 0100" },
    reason: "Counting round-trips.",
  };
  const bookingPath = "/api/public/orgs/demo/doctors/dr-amara-okafor/requests";
  const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const patient = (email: string) => ({ ...booking.patient, email });
  // `init(run)`: the request for the first and the steady run (a booking POST needs a fresh time or patient each run).
  const requests: { name: string; path: string; init?: (run: string) => RequestInit }[] = [
    { name: "/", path: "/" },
    { name: "clinic page", path: "/book/demo" },
    { name: "doctor page", path: "/book/demo/dr-amara-okafor" },
    { name: "slots API (30 days)", path: slotsPath },
    {
      name: "booking POST",
      path: bookingPath,
      init: (run) => post(run === "first" ? booking : { ...booking, start: slots.at(-2)!.start, patient: patient("trips2@example.com") }),
    },
    {
      // The burst's 99 losers: the time the first booking POST took, asked for by other patients.
      name: "booking POST, time taken",
      path: bookingPath,
      init: (run) => post({ ...booking, patient: patient(`trips-${run}-loser@example.com`) }),
    },
  ];
  for (const request of requests) {
    // Twice: the first may fill a process-wide cache; the second is the steady state.
    for (const run of ["first", "steady"]) {
      calls.length = 0;
      const init = request.init?.(run);
      const cpuBefore = appCpuMs(app.proc.pid);
      const sent = performance.now();
      const response = await fetch(appUrl + request.path, { redirect: "manual", ...init });
      await response.arrayBuffer();
      const took = performance.now() - sent;
      await new Promise((resolve) => setTimeout(resolve, 300)); // work after the response (after()) counts too
      const cpu = appCpuMs(app.proc.pid) - cpuBefore;
      const perMethod = new Map<string, number>();
      for (const call of calls) perMethod.set(call.method, (perMethod.get(call.method) ?? 0) + 1);
      const byMethod = [...perMethod].map(([method, count]) => `${method} ${count}`);
      const serverMs = calls.reduce((sum, call) => sum + call.ms, 0);
      console.log(`\n${request.name} (${run}, ${response.status}): ${calls.length} round-trips: ${byMethod.join(", ")}`);
      console.log(`  response in ${took.toFixed(1)} ms, of which the Firestore handlers ${serverMs.toFixed(1)} ms; the app's CPU ${cpu} ms`);
      // Each call with when it arrived (ms after the request was sent): calls at about the same moment ran in parallel.
      for (const call of calls) console.log(`  +${(call.at - sent).toFixed(1).padStart(6)} ms (${call.ms.toFixed(1)} ms) ${call.method} ${call.what}`);
    }
  }

  // The contention row's burst: every request for one time at once, each from its own patient.
  const burst = Number(process.env.TRIPS_BURST ?? 100);
  calls.length = 0;
  const burstStart = slots.at(-3)!.start;
  const burstCpuBefore = appCpuMs(app.proc.pid);
  const sent = performance.now();
  const answers = await Promise.all(
    Array.from({ length: burst }, async (_, i) => {
      const response = await fetch(appUrl + bookingPath, post({ ...booking, start: burstStart, patient: patient(`trips-burst-${i}@example.com`) }));
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - sent };
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const burstCpu = appCpuMs(app.proc.pid) - burstCpuBefore;
  const statuses = new Map<number, number>();
  for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const perMethod = new Map<string, number>();
  for (const call of calls) perMethod.set(call.method, (perMethod.get(call.method) ?? 0) + 1);
  const waits = calls.map((call) => (call.answeredAt ?? call.at + call.ms) - call.at - call.ms);
  console.log(`\n${burst} concurrent booking POSTs for one time: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(", ")}`);
  console.log(`  answered: p50 ${times[Math.floor(burst / 2)]!.toFixed(0)} ms, last ${times.at(-1)!.toFixed(0)} ms; the app's CPU ${burstCpu} ms (${(burstCpu / burst).toFixed(1)} ms a request)`);
  console.log(`  ${calls.length} round-trips (${(calls.length / burst).toFixed(1)} a request): ${[...perMethod].map(([m, n]) => `${m} ${n}`).join(", ")}`);
  console.log(`  Firestore handlers ${calls.reduce((sum, c) => sum + c.ms, 0).toFixed(0)} ms in all; reads waiting their turn ${waits.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, the longest ${Math.max(...waits).toFixed(0)} ms`);
} finally {
  await stopAll(children);
  await firestore.stop();
}
process.exit(0);
