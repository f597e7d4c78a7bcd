import { defineConfig, devices } from "@playwright/test";
import { e2eAppPort } from "./scripts/lib/e2e-ports";
import { clockOffsetFor } from "./tests/e2e/support/clock";

const PORT = e2eAppPort();

// The app's clock for this run (tests/e2e/support/clock.ts), fixed once here:
// the workers and the stack (Playwright's webServer) inherit it.
process.env.APP_CLOCK_OFFSET_MS ||= String(clockOffsetFor(process.env.E2E_CLOCK));

// Debian's headless Chromium (apt: chromium-headless-shell), never a
// downloaded browser: the headless shell leaves out the browser's own UI, so a
// test costs less CPU than with the full `chromium`. The flags keep it from
// reaching for the network, which is closed here.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  fullyParallel: true,
  workers: 2,
  // Never retry: a retry would hide a test that depends on the hour or on an idle machine.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A trace records every action's screenshot and DOM snapshot: CPU every test
    // pays for. CI's clone is thrown away with its traces, and its log ends with
    // each failure's error (scripts/test.ts), so CI records none.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  webServer: {
    command: "npx tsx scripts/e2e-stack.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
  },
});
