import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientModules } from "@/tests/helpers/client-imports";

// Patients book on phones, and zod is 31 KB gzipped: the pages patients and
// staff sign in on check their fields by hand in the browser (booking-form-check.ts,
// sign-in-check.ts) and leave zod to the server. This walks each page's
// browser import graph from the sources, so a client component that imports
// zod, or a lib/domain module that does (however indirectly), fails here.

/** The route's files (pages, layouts, loading and not-found), under an app/ directory. */
function routeFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !/\.(test|integration-test)\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

// Every page renders inside the root layout, and the browser runs instrumentation-client.ts first.
const EVERY_PAGE = ["app/layout.tsx", "app/not-found.tsx", "instrumentation-client.ts"];

const zodIn = (entries: readonly string[]) =>
  clientModules(entries)
    .filter((loaded) => loaded.module === "zod")
    .map((loaded) => loaded.via.join(" → "));

describe("pages that ship no zod to the browser", { timeout: 60_000 }, () => {
  // The signup form still checks with zod in the browser; it is not listed.
  it.each([
    ["the clinic and doctor booking pages", "app/(public)/book"],
    ["sign-in and the password reset request", "app/(public)/login"],
    ["accepting an invite", "app/(public)/invite"],
    ["the patient's appointment pages", "app/(public)/appointments"],
    ["the front page", "app/page.tsx"],
  ])("%s", (_, route) => {
    const entries = route.endsWith(".tsx") ? [route] : routeFiles(route);
    expect(entries.length).toBeGreaterThan(0);
    expect(zodIn([...entries, ...EVERY_PAGE])).toEqual([]);
  });

  it("the walk finds zod where a browser form still checks with it (the signup page)", () => {
    expect(zodIn(routeFiles("app/(public)/signup"))).toContainEqual(expect.stringMatching(/signup-form\.tsx → .*clinic-settings\.ts$/));
  });
});

// The Firebase client SDK signs staff in (lib/client/staff-sign-in.ts, loaded
// by the sign-in pages on first use). Patients never sign in: their pages must
// not carry it, however indirectly.
const firebaseIn = (entries: readonly string[]) =>
  clientModules(entries)
    .filter((loaded) => loaded.module === "firebase" || loaded.module.startsWith("firebase/") || loaded.module.startsWith("@firebase/"))
    .map((loaded) => loaded.via.join(" → "));

describe("pages that never load the Firebase client SDK", { timeout: 60_000 }, () => {
  it.each([
    ["the clinic and doctor booking pages", "app/(public)/book"],
    ["the patient's appointment (status) pages", "app/(public)/appointments"],
    ["the front page", "app/page.tsx"],
  ])("%s", (_, route) => {
    const entries = route.endsWith(".tsx") ? [route] : routeFiles(route);
    expect(entries.length).toBeGreaterThan(0);
    expect(firebaseIn([...entries, ...EVERY_PAGE])).toEqual([]);
  });

  it("the walk finds the SDK where staff sign in (the sign-in page, through its import())", () => {
    expect(firebaseIn(routeFiles("app/(public)/login"))).toContainEqual(expect.stringMatching(/login-form\.tsx → (.* → )?lib\/client\/staff-sign-in\.ts$/));
  });

  it("and on the account page, where two-step verification is set up (through its import())", () => {
    expect(firebaseIn(routeFiles("app/(dashboard)/dashboard/account"))).toContainEqual(
      expect.stringMatching(/two-step-card\.tsx → lib\/client\/account-security\.ts$/),
    );
  });
});

describe("the browser import graph", () => {
  const root = mkdtempSync(path.join(tmpdir(), "browser-bundles-"));
  mkdirSync(path.join(root, "lib"));
  const file = (name: string, code: string) => writeFileSync(path.join(root, name), code);
  file("lib/schema.ts", 'import { z } from "zod";\nexport const schema = z.string();\nexport const LIMIT = 3;\n');
  file("lib/index.ts", 'export { LIMIT } from "./schema";\nexport const OTHER = 1;\n');
  file("lib/plain.ts", "export const PLAIN = 1;\n");
  file("actions.ts", '"use server";\nimport { schema } from "./lib/schema";\nexport async function act(v: string) { return schema.parse(v); }\n');
  const clientWith = (name: string, imports: string) => {
    file(name, `"use client";\n${imports}\nexport function Form() { return null; }\n`);
    return path.join(root, name);
  };

  it.each([
    ["a type-only import", 'import type { z } from "zod";\nimport { PLAIN } from "./lib/plain";'],
    ["inline type imports", 'import { type ZodType, type z } from "zod";'],
    ["a server action's module (only a reference reaches the browser)", 'import { act } from "./actions";'],
  ])("does not follow %s", (_, imports) => {
    expect(zodIn([clientWith(`client-${Math.random().toString(36).slice(2)}.tsx`, imports)])).toEqual([]);
  });

  it.each([
    ["zod itself", 'import { z } from "zod";'],
    ["a constant of a module that builds a schema", 'import { LIMIT } from "./lib/schema";'],
    ["a re-export through an index", 'import { OTHER } from "./lib";'],
    ["a dynamic import", 'export const load = () => import("./lib/schema");'],
  ])("follows %s", (_, imports) => {
    expect(zodIn([clientWith(`client-${Math.random().toString(36).slice(2)}.tsx`, imports)])).toHaveLength(1);
  });

  it("leaves a server component's own imports on the server, and follows its client components", () => {
    const client = clientWith("client-plain.tsx", 'import { PLAIN } from "./lib/plain";');
    file("page.tsx", `import { schema } from "./lib/schema";\nimport { Form } from "./client-plain";\nexport default function Page() { return [schema, Form]; }\n`);
    expect(zodIn([path.join(root, "page.tsx")])).toEqual([]);
    expect(clientModules([path.join(root, "page.tsx")]).map((loaded) => loaded.module)).toContain(path.relative(process.cwd(), client));
  });
});
