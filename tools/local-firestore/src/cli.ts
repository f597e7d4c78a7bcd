// `local-firestore` (this package's bin, `npm run firestore` in the app): runs the local Firestore until SIGINT/SIGTERM.
import { startLocalFirestore } from "./server";

const host = process.env.FIRESTORE_HOST ?? "127.0.0.1";
const port = Number(process.env.FIRESTORE_PORT ?? 8080);

const fs = await startLocalFirestore({ host, port });
console.log(`Local Firestore ready on ${fs.host}:${fs.port}`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`Local Firestore stopping (${signal})`);
  await fs.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
