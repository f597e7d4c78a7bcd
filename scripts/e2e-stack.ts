// The stack Playwright tests run against: the local backend on its own ports
// (so it can run beside `npm run dev`), the demo seed, and `next start` on a
// production build. Playwright starts it as its webServer and stops it after.
import { stopAll, type Child } from "./lib/processes";
import { e2eAppPort, e2eBackendPorts, e2eStripePort } from "./lib/e2e-ports";
import { startProductionStack } from "./lib/production-stack";

// The suite books from one loopback address many times an hour: exempt it
// from the per-address request limit (honoured only against the emulators;
// the per-email limit still applies). Specs that test the limit send their
// own X-Forwarded-For.
// Specs read /dev/mailbox without signing in (DEV_MAILBOX_OPEN); Next listens on loopback only.
// The app's clock: APP_CLOCK_OFFSET_MS comes from the Playwright config (tests/e2e/support/clock.ts)
// and reaches every child through this environment.
// Payments: the local Stripe stand-in, delivering to the webhook function in the Functions emulator.
const children: Child[] = [];
const shutdown = async (code: number) => {
  await stopAll(children);
  process.exit(code);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  // The functions bundle (functions/lib) is built before e2e by scripts/test.ts or by hand (node functions/build.mjs).
  const { next } = await startProductionStack(children, {
    appPort: e2eAppPort(),
    ports: e2eBackendPorts(),
    stripePort: e2eStripePort(),
    env: { DEV_MAILBOX_OPEN: "1", REQUEST_LIMITS_LOOPBACK_EXEMPT: "1" },
    functions: true,
    quiet: !process.env.E2E_VERBOSE,
  });
  await next.exited;
  await shutdown(1);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
