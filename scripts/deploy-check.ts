// `npm run deploy:check`: builds what `firebase deploy` builds, without
// credentials, and checks it:
//   - firebase.json, firestore.indexes.json, apphosting.yaml and the Trigger
//     Email manifest, through firebase-tools' own loaders where it has them;
//   - the functions bundle (firebase.json's predeploy, i.e. functions/build.mjs), loaded
//     with Node: the exported names, their triggers, region and secrets, and
//     that everything it requires is in functions/package.json;
//   - `npm run build` (next build) with the environment App Hosting gives a build (apphosting.yaml's
//     BUILD variables), plus a random sentinel in every secret variable; then no
//     Stripe key shape and no sentinel may appear in .next/static (the client
//     bundle), anywhere else in .next, or in the build log.
// --skip-build skips `next build` and the scan; --report FILE writes
// {passed, failed, built, checks} for `npm test`.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { REGION } from "../functions/src/region";
import { checkFirebaseJson, checkIndexes, checkSendEmail, loadAppHosting, parseDotenv, parseEnvOk, readJson } from "./lib/deploy-config";
import { leaks, scanDir, secretValues } from "./lib/secret-scan";
import { serverSources, ttlPoliciesInDoc, ttlPoliciesInIndexes, ttlProblems } from "./lib/ttl-check";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const skipBuild = args.includes("--skip-build");
const reportFile = args.includes("--report") ? args[args.indexOf("--report") + 1] : undefined;

// What deploys, by exported name: the trigger and the secrets each declares.
const EXPECTED_FUNCTIONS: Record<string, { trigger: "scheduleTrigger" | "httpsTrigger"; secrets: string[] }> = {
  expireStaleRequests: { trigger: "scheduleTrigger", secrets: [] },
  stripeWebhook: { trigger: "httpsTrigger", secrets: ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] },
  retryRefunds: { trigger: "scheduleTrigger", secrets: ["STRIPE_SECRET_KEY"] },
  enforceRetention: { trigger: "scheduleTrigger", secrets: [] },
  sendReminders: { trigger: "scheduleTrigger", secrets: [] },
  wakeWaitlist: { trigger: "scheduleTrigger", secrets: [] },
};

const checks: { name: string; problems: string[] }[] = [];
const record = (name: string, problems: string[]) => {
  checks.push({ name, problems });
  console.log(problems.length ? `FAIL ${name}\n${problems.map((p) => `       - ${p}`).join("\n")}` : `ok   ${name}`);
};

// 1. Configuration.
for (const check of await checkFirebaseJson(root)) record(check.name, check.problems);
const indexes = await checkIndexes(root);
record(indexes.name, indexes.problems);
const appHosting = await loadAppHosting(root);
const runtimeEnv: Record<string, string> = {};
for (const entry of appHosting.env) {
  if (entry.availability.includes("RUNTIME")) runtimeEnv[entry.variable] = "value" in entry ? entry.value : `sentinel-${entry.secret}`;
}
record("apphosting.yaml: runConfig, env, secrets by reference", [...appHosting.problems, ...parseEnvOk(runtimeEnv).map((p) => `apphosting.yaml RUNTIME env does not satisfy lib/server/env.ts: ${p}`)]);
const sendEmail = checkSendEmail(root);
record(sendEmail.name, sendEmail.problems);
record(
  "TTL policies: docs/deploy.md = firestore.indexes.json, each field written by the code (or the Trigger Email extension)",
  ttlProblems({
    doc: ttlPoliciesInDoc(readFileSync(path.join(root, "docs/deploy.md"), "utf8")),
    indexes: ttlPoliciesInIndexes(readJson(root, "firestore.indexes.json")),
    sources: serverSources(root),
    extensionEnv: parseDotenv(readFileSync(path.join(root, "extensions/firestore-send-email.env"), "utf8")),
  }),
);

