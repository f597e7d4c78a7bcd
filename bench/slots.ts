// `npm run bench:slots` (and the first row of `npm run bench`): the slot engine on the reference case, plus a naive
// date-fns-tz baseline measured in the same run so the ratio is meaningful.
//
// Case: America/New_York, 60 local days from 2027-03-01 (crosses the
// 2027-03-14 DST change); weekdays 09:00–12:00, 13:00–15:00, 15:30–18:00;
// 15-minute slots, 5-minute buffer; 200 seeded busy intervals of 15–60
// minutes inside working hours, each padded by the buffer.
//
// Flags: --iterations N (default 500); --no-api skips the slots API figure;
// --api-url URL times the API over HTTP against a running app (bench/slots-api.ts).

import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { fromZonedTime } from "date-fns-tz";
import { computeFreeSlots, type DoctorSchedule, type SlotQuery, type UtcInterval } from "../lib/domain/slots";
import { naiveFreeSlots } from "./naive-slots";
import { benchSlotsApi, type ApiStats } from "./slots-api";

const SEED = 0x5eed_2027;
const WARMUP = 50;
const ZONE = "America/New_York";
const FROM = "2027-03-01";
const DAYS = 60;
const HOURS = [
  { start: "09:00", end: "12:00" },
  { start: "13:00", end: "15:00" },
  { start: "15:30", end: "18:00" },
];

/** mulberry32: tiny, seedable, good enough to place busy intervals. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function buildBenchCase(): SlotQuery {
  const schedule: DoctorSchedule = {
    timeZone: ZONE,
    weeklyHours: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS },
    slotMinutes: 15,
    bufferMinutes: 5,
    minNoticeHours: 2,
    horizonDays: 90,
  };
  const to = addDays(FROM, DAYS - 1);
  const weekdays = Array.from({ length: DAYS }, (_, i) => addDays(FROM, i)).filter((d) => {
    const day = new Date(`${d}T12:00:00Z`).getUTCDay();
    return day >= 1 && day <= 5;
  });

  // Busy time is placed with date-fns-tz, independently of the engine's own conversions.
  const random = prng(SEED);
  const busy: UtcInterval[] = [];
  while (busy.length < 200) {
    const date = weekdays[Math.floor(random() * weekdays.length)]!;
    const interval = HOURS[Math.floor(random() * HOURS.length)]!;
    const length = 15 + 5 * Math.floor(random() * 10); // 15–60 minutes
    const room = minutesOf(interval.end) - minutesOf(interval.start) - length;
    const startMinute = minutesOf(interval.start) + 5 * Math.floor(random() * (room / 5 + 1));
    const start = fromZonedTime(`${date}T${hhmm(startMinute)}:00`, ZONE).getTime();
    busy.push({ start, end: start + (length + schedule.bufferMinutes) * 60_000 });
  }

  return { schedule, busy, now: Date.parse("2027-02-28T12:00:00Z"), from: FROM, to };
}

interface Stats {
  median: number;
  p99: number;
  mean: number;
  min: number;
}

function measure(run: () => unknown, iterations: number): Stats {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { median: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length, min: times[0]! };
}

export interface SlotEngineResult {
  iterations: number;
  slots: number;
  busy: number;
  engine: Stats;
  naive: Stats;
  naiveOverEngine: number;
}

/** The engine and the naive baseline on the reference case, in this process (bench/run.ts calls it too). */
export function benchSlotEngine(iterations = 500): SlotEngineResult {
  if (!Number.isInteger(iterations) || iterations < 200) throw new Error("--iterations must be an integer >= 200");
  const query = buildBenchCase();
  const engineSlots = computeFreeSlots(query);
  const naiveSlots = naiveFreeSlots(query);
  if (!isDeepStrictEqual(engineSlots, naiveSlots)) {
    throw new Error(`engine and naive baseline disagree (${engineSlots.length} vs ${naiveSlots.length} slots)`);
  }
  const engine = measure(() => computeFreeSlots(query), iterations);
  const naive = measure(() => naiveFreeSlots(query), iterations);
  return { iterations, slots: engineSlots.length, busy: query.busy.length, engine, naive, naiveOverEngine: naive.median / engine.median };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const iterationsArg = args.indexOf("--iterations");
  const iterations = iterationsArg >= 0 ? Number(args[iterationsArg + 1]) : 500;
  const { slots, busy, engine, naive, naiveOverEngine: ratio } = benchSlotEngine(iterations);
  const ms = (x: number) => Number(x.toFixed(3));

  console.log(`slot engine bench: ${ZONE}, ${DAYS} days from ${FROM}, ${busy} busy, ${slots} free slots, ${iterations} iterations (+${WARMUP} warm-up), Node ${process.versions.node}`);
  console.table({
    "engine (lib/domain/slots)": { "median ms": ms(engine.median), "p99 ms": ms(engine.p99), "mean ms": ms(engine.mean), "min ms": ms(engine.min) },
    "naive date-fns-tz loop": { "median ms": ms(naive.median), "p99 ms": ms(naive.p99), "mean ms": ms(naive.mean), "min ms": ms(naive.min) },
  });
  console.log(`naive / engine (median): ${ratio.toFixed(1)}x; target engine median <= 2 ms: ${engine.median <= 2 ? "met" : "MISSED"}`);

  let api: ApiStats | null = null;
  if (!args.includes("--no-api")) {
    api = await benchSlotsApi(args);
    console.log(`slots API (${api.mode}): p50 ${ms(api.median)} ms, p99 ${ms(api.p99)} ms over ${api.n} calls`);
  }

  console.log(
    JSON.stringify({
      bench: "slots",
      case: { zone: ZONE, from: FROM, days: DAYS, busy, slots },
      iterations,
      engine: { median_ms: ms(engine.median), p99_ms: ms(engine.p99) },
      naive: { median_ms: ms(naive.median), p99_ms: ms(naive.p99) },
      naive_over_engine: Number(ratio.toFixed(1)),
      api: api ? { mode: api.mode, p50_ms: ms(api.median), p99_ms: ms(api.p99) } : null,
      node: process.versions.node,
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
