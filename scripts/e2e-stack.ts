// The stack Playwright tests run against: the local backend on its own ports
// (so it can run beside `npm run dev`), the demo seed, and `next start` on a
// production build. Playwright starts it as its webServer and stops it after.
import path from "node:path";
import { startProcess, stopAll, type Child } from "./lib/processes";
import { root, stackEnv, startBackend, type StackPorts } from "./lib/stack";
import { startStripe, stripeEnv } from "./lib/stripe-stack";

// E2E_PORT_OFFSET moves every port at once, so two checkouts can run e2e side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_PORT = 3100 + offset;
const ports: StackPorts = { firestore: 8180 + offset, auth: 9199 + offset, functions: 5101 + offset, hub: 4401 + offset, logging: 4501 + offset };
// Specs read /dev/mailbox without signing in (DEV_MAILBOX_OPEN); Next listens on loopback only.
// The suite books from one loopback address many times an hour: exempt it
// from the per-address request limit (honoured only against the emulators;
// the per-email limit still applies). Specs that test the limit send their
// own X-Forwarded-For.
// Specs read /dev/mailbox without signing in (DEV_MAILBOX_OPEN); Next listens on loopback only.
// Payments: the local Stripe stand-in, delivering to the webhook function in the Functions emulator.
const env: NodeJS.ProcessEnv = {
  ...stripeEnv(stackEnv(ports, `http://127.0.0.1:${E2E_PORT}`), 12211 + offset),
  DEV_MAILBOX_OPEN: "1",
  REQUEST_LIMITS_LOOPBACK_EXEMPT: "1",
};
Object.assign(process.env, env);

const children: Child[] = [];
const shutdown = async (code: number) => {
  await stopAll(children);
  process.exit(code);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  // The functions bundle (functions/lib) is built before e2e by scripts/test.ts or by hand (node functions/build.mjs).
  startStripe(children, env, ports.functions, { quiet: !process.env.E2E_VERBOSE });
  await startBackend(children, ports, env, { functions: true, quiet: !process.env.E2E_VERBOSE });
  const { seed } = await import("./seed");
  await seed();
  children.push(startProcess("next", path.join(root, "node_modules/.bin/next"), ["start", "--hostname", "127.0.0.1", "--port", String(E2E_PORT)], { env, index: 2 }));
  await children.at(-1)!.exited;
  await shutdown(1);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
