// `npm test`: typecheck, lint, unit tests (under two time zones), integration
// tests, the deploy check (scripts/deploy-check.ts: config, functions bundle,
// `next build` with the production env shape, secret scan), then e2e on that
// same build. Ends with one plain line, "N passed, N failed": every vitest and
// Playwright test and every deploy check, plus one failure for any stage that
// broke without test results (a type error, say).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const out = path.join(root, "test-results");
mkdirSync(out, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.stdout.isTTY ? "1" : "0" };
let passed = 0;
let failed = 0;
const summary: string[] = [];

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  summary.push(`${ok ? "ok  " : "FAIL"} ${label} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return ok;
}

function stage(label: string, command: string, args: string[]) {
  if (!run(label, command, args)) failed += 1;
}

function vitest(label: string, project: string, tz: string) {
  const file = path.join(out, `vitest-${project}-${tz.replace("/", "-")}.json`);
  rmSync(file, { force: true });
  const ok = run(label, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${file}`], { TZ: tz });
  if (!existsSync(file)) return void (failed += 1);
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean; testResults: { status: string }[] };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no failed tests, yet the run failed.
  const brokenFiles = report.testResults.filter((r) => r.status === "failed").length;
  if (!ok && report.numFailedTests === 0) failed += Math.max(1, brokenFiles);
}

function playwright() {
  const file = path.join(out, "e2e.json");
  rmSync(file, { force: true });
  const ok = run("e2e (Playwright, Chromium)", bin("playwright"), ["test"]);
  if (!existsSync(file)) return void (failed += 1);
  const { stats } = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  if (!ok && stats.unexpected === 0) failed += 1;
}

// Returns whether `next build` succeeded, so e2e can run on that build.
function deployCheck(): boolean {
  const file = path.join(out, "deploy-check.json");
  rmSync(file, { force: true });
  const ok = run("deploy check (config, functions bundle, next build with the production env, secret scan)", bin("tsx"), ["--conditions=react-server", "scripts/deploy-check.ts", "--report", file]);
  if (!existsSync(file)) {
    failed += 1;
    return false;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as { passed: number; failed: number; built: boolean };
  passed += report.passed;
  failed += report.failed;
  if (!ok && report.failed === 0) failed += 1;
  return report.built;
}

const only = process.argv[2];
const want = (name: string) => !only || only === name;

if (want("static")) {
  stage("typecheck", bin("tsc"), ["--noEmit"]);
  stage("typecheck functions", bin("tsc"), ["--noEmit", "-p", "functions"]);
  stage("lint", bin("eslint"), ["."]);
}
if (want("unit")) {
  vitest("unit tests, TZ=UTC", "unit", "UTC");
  vitest("unit tests, TZ=Pacific/Auckland", "unit", "Pacific/Auckland");
}
if (want("integration")) vitest("integration tests", "integration", "UTC");
if (want("e2e")) {
  if (deployCheck()) playwright();
} else if (only === "deploy") deployCheck();

console.log(`\n${summary.join("\n")}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
