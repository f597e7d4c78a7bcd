// Lighthouse 12.2.3 (pinned: 13 wants Node 22) with its default mobile
// settings (a mid-range phone, simulated slow 4G and 4× CPU slowdown) in
// Debian's full Chromium (`apt-get install chromium`: Lighthouse needs the
// browser, not the headless shell the e2e suite uses). Each page is run
// several times and the run with the median performance score is reported,
// as Lighthouse's own docs advise.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Lighthouse } from "./report";

const run = promisify(execFile);

export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";

export interface LighthouseRun extends Omit<Lighthouse, "runs"> {
  /** Best-practices and accessibility audits that failed, with the console errors Lighthouse saw. */
  failures: string[];
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string; details?: { items?: { description?: string; source?: string; issueType?: string }[] } }>;
}

const score = (report: Report, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);

/** The figures the bench keeps from one Lighthouse report. */
export function summarizeReport(report: Report): LighthouseRun {
  const failures = Object.entries(report.audits)
    .filter(([, audit]) => audit.scoreDisplayMode === "binary" && audit.score === 0)
    .map(([id]) => id);
  const consoleErrors = (report.audits["errors-in-console"]?.details?.items ?? []).map((item) => `console: ${item.description ?? item.source ?? "?"}`);
  // Chrome's Issues panel (a CSP violation, a deprecated API, …): what the best-practices "issues" audit counts.
  const issues = (report.audits["inspector-issues"]?.details?.items ?? []).map((item) => `issue: ${item.issueType ?? item.description ?? "?"}`);
  return {
    performance: score(report, "performance"),
    accessibility: score(report, "accessibility"),
    bestPractices: score(report, "best-practices"),
    tbtMs: report.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    failures: [...failures.sort(), ...consoleErrors, ...issues],
  };
}

/** The run with the median performance score (the lower middle for an even count), and how many there were. */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun & { runs: number } {
  if (runs.length === 0) throw new Error("no Lighthouse runs");
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return { ...sorted[Math.ceil(sorted.length / 2) - 1]!, runs: runs.length };
}

export async function lighthouseOnce(url: string, root: string): Promise<LighthouseRun> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROME_PATH)`);
  const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
  const { stdout } = await run(
    path.join(root, "node_modules/.bin/lighthouse"),
    [url, "--quiet", "--output=json", "--output-path=stdout", "--only-categories=performance,accessibility,best-practices", `--chrome-flags=${chromeFlags.join(" ")}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  );
  return summarizeReport(JSON.parse(stdout) as Report);
}
