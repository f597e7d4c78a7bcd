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
  // The house's arrows point one way: app → components → actions → lib/server → lib/domain.
  // lib/eslint-boundaries.test.ts lints a violating file against each rule.
  {
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server", "@/lib/server/**", "**/lib/server/**"], message: "lib/domain is pure: it never imports lib/server." },
            { group: ["next", "next/**", "react", "react/**", "react-dom", "react-dom/**"], message: "lib/domain is pure: no framework imports." },
            { group: ["firebase-admin", "firebase-admin/**", "stripe", "@google-cloud/**"], message: "lib/domain does no I/O: Firestore and Stripe belong to lib/server." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    // An actions file's integration test seeds and reads the world through lib/server, as the actions do.
    ignores: ["components/**/actions.ts", "components/**/*-actions.ts", "components/**/*.integration-test.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Type imports too: the types components render live in lib/domain.
              group: ["@/lib/server", "@/lib/server/**", "**/lib/server/**"],
              message: "Components call server actions (components/<feature>/actions.ts) and take their types from lib/domain, never from lib/server.",
            },
            { group: ["@/app/**", "**/app/**"], message: "Pages import components, never the other way round." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/**", "@/components/**", "**/app/**", "**/components/**"], message: "lib/server never imports app/ or components/." },
            {
              group: ["@/lib/server/mail/email-template", "**/mail/email-template"],
              message: "Every email's words live in lib/server/mail (one home for the templates): add a function there and queue what it returns.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/server/mail is where the templates are written.
    files: ["lib/server/mail/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/**", "@/components/**", "**/app/**", "**/components/**"], message: "lib/server never imports app/ or components/." }] },
      ],
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
