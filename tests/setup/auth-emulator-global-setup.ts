import { freePort, stopAll } from "../../scripts/lib/processes";
import { startAuthEmulator } from "../../scripts/lib/stack";
import { INTEGRATION_WORKERS, workerProjectId } from "./workers";

// Starts firebase-tools' Auth emulator for the integration tests, one per
// worker (vitest.config.ts runs files in parallel), each on free ports and
// serving that worker's project only: the REST sign-in the app calls names no
// project, so an emulator serves one. Skipped if FIREBASE_AUTH_EMULATOR_HOST
// already points at one (then run with one worker).
export default async function setup() {
  // What lib/server/env.ts requires. The emulator accepts any API key.
  process.env.FIREBASE_API_KEY ??= "demo-test-key";
  process.env.APP_URL ??= "http://localhost:3000";
  if (process.env.FIREBASE_AUTH_EMULATOR_HOST) return;

  const workers = Array.from({ length: INTEGRATION_WORKERS }, (_, i) => i + 1);
  const children = await Promise.all(
    workers.map(async (worker) => {
      const ports = new Set<number>();
      while (ports.size < 3) ports.add(await freePort());
      const [auth, hub, logging] = [...ports] as [number, number, number];
      const child = await startAuthEmulator({ auth, hub, logging }, workerProjectId(worker), {
        quiet: !process.env.TEST_VERBOSE,
        index: worker,
      });
      process.env[`AUTH_EMULATOR_HOST_W${worker}`] = `127.0.0.1:${auth}`;
      return child;
    }),
  );
  return async () => {
    await stopAll(children);
  };
}
