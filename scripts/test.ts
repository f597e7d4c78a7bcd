// `npm test`: typecheck, lint, unit tests (under two time zones), integration
// tests, the deploy check (scripts/deploy-check.ts: config, functions bundle,
// `next build` with the production env shape, secret scan), then e2e on that
// same build. Ends with one plain line, "N passed, N failed": every vitest and
// Playwright test and every deploy check, plus one failure for any stage that
// broke without test results (a type error, say).
import { spawn, spawnSync } from "node:child_process";
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
// Each failed test with the first lines of its error, printed last so a CI log's tail says what broke.
const failures: string[] = [];

/** The first few lines of an error, without colour codes: enough to tell one failure from another. */
function firstLines(text: string | undefined, count = 6): string {
  const plain = (text ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return plain.split("\n").filter((line) => line.trim() !== "").slice(0, count).map((line) => `      ${line}`).join("\n");
}

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  summary.push(`${ok ? "ok  " : "FAIL"} ${label} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return ok;
}

/**
 * Checks that each use one core (tsc, ESLint) run side by side, their output
 * printed whole as each ends so it never interleaves: on two cores the static
 * stage takes about as long as its slowest check instead of their sum.
 */
async function parallelStages(stages: { label: string; command: string; args: string[] }[]) {
  const results = await Promise.all(
    stages.map(
      ({ label, command, args }) =>
        new Promise<{ label: string; ok: boolean; seconds: number }>((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
          const chunks: Buffer[] = [];
          child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
          child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
          const done = (ok: boolean, extra = "") => {
            const seconds = (Date.now() - started) / 1000;
            console.log(`\n=== ${label} ===\n${Buffer.concat(chunks).toString()}${extra}`);
            resolve({ label, ok, seconds });
          };
          child.on("error", (error) => done(false, String(error)));
          child.on("close", (code) => done(code === 0));
        }),
    ),
  );
  for (const { label, ok, seconds } of results) {
    summary.push(`${ok ? "ok  " : "FAIL"} ${label} (${seconds.toFixed(1)}s)`);
    if (!ok) failed += 1;
  }
}

function vitest(label: string, project: string, tz: string) {
  const file = path.join(out, `vitest-${project}-${tz.replace("/", "-")}.json`);
  rmSync(file, { force: true });
  const ok = run(label, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${file}`], { TZ: tz });
  if (!existsSync(file)) return void (failed += 1);
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no failed tests, yet the run failed.
  const brokenFiles = report.testResults.filter((r) => r.status === "failed").length;
  if (!ok && report.numFailedTests === 0) failed += Math.max(1, brokenFiles);
  for (const fileResult of report.testResults) {
    const name = path.relative(root, fileResult.name);
    const failedTests = fileResult.assertionResults.filter((t) => t.status === "failed");
    for (const t of failedTests) failures.push(`  ${label} › ${name} › ${t.fullName}\n${firstLines(t.failureMessages[0])}`);
    if (fileResult.status === "failed" && failedTests.length === 0) failures.push(`  ${label} › ${name}\n${firstLines(fileResult.message)}`);
  }
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};

function playwrightFailures(suite: PlaywrightSuite, file = suite.file ?? "") {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests) {
      if (t.status !== "unexpected") continue;
      const error = t.results.find((r) => r.error)?.error?.message;
      failures.push(`  e2e › ${file}:${spec.line} › ${spec.title}\n${firstLines(error, 10)}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, child.file ?? file);
}

function playwright() {
  const file = path.join(out, "e2e.json");
  rmSync(file, { force: true });
  const ok = run("e2e (Playwright, Chromium)", bin("playwright"), ["test"]);
  if (!existsSync(file)) return void (failed += 1);
  const { stats, suites } = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };
  for (const suite of suites) playwrightFailures(suite);
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
  await parallelStages([
    { label: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
    { label: "typecheck functions", command: bin("tsc"), args: ["--noEmit", "-p", "functions"] },
    { label: "lint", command: bin("eslint"), args: ["."] },
  ]);
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
if (failures.length > 0) console.log(`Failed:\n${failures.join("\n")}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
