// `npm run bench`: the performance issue's table, measured in one run against
// the production stack (`next start` on a production build, our Firestore, the
// Auth emulator, the Stripe stand-in) on ports of its own, with the slot
// engine's figures first. Prints a markdown table (each ratio, its target) and
// writes bench/results.json. docs/performance.md says what each figure means.
//
// Flags: --requests N (per URL and phase, 150–400, default 200);
// --no-lighthouse (the HTTP figures alone, for a quick look; Lighthouse rows
// then read 0). BENCH_PORT_OFFSET moves every port; BENCH_VERBOSE=1 shows the
// stack's logs.
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { stopAll, type Child } from "../scripts/lib/processes";
import { root } from "../scripts/lib/stack";
import { startProductionStack } from "../scripts/lib/production-stack";
import { nextBuild, staleBuild } from "./build";
import { measurePageJs } from "./js-size";
import { lighthouseOnce, medianRun, type LighthouseRun } from "./lighthouse";
import { expectStatuses, pool, send, type HttpCall, type Sample } from "./load";
import { buildRows, markdownTable, type Latency, type Lighthouse, type Measurements } from "./report";
import { benchSlotEngine } from "./slots";
import { summarize, throughput } from "./stats";

const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
const PORTS = {
  app: 3050 + offset,
  stripe: 12150 + offset,
  backend: { firestore: 8085 + offset, auth: 9095 + offset, functions: 5095 + offset, hub: 4395 + offset, logging: 4495 + offset },
};
const CONCURRENCY = 20;
const ROUNDS = 4;
const CONTENDERS = 100;
const LIGHTHOUSE_RUNS = 3;

const CLINIC = { slug: "demo", zone: "America/New_York" };
const DOCTOR = "dr-amara-okafor";
// Every seeded doctor with hours, in both clinics: bookings spread over them so none waits on another's slot locks.
const BOOKING_DOCTORS = [
  { slug: "demo", doctorId: "dr-amara-okafor" },
  { slug: "demo", doctorId: "dr-lucas-moreau" },
  { slug: "demo", doctorId: "dr-priya-raman" },
  { slug: "demo-free", doctorId: "dr-hannah-berg" },
  { slug: "demo-free", doctorId: "dr-samuel-osei" },
  { slug: "demo-free", doctorId: "dr-mei-lin" },
];
const PAGES = { home: "/", clinic: `/book/${CLINIC.slug}`, doctor: `/book/${CLINIC.slug}/${DOCTOR}`, login: "/login" };

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
function requestsPerUrl(): number {
  const at = args.indexOf("--requests");
  const n = at >= 0 ? Number(args[at + 1]) : 200;
  if (!Number.isInteger(n) || n < 150 || n > 400) throw new Error("--requests must be an integer from 150 to 400");
  return n;
}

const localDate = (ms: number, zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(ms);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const latency = (samples: readonly number[]): Latency => {
  const { n, p50, p95, p99 } = summarize(samples);
  return { n, p50, p95, p99 };
};
const benchStart = performance.now();
const log = (text: string) => console.log(`[bench] ${((performance.now() - benchStart) / 1000).toFixed(0).padStart(3)} s  ${text}`);

/** TTFB at concurrency 1, the URLs interleaved request by request so a change in the machine's load hits all alike. */
async function ttfbPhase(baseUrl: string, calls: Record<string, HttpCall>, n: number): Promise<Record<string, Latency>> {
  const names = Object.keys(calls);
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < 20; i++) for (const name of names) await send(baseUrl, calls[name]!); // warm-up
  for (let i = 0; i < n; i++) for (const name of names) samples[name]!.push(await send(baseUrl, calls[name]!));
  for (const name of names) expectStatuses(`TTFB ${name}`, samples[name]!, [200]);
  return Object.fromEntries(names.map((name) => [name, latency(samples[name]!.map((s) => s.ttfbMs))]));
}

/**
 * Throughput at concurrency 20: each target's requests split into blocks,
 * the blocks interleaved (home, clinic, booking, home, …); a target's rate is
 * its requests over the time its own blocks took.
 */
