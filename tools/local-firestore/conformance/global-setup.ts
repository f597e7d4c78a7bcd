import { startLocalFirestore } from "../src/server";

// Starts a local Firestore on a free port for the suite, unless
// FIRESTORE_EMULATOR_HOST already points at one (the official emulator, say).
export default async function setup() {
  process.env.GCLOUD_PROJECT ??= "demo-test";
  if (process.env.FIRESTORE_EMULATOR_HOST) return;
  const fs = await startLocalFirestore({ host: "127.0.0.1", port: 0 });
  process.env.FIRESTORE_EMULATOR_HOST = `${fs.host}:${fs.port}`;
  return async () => fs.stop();
}
