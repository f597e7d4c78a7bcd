import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./tests/setup/longest-first-sequencer";
import { INTEGRATION_WORKERS } from "./tests/setup/workers";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root, "server-only": `${root}tests/setup/server-only-stub.ts` };

// Two projects:
// - unit: pure code, colocated `*.test.ts`, run in parallel, no I/O.
// - integration: talks to a local Firestore and Auth emulator started once in
//   globalSetup. Files run two at a time (the machine's two cores): each worker
//   has a project id of its own (tests/setup/app-env.ts), cleared before each file.
export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "bench/**/*.test.ts", "tools/*/src/**/*.test.ts", "tests/e2e/support/**/*.test.ts"],
          environment: "node",
          // Pure code needs no fresh module graph per file: one per worker
          // process cut the stage from 115 s to 45 s on a busy machine (68
          // files; each isolated fork re-imported its dependencies). Forks, not
          // threads: one test sets process.env.TZ, which is process-wide.
          isolate: false,
          // Property tests run hundreds of cases each: with the machine's load at 25 on two cores one took over the
          // default 5 s. A hang still fails, a minute later.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration-test.ts", "tools/local-firestore/conformance/**/*.test.ts"],
          exclude: ["node_modules/**", "functions/node_modules/**", "tools/*/node_modules/**"],
          environment: "node",
          globalSetup: ["tests/setup/firestore-global-setup.ts", "tests/setup/auth-emulator-global-setup.ts"],
          setupFiles: ["tests/setup/app-env.ts", "tests/setup/firestore-per-file.ts"],
          fileParallelism: true,
          maxWorkers: INTEGRATION_WORKERS,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
