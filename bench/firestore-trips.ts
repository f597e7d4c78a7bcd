// `npm run bench:trips`: how many Firestore round-trips one request makes,
// and which documents and queries they are, for the pages and API calls the
// bench times. Runs `next start` (the existing production build) against a
// local Firestore in this process whose RPC handlers are wrapped to record
// every call, so duplicates (the same document read twice in one request)
// show. A profile, not a figure with a target: see docs/performance.md.
import path from "node:path";
import { LocalFirestoreService } from "../tools/local-firestore/src/grpc-service";
import { startLocalFirestore } from "../tools/local-firestore/src/server";
import { freePort, httpOk, startProcess, stopAll, waitFor, type Child } from "../scripts/lib/processes";
import { root, stackEnv } from "../scripts/lib/stack";

interface Call {
  method: string;
  what: string;
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

const proto = LocalFirestoreService.prototype as unknown as Record<string, (this: unknown, call: { request: Record<string, unknown> }, ...rest: unknown[]) => void>;
for (const method of ["GetDocument", "BatchGetDocuments", "RunQuery", "RunAggregationQuery", "BeginTransaction", "Commit", "Rollback", "BatchWrite", "ListDocuments"]) {
  const original = proto[method]!;
  proto[method] = function (this: unknown, call, ...rest) {
    let what = "";
    try {
      what = describe(method, call.request);
    } catch {
      what = "?";
    }
    calls.push({ method, what });
    return original.call(this, call, ...rest);
  };
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
  children.push(startProcess("next", path.join(root, "node_modules/.bin/next"), ["start", "--hostname", "127.0.0.1", "--port", String(appPort)], { env, quiet: true }));
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
  const requests: { name: string; init?: RequestInit; path: string }[] = [
    { name: "/", path: "/" },
    { name: "clinic page", path: "/book/demo" },
    { name: "doctor page", path: "/book/demo/dr-amara-okafor" },
    { name: "slots API (30 days)", path: slotsPath },
    {
      name: "booking POST",
      path: "/api/public/orgs/demo/doctors/dr-amara-okafor/requests",
      init: { method: "POST", body: JSON.stringify(booking), headers: { "content-type": "application/json" } },
    },
  ];
  for (const request of requests) {
    // Twice: the first may fill a process-wide cache; the second is the steady state.
    for (const run of ["first", "steady"]) {
      calls.length = 0;
      const init = request.init?.method === "POST" && run === "steady" ? { ...request.init, body: JSON.stringify({ ...booking, start: slots.at(-2)!.start, patient: { ...booking.patient, email: "trips2@example.com" } }) } : request.init;
      const response = await fetch(appUrl + request.path, { redirect: "manual", ...init });
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 300)); // work after the response (after()) counts too
      const perMethod = new Map<string, number>();
      for (const call of calls) perMethod.set(call.method, (perMethod.get(call.method) ?? 0) + 1);
      const byMethod = [...perMethod].map(([method, count]) => `${method} ${count}`);
      console.log(`\n${request.name} (${run}, ${response.status}): ${calls.length} round-trips: ${byMethod.join(", ")}`);
      const seen = new Map<string, number>();
      for (const call of calls) seen.set(`${call.method} ${call.what}`, (seen.get(`${call.method} ${call.what}`) ?? 0) + 1);
      for (const [what, count] of seen) console.log(`  ${count > 1 ? `${count}× ` : ""}${what}`);
    }
  }
} finally {
  await stopAll(children);
  await firestore.stop();
}
process.exit(0);
