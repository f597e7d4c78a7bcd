import { defineConfig } from "vitest/config";

// The package on its own (`npm test` here). In the app's repository the root
// vitest.config.ts runs the same tests in its unit project.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
