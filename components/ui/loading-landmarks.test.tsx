import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

// Every loading.tsx keeps its page's landmarks while it shows: a page has one
// <main> and one <h1> even before its data arrives (axe: landmark-one-main,
// page-has-heading-one). Dashboard fallbacks render inside the shell's <main>,
// so they bring the heading; a public one brings both.

const app = fileURLToPath(new URL("../../app/", import.meta.url));

function loadingFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return loadingFiles(full);
    return entry.name === "loading.tsx" ? [full] : [];
  });
}

const files = loadingFiles(app).map((file) => path.relative(app, file));
const count = (html: string, tag: string) => html.match(new RegExp(`<${tag}[\\s>]`, "g"))?.length ?? 0;

describe("loading states keep the page's landmarks", () => {
  it("finds the loading states", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)("%s has one h1, and one main unless the dashboard shell gives it", async (file) => {
    const { default: Loading } = (await import(path.join(app, file))) as { default: ComponentType };
    const html = renderToStaticMarkup(<Loading />);
    expect(count(html, "h1"), "h1").toBe(1);
    expect(count(html, "main"), "main").toBe(file.startsWith("(dashboard)") ? 0 : 1);
  });
});
