import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "tailwindcss";
import { describe, expect, it } from "vitest";

// The stylesheet depends only on the UI's source. Left to detect its sources,
// Tailwind scans the whole checkout, functions/lib included (the functions
// bundle the dev stack and the test runs rewrite), so `npm run dev` rebuilt
// the page's CSS ("[Fast Refresh] rebuilding") whenever that bundle changed,
// with no source file touched.

const repo = fileURLToPath(new URL("../../", import.meta.url));
const UI_SOURCES = ["app", "components", "lib"].map((dir) => path.join(repo, dir));

async function compiled() {
  const require = createRequire(import.meta.url);
  const appDirectory = path.join(repo, "app");
  return compile(readFileSync(path.join(appDirectory, "globals.css"), "utf8"), {
    base: appDirectory,
    loadStylesheet: async (id, base) => {
      const file = id === "tailwindcss" ? require.resolve("tailwindcss/index.css") : path.resolve(base, id);
      return { path: file, base: path.dirname(file), content: readFileSync(file, "utf8") };
    },
  });
}

describe("what the stylesheet is built from", () => {
  it("scans app/, components/ and lib/ only, never the whole checkout", async () => {
    const compiler = await compiled();
    // No automatic detection from the repository root...
    expect(compiler.root).toBe("none");
    // ...only the UI's own folders.
    const scanned = compiler.sources.filter((source) => !source.negated).map((source) => path.resolve(source.base, source.pattern));
    expect(scanned.sort()).toEqual([...UI_SOURCES].sort());
  });
});
