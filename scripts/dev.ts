// `npm run dev`: the whole app offline in one terminal. Ctrl-C stops it all.
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startProcess, stopAll, type Child } from "./lib/processes";
import { DEV_PORTS, root, stackEnv, startBackend } from "./lib/stack";
import { DEV_STRIPE_PORT, startStripe, stripeEnv, webhookUrl } from "./lib/stripe-stack";

const port = Number(process.env.PORT ?? 3000);
const ports = { ...DEV_PORTS, firestore: Number(process.env.FIRESTORE_PORT ?? DEV_PORTS.firestore) };
// DEV_MAILBOX_OPEN: /dev/mailbox shows every clinic's mail without signing in.
// Safe only because Next listens on the loopback interface below.
// Payments: the local Stripe stand-in unless real test keys are set (README "Payments").
const env: NodeJS.ProcessEnv = {
  ...stripeEnv(stackEnv(ports, process.env.APP_URL ?? `http://localhost:${port}`), Number(process.env.STRIPE_STANDIN_PORT ?? DEV_STRIPE_PORT)),
  DEV_MAILBOX_OPEN: "1",
};
Object.assign(process.env, env);

const children: Child[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await stopAll(children);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, "functions/build.mjs")], { stdio: "inherit" });
  startStripe(children, env, ports.functions);
  // Next compiles pages on first request, so it starts alongside the backend;
  // only the seed has to wait for Firestore and Auth.
  children.push(startProcess("next", path.join(root, "node_modules/.bin/next"), ["dev", "--hostname", "127.0.0.1", "--port", String(port)], { env, index: 2 }));
  const { seedFirestore, seedAuthUsers, demoLogins } = await import("./seed");
  await startBackend(children, ports, env, {
    functions: true,
    waitForFunctions: false,
    onFirestoreReady: async () => {
      console.log(`[seed] ${await seedFirestore()} documents created; the booking pages are up (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    },
  });
  console.log(`[seed] ${await seedAuthUsers()} demo logins created`);
  children.push(startProcess("ticker", path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/expiry-ticker.ts")], { env, index: 3 }));

  console.log(`
  Ready in ${((Date.now() - started) / 1000).toFixed(1)}s (the Functions emulator may take a few seconds more).
  App:       http://localhost:${port}/book/demo  (and /book/demo-free)
  Sign in:   http://localhost:${port}/login
${demoLogins.map((l) => `             ${l}`).join("\n")}
  Firestore: 127.0.0.1:${ports.firestore}   Auth: 127.0.0.1:${ports.auth}   Functions: 127.0.0.1:${ports.functions}
  Mailbox:   http://localhost:${port}/dev/mailbox
  Payments:  ${env.STRIPE_API_HOST ? `local Stripe stand-in on 127.0.0.1:${env.STRIPE_API_PORT} (test cards 4242 4242 4242 4242 / 4000 0000 0000 0002)` : "real Stripe test mode"}
  Webhook:   ${webhookUrl(ports.functions, String(env.FIREBASE_PROJECT_ID))}
`);
  // If any child dies on its own, stop everything rather than limp along.
  const first = await Promise.race(children.map((c) => c.exited.then((code) => ({ c, code }))));
  if (!stopping) {
    console.error(`[${first.c.name}] exited with code ${first.code}; stopping the rest.`);
    await shutdown(1);
  }
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