async function throughputPhase(baseUrl: string, targets: Record<string, HttpCall[]>) {
  const names = Object.keys(targets);
  const elapsed: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      const calls = targets[name]!;
      const block = calls.slice(Math.floor((round * calls.length) / ROUNDS), Math.floor(((round + 1) * calls.length) / ROUNDS));
      const t0 = performance.now();
      samples[name]!.push(...(await pool(block, CONCURRENCY, (call) => send(baseUrl, call))));
      elapsed[name]! += performance.now() - t0;
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { rps: throughput(samples[name]!.length, elapsed[name]!), latency: latency(samples[name]!.map((s) => s.totalMs)), samples: samples[name]! }]),
  );
}

let patients = 0;
const bookingCall = (slug: string, doctorId: string, start: string): HttpCall => {
  patients += 1;
  return {
    method: "POST",
    path: `/api/public/orgs/${slug}/doctors/${doctorId}/requests`,
    // A patient of their own for every request: the per-email limit (3 live requests) must never answer.
    body: { start, patient: { name: "Bench Patient", email: `bench-${patients}@example.com`, phone: "+1 555 010 0100" }, reason: "Bench booking." },
  };
};

/** `n` booking requests for distinct free times, round-robin over the doctors, and one more time kept apart for the contention row. */
async function bookingCalls(baseUrl: string, n: number): Promise<{ distinct: HttpCall[]; contended: HttpCall[] }> {
  const perDoctor = await Promise.all(
    BOOKING_DOCTORS.map(async ({ slug, doctorId }) => {
      const today = localDate(Date.now(), slug === "demo" ? "America/New_York" : "America/Chicago");
      const response = await fetch(`${baseUrl}/api/public/orgs/${slug}/doctors/${doctorId}/slots?from=${today}&to=${addDays(today, 59)}`);
      if (response.status !== 200) throw new Error(`slots for ${doctorId} answered ${response.status}`);
      const { slots } = (await response.json()) as { slots: { start: string }[] };
      return slots.map((slot) => bookingCall(slug, doctorId, slot.start));
    }),
  );
  // The contended time: the last free one of the first doctor, away from the others' requests.
  const kept = perDoctor[0]!.pop();
  if (!kept) throw new Error(`${BOOKING_DOCTORS[0]!.doctorId} has no free time`);
  const distinct: HttpCall[] = [];
  for (let i = 0; distinct.length < n; i++) {
    const round = perDoctor.map((calls) => calls[i]).filter((call): call is HttpCall => call !== undefined);
    if (round.length === 0) throw new Error(`only ${distinct.length} free times across the seeded doctors; ${n} wanted`);
    distinct.push(...round.slice(0, n - distinct.length));
  }
  const { slug, doctorId } = BOOKING_DOCTORS[0]!;
  const start = (kept.body as { start: string }).start;
  return { distinct, contended: Array.from({ length: CONTENDERS }, () => bookingCall(slug, doctorId, start)) };
}

async function contentionPhase(baseUrl: string, calls: HttpCall[]): Promise<Measurements["contention"]> {
  const samples = await Promise.all(calls.map((call) => send(baseUrl, call)));
  const count = (status: number) => samples.filter((s) => s.status === status).length;
  return {
    requests: samples.length,
    created: count(201),
    conflicts: count(409),
    other: samples.length - count(201) - count(409),
    latency: latency(samples.map((s) => s.totalMs)),
  };
}

async function lighthousePhase(baseUrl: string): Promise<{ clinic: LighthouseRun[]; doctor: LighthouseRun[] }> {
  const runs = { clinic: [] as LighthouseRun[], doctor: [] as LighthouseRun[] };
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    for (const page of ["clinic", "doctor"] as const) {
      const result = await lighthouseOnce(baseUrl + PAGES[page], root);
      log(`Lighthouse ${PAGES[page]} run ${i + 1}: performance ${result.performance}, TBT ${Math.round(result.tbtMs)} ms, LCP ${Math.round(result.lcpMs)} ms`);
      runs[page].push(result);
    }
  }
  return runs;
}

const noLighthouse: Lighthouse = { performance: 0, accessibility: 0, bestPractices: 0, tbtMs: Number.NaN, lcpMs: Number.NaN, runs: 0 };

