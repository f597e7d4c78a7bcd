// Starts the local backend: our Firestore, and firebase-tools' Auth (and
// optionally Functions) emulators. Used by `npm run dev` and the e2e tests.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { httpOk, portOpen, startProcess, stopAll, waitFor, type Child } from "./processes";

export interface StackPorts {
  firestore: number;
  auth: number;
  functions: number;
  hub: number;
  logging: number;
}

export const DEV_PORTS: StackPorts = { firestore: 8080, auth: 9099, functions: 5001, hub: 4400, logging: 4500 };

export const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

export function stackEnv(ports: StackPorts, appUrl: string, projectId = "demo-clinic"): NodeJS.ProcessEnv {
  return {
    ...process.env,
    FIREBASE_PROJECT_ID: process.env.FIREBASE_PROJECT_ID ?? projectId,
    GCLOUD_PROJECT: process.env.FIREBASE_PROJECT_ID ?? projectId,
    FIREBASE_API_KEY: process.env.FIREBASE_API_KEY ?? "demo-local-key",
    APP_URL: appUrl,
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${ports.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${ports.auth}`,
    // The sign-in page's Firebase client SDK (lib/server/auth/client-config.ts), read at request time.
    NEXT_PUBLIC_FIREBASE_API_KEY: process.env.FIREBASE_API_KEY ?? "demo-local-key",
    NEXT_PUBLIC_FIREBASE_PROJECT_ID: process.env.FIREBASE_PROJECT_ID ?? projectId,
    NEXT_PUBLIC_FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${ports.auth}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // No Google metadata server offline: don't let google-auth-library probe for one.
    METADATA_SERVER_DETECTION: "none",
  };
}

// firebase-tools reads ports only from a config file, and resolves the
// functions source against the file's folder, so the file sits at the root.
function emulatorConfig(ports: Omit<StackPorts, "firestore" | "functions"> & { functions?: number }): string {
  const file = path.join(root, `.firebase.emulators.${ports.auth}.json`);
  const host = "127.0.0.1";
  const withFunctions = ports.functions !== undefined;
  const config = {
    ...(withFunctions ? { functions: [{ source: "functions", codebase: "default", runtime: "nodejs20" }] } : {}),
    emulators: {
      singleProjectMode: true,
      auth: { host, port: ports.auth },
      ...(withFunctions ? { functions: { host, port: ports.functions } } : {}),
      hub: { host, port: ports.hub },
      logging: { host, port: ports.logging },
      ui: { enabled: false },
    },
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export type AuthEmulatorPorts = Pick<StackPorts, "auth" | "hub" | "logging">;

/**
 * Starts firebase-tools' Auth emulator alone (no Functions), e.g. for the
 * integration tests, and resolves once it answers HTTP. Stop it with stopAll.
 */
export async function startAuthEmulator(
  ports: AuthEmulatorPorts,
  projectId: string,
  opts: { env?: NodeJS.ProcessEnv; quiet?: boolean; index?: number } = {},
): Promise<Child> {
  const config = emulatorConfig(ports);
  const child = startProcess(
    "auth",
    bin("firebase"),
    ["emulators:start", "--only", "auth", "--project", projectId, "--config", config],
    { env: opts.env ?? process.env, quiet: opts.quiet, index: opts.index ?? 1 },
  );
  void child.exited.then(() => rmSync(config, { force: true }));
  // If firebase-tools exits early (port taken, bad config), say so instead of
  // waiting out the timeout. Once ready, a later exit is the caller's business.
  let ready = false;
  const died = child.exited.then((code) => {
    if (!ready) throw new Error(`The Auth emulator exited with code ${code} before it was ready.`);
  });
  died.catch(() => undefined); // handled by the race below; never an unhandled rejection
  try {
    await Promise.race([waitFor("the Auth emulator", httpOk(`http://127.0.0.1:${ports.auth}/`)), died]);
  } catch (error) {
    await stopAll([child]);
    throw error;
  }
  ready = true;
  // firebase-tools read its config at start: the file can go now, rather than
  // at exit, which a test run's teardown may not wait for.
  rmSync(config, { force: true });
  return child;
}

export async function startBackend(
  children: Child[],
  ports: StackPorts,
  env: NodeJS.ProcessEnv,
  opts: { functions: boolean; quiet?: boolean; waitForFunctions?: boolean; onFirestoreReady?: () => Promise<void> },
): Promise<void> {
  children.push(
    startProcess("firestore", bin("local-firestore"), [], {
      env: { ...env, FIRESTORE_PORT: String(ports.firestore) },
      quiet: opts.quiet,
      index: 0,
    }),
  );
  const only = opts.functions ? "auth,functions" : "auth";
  const config = emulatorConfig(ports);
  const emulators = startProcess(
    "emulators",
    bin("firebase"),
    ["emulators:start", "--only", only, "--project", String(env.FIREBASE_PROJECT_ID), "--config", config],
    { env, quiet: opts.quiet, index: 1 },
  );
  void emulators.exited.then(() => rmSync(config, { force: true }));
  children.push(emulators);
  // firebase-tools exits at once when one of its ports is taken: say so
  // instead of waiting out the timeout (as startAuthEmulator does).
  let ready = false;
  const died = emulators.exited.then((code) => {
    if (!ready) throw new Error(`The emulators (${only}) exited with code ${code} before they were ready: is one of ports ${JSON.stringify(ports)} taken?`);
  });
  died.catch(() => undefined); // handled by the races below
  // firebase-tools takes far longer to start than our Firestore: let the
  // caller use Firestore (seed it, say) meanwhile.
  const firestore = waitFor("the local Firestore", portOpen("127.0.0.1", ports.firestore)).then(() => opts.onFirestoreReady?.());
  await Promise.race([Promise.all([firestore, waitFor("the Auth emulator", httpOk(`http://127.0.0.1:${ports.auth}/`))]), died]);
  if (opts.functions && opts.waitForFunctions !== false) {
    await Promise.race([waitFor("the Functions emulator", portOpen("127.0.0.1", ports.functions)), died]);
  }
  ready = true;
}
