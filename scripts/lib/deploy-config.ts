// Checks of the deploy configuration that need no credentials and no build:
// firebase.json through firebase-tools' own loader and schema, the functions
// runtime, firestore.indexes.json through firebase-tools' index validator,
// apphosting.yaml, and the Trigger Email extension's manifest. Each returns
// problems (empty = fine). Used by scripts/deploy-check.ts.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
// Needs the react-server condition (`tsx --conditions=react-server`): env.ts imports "server-only".
import { parseEnv } from "../../lib/server/env";

const require = createRequire(import.meta.url);
type Check = { name: string; problems: string[] };

export function readJson<T = unknown>(root: string, file: string): T {
  return JSON.parse(readFileSync(path.join(root, file), "utf8")) as T;
}

async function problemsOf(fn: () => unknown): Promise<string[]> {
  try {
    const result = await fn();
    return Array.isArray(result) ? (result as string[]) : [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

const extensionRef = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+@\d+\.\d+\.\d+$/, "pin an exact version: publisher/extension@x.y.z");

/** firebase.json as firebase-tools reads it: its schema, its loader, its functions validator. */
export async function checkFirebaseJson(root: string): Promise<Check[]> {
  const config = readJson<Record<string, unknown>>(root, "firebase.json");
  const schema = await problemsOf(() => {
    const { getValidator, getErrorMessage } = require("firebase-tools/lib/firebaseConfigValidate");
    const validate = getValidator();
    // firebase-tools' generated schema types "extensions" as an empty object,
    // yet its own manifest writer (`ext:install`) fills it with
    // instance → "publisher/id@version"; so that part is checked with zod below.
    if (validate({ ...config, extensions: {} })) return [];
    return (validate.errors as unknown[]).map((e) => getErrorMessage(e) as string);
  });
  const extensions = z.record(z.string(), extensionRef).safeParse(config.extensions ?? {});
  if (!extensions.success) schema.push(...extensions.error.issues.map((i) => `firebase.json extensions.${i.path.join(".")}: ${i.message}`));

  const loader = await problemsOf(() => {
    const { Config } = require("firebase-tools/lib/config");
    const loaded = Config.load({ cwd: root, configPath: "firebase.json" });
    const { normalizeAndValidate } = require("firebase-tools/lib/functions/projectConfig");
    normalizeAndValidate(loaded.src.functions);
    return [];
  });

  const files: string[] = [];
  const must = (file: string, why: string) => {
    if (!existsSync(path.join(root, file))) files.push(`${file} is missing (${why})`);
  };
  const firestore = config.firestore as { rules: string; indexes: string; location?: string };
  must(firestore.rules, "firestore.rules");
  must(firestore.indexes, "firestore.indexes");
  const functions = config.functions as { source: string; runtime: string; predeploy?: string[] }[];
  const { isDecommissioned, guardVersionSupport } = require("firebase-tools/lib/deploy/functions/runtimes/supported");
  for (const fn of functions) {
    must(path.join(fn.source, "package.json"), "a functions codebase deploys with its own package.json");
    const pkg = readJson<{ engines?: { node?: string }; main?: string; scripts?: Record<string, string> }>(root, path.join(fn.source, "package.json"));
    if (`nodejs${pkg.engines?.node}` !== fn.runtime) files.push(`${fn.source}/package.json engines.node (${pkg.engines?.node}) differs from firebase.json runtime ${fn.runtime}`);
    if (isDecommissioned(fn.runtime)) files.push(`runtime ${fn.runtime} is decommissioned: Cloud Functions refuses it`);
    files.push(...(await problemsOf(() => void guardVersionSupport(fn.runtime))));
    if (!fn.predeploy?.some((step) => step.includes("run build"))) files.push(`functions codebase ${fn.source}: no predeploy build step (the bundle in lib/ is not committed)`);
    if (!pkg.scripts?.build) files.push(`${fn.source}/package.json has no build script`);
    if (pkg.main !== "lib/index.js") files.push(`${fn.source}/package.json main must be lib/index.js (what build.mjs writes)`);
  }
  for (const backend of (config.apphosting ?? []) as { rootDir: string }[]) must(path.join(backend.rootDir, "apphosting.yaml"), "App Hosting reads it from the backend's root");
  for (const instance of Object.keys((config.extensions ?? {}) as object)) must(`extensions/${instance}.env`, "the extension's parameters");

  return [
    { name: "firebase.json: firebase-tools schema", problems: schema },
    { name: "firebase.json: firebase-tools loader and functions config", problems: loader },
    { name: "firebase.json: referenced files, runtime, predeploy", problems: files },
  ];
}

export async function checkIndexes(root: string): Promise<Check> {
  const problems = await problemsOf(() => {
    const { FirestoreApi } = require("firebase-tools/lib/firestore/api");
    new FirestoreApi().validateSpec(readJson(root, "firestore.indexes.json"));
  });
  return { name: "firestore.indexes.json: firebase-tools index validator", problems };
}

const envEntry = z.union([
  z.object({ variable: z.string(), value: z.string(), availability: z.array(z.enum(["BUILD", "RUNTIME"])).min(1) }).strict(),
  z.object({ variable: z.string(), secret: z.string().min(1), availability: z.array(z.enum(["BUILD", "RUNTIME"])).min(1) }).strict(),
]);
const appHostingSchema = z
  .object({
    runConfig: z
      .object({
        minInstances: z.number().int().min(0),
        maxInstances: z.number().int().min(1),
        concurrency: z.number().int().min(1).max(1000),
        cpu: z.number().positive(),
        memoryMiB: z.number().int().min(512).max(32768),
      })
      .strict(),
    env: z.array(envEntry),
  })
  .strict();
export type AppHostingEnv = z.infer<typeof envEntry>;

/** apphosting.yaml through firebase-tools' parser, then the fields we rely on. */
export async function loadAppHosting(root: string): Promise<{ env: AppHostingEnv[]; problems: string[] }> {
  const { AppHostingYamlConfig, toEnvList } = require("firebase-tools/lib/apphosting/yaml");
  const loaded = await AppHostingYamlConfig.loadFromFile(path.join(root, "apphosting.yaml"));
  const parsed = appHostingSchema.safeParse({ runConfig: loaded.runConfig, env: toEnvList(loaded.env) });
  if (!parsed.success) return { env: [], problems: parsed.error.issues.map((i) => `apphosting.yaml ${i.path.join(".")}: ${i.message}`) };
  const problems: string[] = [];
  const { runConfig, env } = parsed.data;
  if (runConfig.minInstances > runConfig.maxInstances) problems.push("apphosting.yaml: minInstances exceeds maxInstances");
  for (const entry of env) {
    if ("secret" in entry && entry.availability.includes("BUILD")) problems.push(`apphosting.yaml ${entry.variable}: a secret must be available at RUNTIME only, so no build step sees it`);
    if (entry.variable.startsWith("NEXT_PUBLIC_") && !entry.availability.includes("BUILD")) problems.push(`apphosting.yaml ${entry.variable}: NEXT_PUBLIC_* is inlined by next build, so it needs BUILD availability`);
    if (entry.variable.startsWith("NEXT_PUBLIC_") && "secret" in entry) problems.push(`apphosting.yaml ${entry.variable}: NEXT_PUBLIC_* goes to the browser; it cannot be a secret`);
    if (/_EMULATOR_HOST$|^DEV_MAILBOX_OPEN$/.test(entry.variable)) problems.push(`apphosting.yaml ${entry.variable}: emulator/development setting in production`);
  }
  return { env, problems };
}

// firestore-send-email's parameters (extension.yaml, 0.2.x) and the secret ones.
const SEND_EMAIL_PARAMS = new Set([
  "firebaseextensions.v1beta.function/location", "DATABASE", "DATABASE_REGION", "AUTH_TYPE", "SMTP_CONNECTION_URI", "SMTP_PASSWORD",
  "HOST", "OAUTH_PORT", "OAUTH_SECURE", "CLIENT_ID", "CLIENT_SECRET", "REFRESH_TOKEN", "USER", "MAIL_COLLECTION", "DEFAULT_FROM",
  "DEFAULT_REPLY_TO", "USERS_COLLECTION", "TEMPLATES_COLLECTION", "TTL_EXPIRE_TYPE", "TTL_EXPIRE_VALUE", "TLS_OPTIONS",
]);
const SEND_EMAIL_SECRETS = ["SMTP_PASSWORD", "CLIENT_ID", "CLIENT_SECRET", "REFRESH_TOKEN"];
const SECRET_REF = /^projects\/[^/]+\/secrets\/[\w-]+\/versions\/(latest|\d+)$/;

export function parseDotenv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\s*([\w./-]+)\s*=\s*(.*)$/.exec(line);
    if (match && !line.trimStart().startsWith("#")) values.set(match[1]!, match[2]!.trim());
  }
  return values;
}

