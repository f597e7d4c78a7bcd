import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "tailwindcss";
import { describe, expect, it } from "vitest";

// Compiles app/globals.css as the build does and reads the declarations the
// browser gets, so a theme change that brings a font feature back fails here.

const appDirectory = fileURLToPath(new URL("../../app/", import.meta.url));

async function builtCss(candidates: string[]): Promise<string> {
  const require = createRequire(import.meta.url);
  const compiler = await compile(readFileSync(`${appDirectory}globals.css`, "utf8"), {
    base: appDirectory,
    // `@import "tailwindcss"` and its own relative imports, as @tailwindcss/postcss resolves them.
    loadStylesheet: async (id, base) => {
      const file = id === "tailwindcss" ? require.resolve("tailwindcss/index.css") : path.resolve(base, id);
      return { path: file, base: path.dirname(file), content: readFileSync(file, "utf8") };
    },
  });
  return compiler.build(candidates);
}

function declarations(css: string, selector: string, property: string): string[] {
  const found: string[] = [];
  for (const [, selectors = "", body = ""] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selectors.split(",").map((part) => part.trim()).includes(selector)) continue;
    for (const [, value = ""] of body.matchAll(new RegExp(`(?:^|;)\\s*${property}:\\s*([^;]+)`, "g"))) found.push(value.trim());
  }
  return found;
}

describe("type renders user data as typed", () => {
  it("turns off Inter's contextual alternates (which draw 2x8 as 2×8) on the page and in form controls", async () => {
    const css = await builtCss(["font-sans", "tabular-nums"]);
    const html = declarations(css, "html", "font-feature-settings");
    expect(html).toHaveLength(1);
    // The value is either inline or a theme variable; resolve the variable.
    const value = (html[0] ?? "").replace(/^var\((--[\w-]+),[^)]*\)$/, (_all, name: string) => declarations(css, ":root", name)[0] ?? "normal");
    expect(value).toMatch(/"calt" 0|"calt" off/);
    expect(declarations(css, "input", "font-feature-settings")).toEqual(["inherit"]);
    // No utility the body uses sets the features back.
    expect(declarations(css, ".font-sans", "font-feature-settings")).toEqual([]);
  });
});
