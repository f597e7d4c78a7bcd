import { startLocalFirestore } from "@clinic/local-firestore";

// Starts one local Firestore for the integration project, on a free port,
// unless FIRESTORE_EMULATOR_HOST already points at one (the official emulator, say).
export default async function setup() {
  process.env.GCLOUD_PROJECT ??= "demo-test";
  if (process.env.FIRESTORE_EMULATOR_HOST) return;
  const fs = await startLocalFirestore({ host: "127.0.0.1", port: 0 });
  process.env.FIRESTORE_EMULATOR_HOST = `${fs.host}:${fs.port}`;
  return async () => fs.stop();
}
