// "Slots API p50 against the local stack": the public slots route, called as
// Next.js calls it, against our local Firestore holding the demo seed plus a
// month of held slots. With --api-url, times real HTTP requests against a
// running app instead (e.g. `npm run dev`, then --api-url http://localhost:3000).
import { performance } from "node:perf_hooks";

export interface ApiStats {
  mode: string;
  median: number;
  p99: number;
  n: number;
}

const DOCTOR = { slug: "demo", doctorId: "dr-amara-okafor" };

function dateRange(days: number): { from: string; to: string } {
  const from = new Date(Date.now() + 86_400_000);
  const to = new Date(from.getTime() + (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

async function time(n: number, call: () => Promise<Response>): Promise<{ median: number; p99: number }> {
  for (let i = 0; i < 20; i++) await (await call()).arrayBuffer(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const response = await call();
    if (response.status !== 200) throw new Error(`slots API answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(n - 1, Math.ceil(q * n) - 1)]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function overHttp(baseUrl: string, n: number): Promise<ApiStats> {
  const { from, to } = dateRange(31);
  const url = `${baseUrl}/api/public/orgs/${DOCTOR.slug}/doctors/${DOCTOR.doctorId}/slots?from=${from}&to=${to}`;
  return { mode: `HTTP ${baseUrl}, 31 days`, n, ...(await time(n, () => fetch(url))) };
}

async function inProcess(n: number): Promise<ApiStats> {
  const { startLocalFirestore } = await import("@clinic/local-firestore");
  const firestore = await startLocalFirestore({ host: "127.0.0.1", port: 0 });
  Object.assign(process.env, {
    FIRESTORE_EMULATOR_HOST: `${firestore.host}:${firestore.port}`,
    FIREBASE_PROJECT_ID: "demo-bench",
    GCLOUD_PROJECT: "demo-bench",
    FIREBASE_API_KEY: "bench",
    APP_URL: "http://localhost:3000",
    METADATA_SERVER_DETECTION: "none",
  });
  try {
    const { seedFirestore } = await import("../scripts/seed");
    await seedFirestore();
    const held = await holdEveryThirdSlot(31);
    const { GET } = await import("../app/api/public/orgs/[slug]/doctors/[doctorId]/slots/route");
    const { from, to } = dateRange(31);
    const url = `http://localhost/api/public/orgs/${DOCTOR.slug}/doctors/${DOCTOR.doctorId}/slots?from=${from}&to=${to}`;
    const context = { params: Promise.resolve(DOCTOR) };
    const stats = await time(n, () => GET(new Request(url), context));
    return { mode: `route handler in-process, local Firestore, 31 days, ${held} held slots`, n, ...stats };
  } finally {
    await firestore.stop();
  }
}

// Realistic busy time: a third of the month's slots held through the real verb.
async function holdEveryThirdSlot(days: number): Promise<number> {
  const { listFreeSlots } = await import("../lib/server/booking/free-slot-reader");
  const { requestAppointment } = await import("../lib/server/appointments/request");
  const { from, to } = dateRange(days);
  const { slots } = await listFreeSlots(DOCTOR.slug, DOCTOR.doctorId, from, to);
  const chosen = slots.filter((_, i) => i % 3 === 0);
  const patient = { name: "Bench Patient", email: "bench@example.com", phone: "+1 555 010 0100" };
  for (const slot of chosen) {
    await requestAppointment(DOCTOR.slug, DOCTOR.doctorId, { start: slot.start, patient, reason: "bench" }, { source: "api" });
  }
  return chosen.length;
}

export async function benchSlotsApi(args: string[]): Promise<ApiStats> {
  const urlArg = args.indexOf("--api-url");
  const n = 200;
  return urlArg >= 0 ? overHttp(String(args[urlArg + 1]).replace(/\/$/, ""), n) : inProcess(n);
}
