import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Every repo path the docs write in backticks (`lib/server/appointments/review.ts`)
// exists, so the docs follow a move. A path counts as a repo path when its
// first segment is an entry at the repo's root; a segment with a `*`
// (`tools/*/src`, `bench/*.test.ts`) must match something.

const root = fileURLToPath(new URL("..", import.meta.url));

/** Paths the docs name that a run writes, never committed (gitignored). */
const WRITTEN_AT_RUN_TIME = new Set([
  "functions/.secret.local", // the dev and e2e stacks write the Stripe secrets the Functions emulator reads
  "functions/lib/index.js", // the functions bundle `node functions/build.mjs` writes
  "bench/results.json", // `npm run bench` writes its latest figures
]);

const docs = ["README.md", ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];
const rootEntries = new Set(readdirSync(root).filter((name) => name !== "node_modules" && !name.startsWith(".next")));

/** The repo paths written in backticks in a Markdown text. */
function backtickedRepoPaths(markdown: string, entries: ReadonlySet<string>): string[] {
  const paths = new Set<string>();
  for (const [, text] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const path = text!.replace(/\/$/, "");
    if (/\s/.test(path)) continue;
    const first = path.split("/")[0]!;
    if (entries.has(first) && (path.includes("/") || path.includes("."))) paths.add(path);
  }
  return [...paths];
}

/** Whether a path exists, a `*` in a segment standing for any run of characters in an entry's name. */
function exists(path: string): boolean {
  const walk = (base: string, segments: string[]): boolean => {
    if (segments.length === 0) return true;
    const [segment, ...rest] = segments as [string, ...string[]];
    if (!segment.includes("*")) return existsSync(join(base, segment)) && walk(join(base, segment), rest);
    if (!existsSync(base) || !statSync(base).isDirectory()) return false;
    const pattern = new RegExp(`^${segment.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    return readdirSync(base).some((name) => name !== "node_modules" && pattern.test(name) && walk(join(base, name), rest));
  };
  return walk(root, path.split("/"));
}

describe("the docs name paths that exist", () => {
  it("finds the paths the docs write", () => {
    const all = docs.flatMap((doc) => backtickedRepoPaths(readFileSync(join(root, doc), "utf8"), rootEntries));
    expect(all).toContain("lib/server/appointments/change-appointment.ts");
  });

  it.each(docs)("%s", (doc) => {
    const missing = backtickedRepoPaths(readFileSync(join(root, doc), "utf8"), rootEntries).filter(
      (path) => !WRITTEN_AT_RUN_TIME.has(path) && !exists(path),
    );
    expect(missing).toEqual([]);
  });

  it("reads a moved file as missing, and a glob that matches nothing too", () => {
    const paths = backtickedRepoPaths(
      "See `lib/server/nowhere.ts`, `tools/*/src`, `tools/*/nothing`, `bench/*.test.ts`, `bench/*.nothing.ts`, `npm run dev`, `lib/`.",
      rootEntries,
    );
    expect(paths).toEqual(["lib/server/nowhere.ts", "tools/*/src", "tools/*/nothing", "bench/*.test.ts", "bench/*.nothing.ts"]);
    expect(paths.map(exists)).toEqual([false, true, false, true, false]);
  });
});