/** extensions/firestore-send-email.env: known params, the app's mail collection, no secret in the file. */
export function checkSendEmail(root: string): Check {
  const problems: string[] = [];
  const file = "extensions/firestore-send-email.env";
  if (!existsSync(path.join(root, file))) return { name: file, problems: [`${file} is missing`] };
  const params = parseDotenv(readFileSync(path.join(root, file), "utf8"));
  for (const key of params.keys()) if (!SEND_EMAIL_PARAMS.has(key)) problems.push(`${file}: unknown parameter ${key}`);
  for (const key of ["DATABASE", "DATABASE_REGION", "MAIL_COLLECTION", "DEFAULT_FROM", "AUTH_TYPE", "TTL_EXPIRE_TYPE", "TTL_EXPIRE_VALUE"]) {
    if (!params.get(key)) problems.push(`${file}: ${key} is required`);
  }
  // lib/server/mail/queue-mail.ts queues into `mail`.
  if (params.get("MAIL_COLLECTION") !== "mail") problems.push(`${file}: MAIL_COLLECTION must be "mail", where queueMail writes`);
  for (const key of SEND_EMAIL_SECRETS) {
    const value = params.get(key);
    if (value && !SECRET_REF.test(value.replace("${param:PROJECT_NUMBER}", "0"))) problems.push(`${file}: ${key} must be a Secret Manager reference, never the value`);
  }
  if (/:[^@/]+@/.test(params.get("SMTP_CONNECTION_URI") ?? "")) problems.push(`${file}: SMTP_CONNECTION_URI carries a password; use the SMTP_PASSWORD secret`);
  return { name: `${file}: Trigger Email parameters`, problems };
}

/** The server's own environment check (lib/server/env.ts) on the RUNTIME variables; problems, if any. */
export function parseEnvOk(env: Record<string, string>): string[] {
  try {
    parseEnv(env);
    return [];
  } catch (error) {
    return [(error as Error).message.replace(/\s+/g, " ")];
  }
}
