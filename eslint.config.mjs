import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright specs: fixtures take a `use` callback, which is not React's hook.
    // Every spec imports `test` and `expect` from support/fixtures, so each runs on the suite's clock.
    files: ["tests/e2e/**/*.ts"],
    rules: {
      "react-hooks/rules-of-hooks": "off",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import test and expect from ./support/fixtures: its contexts run on the suite's clock.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/e2e/support/fixtures.ts", "tests/e2e/support/booking.ts", "tests/e2e/support/calendar.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([".next/**", "functions/lib/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
