import { defineConfig } from "vitest/config";

// The package on its own (`npm test` here): unit tests beside the code, and the
// conformance suite against a server the global setup starts. In the app's
// repository the root vitest.config.ts runs the same files in its unit and
// integration projects.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "conformance/**/*.test.ts"],
    environment: "node",
    globalSetup: ["conformance/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