async function main(): Promise<void> {
  const n = requestsPerUrl();
  const stale = staleBuild(root);
  if (stale) {
    log(`building (${stale})`);
    await nextBuild(root);
  }

  log("slot engine (in process, before the stack starts)");
  const engine = benchSlotEngine(300);

  const children: Child[] = [];
  const stop = async () => {
    await stopAll(children);
  };
  process.on("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    log(`starting the production stack on port ${PORTS.app}`);
    const { appUrl } = await startProductionStack(children, {
      appPort: PORTS.app,
      ports: PORTS.backend,
      stripePort: PORTS.stripe,
      // Every booking comes from loopback: exempt it from the per-address limit (honoured only against the emulators).
      env: { REQUEST_LIMITS_LOOPBACK_EXEMPT: "1" },
      functions: false,
      quiet: !process.env.BENCH_VERBOSE,
      quietApp: !process.env.BENCH_VERBOSE,
    });
    const loadAtStart = loadavg();

    const today = localDate(Date.now(), CLINIC.zone);
    const slotsPath = `/api/public/orgs/${CLINIC.slug}/doctors/${DOCTOR}/slots?from=${today}&to=${addDays(today, 29)}`;
    log(`TTFB: ${n} requests per URL, interleaved, one at a time`);
    const ttfb = await ttfbPhase(appUrl, { home: { path: PAGES.home }, clinic: { path: PAGES.clinic }, doctor: { path: PAGES.doctor }, slots: { path: slotsPath } }, n);

    const { distinct, contended } = await bookingCalls(appUrl, n);
    log(`throughput: ${n} requests per target at concurrency ${CONCURRENCY}, in ${ROUNDS} interleaved blocks`);
    const tp = await throughputPhase(appUrl, {
      home: Array.from({ length: n }, () => ({ path: PAGES.home })),
      clinic: Array.from({ length: n }, () => ({ path: PAGES.clinic })),
      booking: distinct,
    });
    expectStatuses("throughput /", tp.home!.samples, [200]);
    expectStatuses("throughput clinic page", tp.clinic!.samples, [200]);
    const bookingCreated = tp.booking!.samples.filter((s) => s.status === 201).length;

    log(`${CONTENDERS} concurrent bookings of one time`);
    const contention = await contentionPhase(appUrl, contended);

    log("JS per page");
    const [homeJs, doctorJs, loginJs] = await Promise.all([PAGES.home, PAGES.doctor, PAGES.login].map((page) => measurePageJs(appUrl, page)));

    let lighthouse = { clinic: noLighthouse, doctor: noLighthouse };
    let lighthouseFailures: Record<string, string[]> = {};
    if (!flag("--no-lighthouse")) {
      log(`Lighthouse: ${LIGHTHOUSE_RUNS} runs per page, interleaved`);
      const runs = await lighthousePhase(appUrl);
      const clinic = medianRun(runs.clinic);
      const doctor = medianRun(runs.doctor);
      lighthouse = { clinic, doctor };
      lighthouseFailures = { clinic: clinic.failures, doctor: doctor.failures };
    }

    const measurements: Measurements = {
      slotEngine: { medianMs: engine.engine.median, p99Ms: engine.engine.p99, naiveOverEngine: engine.naiveOverEngine },
      ttfb: { home: ttfb.home!, clinic: ttfb.clinic!, doctor: ttfb.doctor!, slots: ttfb.slots! },
      throughput: {
        home: { rps: tp.home!.rps, latency: tp.home!.latency },
        clinic: { rps: tp.clinic!.rps, latency: tp.clinic!.latency },
        booking: { rps: tp.booking!.rps, latency: tp.booking!.latency, created: bookingCreated, other: tp.booking!.samples.length - bookingCreated },
      },
      contention,
      jsGzip: { home: homeJs!.gzipBytes, doctor: doctorJs!.gzipBytes, login: loginJs!.gzipBytes },
      lighthouse,
    };
    const rows = buildRows(measurements);
    const machine = { cpus: cpus().length, loadAtStart: loadAtStart.map((x) => Number(x.toFixed(2))), loadAtEnd: loadavg().map((x) => Number(x.toFixed(2))), node: process.versions.node };
    const results = {
      measuredAt: new Date().toISOString(),
      machine,
      requestsPerUrl: n,
      concurrency: CONCURRENCY,
      seconds: Math.round((performance.now() - benchStart) / 1000),
      measurements,
      js: { home: homeJs, doctor: doctorJs, login: loginJs },
      lighthouseFailures,
      rows,
    };
    writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${markdownTable(rows)}\n`);
    console.log(
      `${rows.filter((r) => r.met).length} of ${rows.length} targets met; ${n} requests per URL; ` +
        `load average ${machine.loadAtStart.join(", ")} at the start, ${machine.loadAtEnd.join(", ")} at the end (${machine.cpus} CPUs); ` +
        `${results.seconds} s; bench/results.json written`,
    );
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
