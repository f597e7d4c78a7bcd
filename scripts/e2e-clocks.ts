// `npm run test:e2e:clocks`: the end-to-end suite once per moment below, each
// a fresh stack on the app's clock set to that moment (E2E_CLOCK), so a spec
// that secretly depends on the hour, the weekday or the month shows up here
// rather than at whatever hour CI happens to run. Needs a production build
// (`npm run build`) and the functions bundle (`node functions/build.mjs`).
// Pass moments as arguments to run others.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const MOMENTS = [
  ["just after midnight, New York", "2027-01-12T00:05:00-05:00"],
  ["mid-morning", "2027-01-13T10:10:00-05:00"],
  ["an hour before the demo doctors close", "2027-01-14T16:00:00-05:00"],
  ["a Saturday", "2027-01-16T11:00:00-05:00"],
  ["the last evening of a month", "2027-01-31T22:30:00-05:00"],
] as const;

const root = path.resolve(import.meta.dirname, "..");
const moments = process.argv.length > 2 ? process.argv.slice(2).map((at) => [at, at] as const) : MOMENTS;
const results: string[] = [];
let failed = 0;
for (const [label, at] of moments) {
  console.log(`\n=== e2e at ${at} (${label}) ===`);
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_CLOCK: at };
  delete env.APP_CLOCK_OFFSET_MS; // the Playwright config sets it from E2E_CLOCK
  const run = spawnSync(path.join(root, "node_modules/.bin/playwright"), ["test"], { cwd: root, stdio: "inherit", env });
  const { stats } = JSON.parse(readFileSync(path.join(root, "test-results/e2e.json"), "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  const line = `${at} (${label}): ${stats.expected} passed, ${stats.unexpected} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`;
  results.push(line);
  if (run.status !== 0 || stats.unexpected > 0) failed += 1;
}
console.log(`\n${results.join("\n")}`);
process.exit(failed > 0 ? 1 : 0);
