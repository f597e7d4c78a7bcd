// The bench's verdict: each row of the performance issue's table as a ratio
// measured within one run, its target, and whether it is met. Pure: the
// figures come in, rows and a markdown table come out.

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export interface Lighthouse {
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbtMs: number;
  lcpMs: number;
  runs: number;
}

/** Everything one `npm run bench` measures (times in ms, sizes in bytes). */
export interface Measurements {
  slotEngine: { medianMs: number; p99Ms: number; naiveOverEngine: number };
  ttfb: { home: Latency; clinic: Latency; doctor: Latency; slots: Latency };
  throughput: {
    home: { rps: number; latency: Latency };
    clinic: { rps: number; latency: Latency };
    booking: { rps: number; latency: Latency; created: number; other: number };
  };
  contention: { requests: number; created: number; conflicts: number; other: number; latency: Latency };
  jsGzip: { home: number; doctor: number; login: number };
  lighthouse: { clinic: Lighthouse; doctor: Lighthouse };
}

export interface Row {
  what: string;
  measured: string;
  target: string;
  met: boolean;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const times = (x: number) => `${x.toFixed(1)}×`;
const pct = (x: number) => `${Math.round(x * 100)} %`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const signedKb = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${kb(Math.abs(bytes))}`;

function ttfbRow(what: string, page: Latency, home: Latency, limit: number): Row {
  const ratio = page.p50 / home.p50;
  return {
    what: `TTFB p50: ${what} / \`/\``,
    measured: `${ms(page.p50)} / ${ms(home.p50)} ms = **${times(ratio)}** (p95 ${times(page.p95 / home.p95)})`,
    target: `≤ ${limit}×`,
    met: ratio <= limit,
  };
}

function lighthouseRow(what: string, lh: Lighthouse): Row {
  return {
    what: `Lighthouse mobile, ${what}`,
    measured: `performance **${lh.performance}**, TBT ${ms(lh.tbtMs)} ms, LCP ${(lh.lcpMs / 1000).toFixed(1)} s; a11y ${lh.accessibility}; best practices ${lh.bestPractices} (median of ${lh.runs})`,
    target: "performance ≥ 95, a11y 100, best practices 100",
    met: lh.performance >= 95 && lh.accessibility === 100 && lh.bestPractices === 100,
  };
}

export function buildRows(m: Measurements): Row[] {
  const { ttfb, throughput: tp, contention: c, jsGzip: js } = m;
  const clinicShare = tp.clinic.rps / tp.home.rps;
  const bookingShare = tp.booking.rps / tp.home.rps;
  const bookingP50Ratio = tp.booking.latency.p50 / tp.home.latency.p50;
  return [
    {
      what: "slot engine median (60 days, 200 busy)",
      measured: `${m.slotEngine.medianMs.toFixed(3)} ms (naive / engine ${m.slotEngine.naiveOverEngine.toFixed(1)}×)`,
      target: "≤ 2 ms",
      met: m.slotEngine.medianMs <= 2,
    },
    ttfbRow("doctor page", ttfb.doctor, ttfb.home, 1.5),
    ttfbRow("clinic page", ttfb.clinic, ttfb.home, 1.3),
    ttfbRow("slots API (30 days)", ttfb.slots, ttfb.home, 1.5),
    {
      what: "throughput: clinic page / `/`",
      measured: `${tp.clinic.rps.toFixed(0)} / ${tp.home.rps.toFixed(0)} req/s = **${pct(clinicShare)}**`,
      target: "≥ 70 %",
      met: clinicShare >= 0.7,
    },
    {
      what: "throughput: booking POST, distinct slots / `/`",
      measured:
        `${tp.booking.rps.toFixed(0)} / ${tp.home.rps.toFixed(0)} req/s = **${pct(bookingShare)}**, p50 ${ms(tp.booking.latency.p50)} ms ` +
        `(${times(bookingP50Ratio)} \`/\`'s)` +
        (tp.booking.other > 0 ? `; ${tp.booking.other} not 201` : ""),
      target: "≥ 50 %, p50 ≤ 4× `/`'s p50",
      met: bookingShare >= 0.5 && bookingP50Ratio <= 4 && tp.booking.other === 0,
    },
    {
      what: `${c.requests} concurrent bookings of one slot`,
      measured: `${c.created} × 201, ${c.conflicts} × 409${c.other ? `, ${c.other} other` : ""}, p99 ${ms(c.latency.p99)} ms`,
      target: `1 × 201, ${c.requests - 1} × 409, p99 ≤ 400 ms`,
      // Exactly one winner, and every other request told the time is taken (409), nothing else.
      met: c.created === 1 && c.created + c.conflicts === c.requests && c.latency.p99 <= 400,
    },
    {
      what: "JS gzipped: doctor page − `/`",
      measured: `${kb(js.doctor)} − ${kb(js.home)} = **${signedKb(js.doctor - js.home)}**`,
      target: "≤ +25 KB",
      met: js.doctor - js.home <= 25 * 1024,
    },
    {
      what: "JS gzipped: `/login` − `/`",
      measured: `${kb(js.login)} − ${kb(js.home)} = **${signedKb(js.login - js.home)}**`,
      target: "≤ +20 KB",
      met: js.login - js.home <= 20 * 1024,
    },
    lighthouseRow("/book/demo", m.lighthouse.clinic),
    lighthouseRow("doctor page", m.lighthouse.doctor),
  ];
}

export function markdownTable(rows: readonly Row[]): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  return [
    "| what | measured | target | met |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${cell(r.what)} | ${cell(r.measured)} | ${cell(r.target)} | ${r.met ? "yes" : "**no**"} |`),
  ].join("\n");
}
