import { freePort, stopAll } from "../../scripts/lib/processes";
import { startAuthEmulator } from "../../scripts/lib/stack";

// Starts firebase-tools' Auth emulator once for the integration project, on
// free ports, unless FIREBASE_AUTH_EMULATOR_HOST already points at one.
// Runs after the Firestore setup, which picks the project id: firebase-admin
// (FIREBASE_PROJECT_ID), the Firestore clearing endpoint (GCLOUD_PROJECT) and
// the Auth emulator must all use the same one.
export default async function setup() {
  process.env.GCLOUD_PROJECT ??= "demo-test";
  const projectId = process.env.GCLOUD_PROJECT;
  process.env.FIREBASE_PROJECT_ID = projectId;
  // What lib/server/env.ts requires. The emulator accepts any API key.
  process.env.FIREBASE_API_KEY ??= "demo-test-key";
  process.env.APP_URL ??= "http://localhost:3000";
  if (process.env.FIREBASE_AUTH_EMULATOR_HOST) return;

  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [auth, hub, logging] = [...ports] as [number, number, number];
  const child = await startAuthEmulator({ auth, hub, logging }, projectId, { quiet: !process.env.TEST_VERBOSE });
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${auth}`;
  return async () => {
    await stopAll([child]);
  };
}
