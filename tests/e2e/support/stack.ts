import type { APIRequestContext } from "@playwright/test";
import { createRequire } from "node:module";
import path from "node:path";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { e2eAppPort, e2eBackendPorts } from "../../../scripts/lib/e2e-ports";
import { stackEnv } from "../../../scripts/lib/stack";

// Set-up that reaches past the browser: the e2e stack's Firestore (to move a
// deadline or a visit's time as if it had come) and the scheduled expiry,
// run from the functions bundle exactly as the scheduler runs it.

/** The stack's environment (scripts/e2e-stack.ts) in this worker, so firebase-admin and the functions bundle reach its emulators. */
export function adoptStackEnv() {
  Object.assign(process.env, stackEnv(e2eBackendPorts(), `http://127.0.0.1:${e2eAppPort()}`));
}

export function stackFirestore(): Firestore {
  adoptStackEnv();
  const app = getApps().find((a) => a.name === "e2e") ?? initializeApp({ projectId: process.env.FIREBASE_PROJECT_ID ?? "demo-clinic" }, "e2e");
  return getFirestore(app);
}

/** The functions bundle, loaded into this worker (once: `require` caches it). */
function functionsBundle() {
  adoptStackEnv();
  const require = createRequire(import.meta.url);
  return require(path.resolve(process.cwd(), "functions/lib/index.js")) as {
    expireStaleRequests: { run: (event: { scheduleTime: string; jobName: string }) => Promise<void> };
    sendReminders: { run: (event: { scheduleTime: string; jobName: string }) => Promise<void> };
  };
}

/** The app's expiry, exactly as the scheduler (and scripts/expiry-ticker.ts) runs it. */
export async function runExpiry() {
  await functionsBundle().expireStaleRequests.run({ scheduleTime: new Date().toISOString(), jobName: "e2e" });
}

/** The app's reminders, exactly as the scheduler (and scripts/expiry-ticker.ts) runs them. */
export async function runReminders() {
  await functionsBundle().sendReminders.run({ scheduleTime: new Date().toISOString(), jobName: "e2e" });
}

/**
 * For a beforeAll: loads firebase-admin's connection to the stack's Firestore (and, with `expiry`, the
 * functions bundle) into this worker ahead of the test. On a loaded machine the first require and the
 * first Firestore call took 15 s of a test's 30.
 */
export async function warmStack(options: { expiry?: boolean } = {}) {
  await stackFirestore().doc("warm-up/e2e").get();
  if (options.expiry) functionsBundle();
}

/**
 * Loads the stripeWebhook function in the Functions emulator before a test pays. The emulator starts a
 * worker process per concurrent invocation and loads the functions bundle in it on first use: more than
 * 10 s on a loaded machine, which a payment would otherwise wait for (with the status page polling every
 * 3 s). `concurrency` unsigned events at once leave that many warm workers (each answers 400 at once).
 */
/**
 * How long a hook that warms the webhook may take: the emulator loads the function's bundle on its first call, which
 * took over 30 s (the default hook timeout) with the machine's load at 25 on two cores. Each request waits up to 60 s.
 */
export const WARM_UP_TIMEOUT_MS = 90_000;

export async function warmStripeWebhook(request: APIRequestContext, concurrency = 2) {
  const url = `http://127.0.0.1:${e2eBackendPorts().functions}/${process.env.FIREBASE_PROJECT_ID ?? "demo-clinic"}/us-central1/stripeWebhook`;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const response = await request.post(url, { data: { id: "evt_warm_up", object: "event", type: "ping" }, timeout: 60_000 });
      if (response.status() !== 400) throw new Error(`warming stripeWebhook: ${response.status()} ${await response.text()}`);
    }),
  );
}
