// The variables the app's server code reads, for tests. Integration files run
// in parallel: each worker (VITEST_POOL_ID, 1..INTEGRATION_WORKERS) has a
// project id of its own in our Firestore and an Auth emulator of its own
// (auth-emulator-global-setup.ts), so clearing before a file never touches
// another worker's data.
import { workerProjectId } from "./workers";

const worker = process.env.VITEST_POOL_ID ?? "1";
process.env.GCLOUD_PROJECT = workerProjectId(worker);
process.env.FIREBASE_PROJECT_ID = process.env.GCLOUD_PROJECT;
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= process.env[`AUTH_EMULATOR_HOST_W${worker}`];
process.env.FIREBASE_API_KEY ??= "demo-test-key";
process.env.APP_URL ??= "http://localhost:3000";