// 2. The functions bundle, built by the predeploy step and loaded like the deploy's discovery does.
const functionSecrets = new Set<string>();
{
  // firebase.json's own predeploy commands, run as firebase-tools runs them (a shell, RESOURCE_DIR set).
  const codebase = (readJson<{ functions: { source: string; predeploy?: string[] }[] }>(root, "firebase.json").functions)[0]!;
  const problems: string[] = [];
  for (const command of codebase.predeploy ?? []) {
    const build = spawnSync(command, { cwd: root, shell: true, encoding: "utf8", env: { ...process.env, RESOURCE_DIR: path.join(root, codebase.source) } });
    if (build.status !== 0) problems.push(`predeploy "${command}" failed: ${build.stdout}${build.stderr}`);
  }
  if (!problems.length) {
    // A bare environment: the deploy's discovery has no app variables either.
    const load = spawnSync(
      process.execPath,
      ["-e", `const m = require("./functions/lib/index.js"); console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v && v.__endpoint]))))`],
      { cwd: root, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production" } },
    );
    if (load.status !== 0) problems.push(`functions/lib/index.js does not load without the app's environment: ${load.stderr.trim().split("\n").slice(0, 5).join(" ")}`);
    else {
      const endpoints = JSON.parse(load.stdout.trim().split("\n").at(-1)!) as Record<string, Record<string, unknown> | undefined>;
      const names = Object.keys(endpoints).sort();
      if (names.join() !== Object.keys(EXPECTED_FUNCTIONS).sort().join()) problems.push(`exports [${names.join(", ")}], expected [${Object.keys(EXPECTED_FUNCTIONS).sort().join(", ")}] (update EXPECTED_FUNCTIONS in scripts/deploy-check.ts with a new function)`);
      for (const [name, endpoint] of Object.entries(endpoints)) {
        const want = EXPECTED_FUNCTIONS[name];
        if (!endpoint) problems.push(`${name}: not a Cloud Function (no __endpoint)`);
        if (!endpoint || !want) continue;
        if (endpoint.platform !== "gcfv2") problems.push(`${name}: platform ${String(endpoint.platform)}, expected gcfv2`);
        if (!(want.trigger in endpoint)) problems.push(`${name}: expected a ${want.trigger}, found ${Object.keys(endpoint).filter((k) => k.endsWith("Trigger")).join(", ")}`);
        if (JSON.stringify(endpoint.region) !== JSON.stringify([REGION])) problems.push(`${name}: region ${JSON.stringify(endpoint.region)}, expected ["${REGION}"] (functions/src/region.ts)`);
        const secrets = ((endpoint.secretEnvironmentVariables ?? []) as { key: string }[]).map((s) => s.key).sort();
        secrets.forEach((s) => functionSecrets.add(s));
        if (secrets.join() !== [...want.secrets].sort().join()) problems.push(`${name}: secrets [${secrets.join(", ")}], expected [${want.secrets.join(", ")}]`);
      }
    }
    // Cloud Build installs functions/package.json's dependencies, nothing else.
    const bundle = readFileSync(path.join(root, "functions/lib/index.js"), "utf8");
    const deps = Object.keys(readJson<{ dependencies: Record<string, string> }>(root, "functions/package.json").dependencies);
    for (const [, spec] of bundle.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (!spec || spec.startsWith(".") || spec.startsWith("node:") || builtinModules.includes(spec)) continue;
      const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
      if (!deps.includes(pkg)) problems.push(`the bundle requires "${spec}", which functions/package.json does not list`);
    }
  }
  record("functions bundle: exports, triggers, region, secrets, dependencies", [...new Set(problems)]);
}

// 3. next build with the production environment shape, then the secret scan.
let built = false;
const NOT_BUILD_OUTPUT = ["cache", "dev"];
if (!skipBuild) {
  const hex = () => randomBytes(12).toString("hex");
  const secretNames = new Set([...appHosting.env.flatMap((e) => ("secret" in e ? [e.variable] : [])), ...functionSecrets, "STRIPE_WEBHOOK_SECRET", "SMTP_PASSWORD"]);
  const sentinels: Record<string, string> = {};
  for (const name of secretNames) {
    sentinels[name] = name === "STRIPE_SECRET_KEY" ? `sk_test_${hex()}` : name === "STRIPE_WEBHOOK_SECRET" ? `whsec_${hex()}` : name === "FIREBASE_API_KEY" ? `AIza${hex()}` : `sentinel_${hex()}`;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Only what App Hosting gives a build: no emulators, no dev switches, no runtime-only variables.
  for (const key of Object.keys(env)) if (/_EMULATOR_HOST$|^DEV_MAILBOX_OPEN$/.test(key)) delete env[key];
  for (const entry of appHosting.env) {
    delete env[entry.variable];
    // NEXT_PUBLIC_* values in apphosting.yaml are the operator's to fill in; a
    // placeholder inlined here would look like a real key to the e2e run that
    // reuses this build. They come from the caller's environment, if set.
    if (entry.variable.startsWith("NEXT_PUBLIC_")) {
      if (process.env[entry.variable]) env[entry.variable] = process.env[entry.variable];
    } else if ("value" in entry && entry.availability.includes("BUILD")) env[entry.variable] = entry.value;
  }
  Object.assign(env, sentinels, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  // Every secret-looking variable set during the build counts, not only ours.
  const watched = secretValues(env);

  console.log(`\nnext build (production env shape; sentinel values in ${[...secretNames].sort().join(", ")})`);
  // This build's output only, so the scan sees nothing stale. The compiler cache stays (it is not output), and
  // so does .next/dev, a running `next dev`'s own folder.
  if (existsSync(path.join(root, ".next"))) {
    for (const entry of readdirSync(path.join(root, ".next"))) if (!NOT_BUILD_OUTPUT.includes(entry)) rmSync(path.join(root, ".next", entry), { recursive: true, force: true });
  }
  const started = Date.now();
  // App Hosting's Next.js adapter runs the package's build script.
  const build = spawnSync("npm", ["run", "build"], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const log = `${build.stdout}${build.stderr}`;
  process.stdout.write(log);
  built = build.status === 0;
  record(`next build (${((Date.now() - started) / 1000).toFixed(0)} s)`, built ? [] : [`next build exited with ${build.status}`]);

  if (built) {
    const client = scanDir(root, ".next/static", watched, true);
    record(`secret scan: .next/static (${client.files} files, ${watched.length} secret values and Stripe key shapes)`, client.files ? client.found : ["no files in .next/static"]);
    const server = scanDir(root, ".next", watched, false, (rel) => ["static", ...NOT_BUILD_OUTPUT].some((dir) => rel.startsWith(path.join(".next", dir) + path.sep)));
    record(`secret scan: the rest of .next (${server.files} files, secret values)`, server.found);
  }
  record("secret scan: the build log", leaks(log, watched, true).map((what) => `the next build log contains ${what}`));
}

const failed = checks.filter((c) => c.problems.length).length;
const passed = checks.length - failed;
console.log(`\ndeploy check: ${passed} passed, ${failed} failed`);
if (reportFile) mkdirSync(path.dirname(path.resolve(root, reportFile)), { recursive: true });
if (reportFile) writeFileSync(path.resolve(root, reportFile), JSON.stringify({ passed, failed, built, checks }, null, 2));
process.exit(failed ? 1 : 0);
