import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Badge, type BadgeSize } from "./badge";

// `cn` only joins classes (no tailwind-merge), so two utilities setting the
// same property leave the winner to stylesheet order. Each rendered Badge
// must carry at most one of each.
const GROUPS: Array<[string, RegExp]> = [
  ["horizontal padding", /^(px|pl|pr|ps|pe|p)-/],
  ["vertical padding", /^(py|pt|pb|p)-/],
  ["text size", /^text-(xs|sm|base|lg|xl|\dxl)$/],
];

function conflicts(classList: string[]): string[] {
  return GROUPS.flatMap(([name, re]) => {
    const hits = classList.filter((c) => re.test(c));
    return hits.length > 1 ? [`${name}: ${hits.join(" ")}`] : [];
  });
}

function renderedClasses(props: Record<string, unknown>): string[] {
  const html = renderToStaticMarkup(createElement(Badge, props, "Confirmed"));
  const match = /class="([^"]*)"/.exec(html);
  return (match?.[1] ?? "").split(/\s+/).filter(Boolean);
}

describe("Badge classes", () => {
  for (const size of [undefined, "md", "lg"] as Array<BadgeSize | undefined>) {
    it(`size ${size ?? "(default)"} sets padding and text size once each`, () => {
      const classes = renderedClasses({ tone: "green", size });
      expect(conflicts(classes)).toEqual([]);
      expect(classes.some((c) => /^px-/.test(c))).toBe(true);
      expect(classes.some((c) => /^text-(sm|base)$/.test(c))).toBe(true);
    });
  }

  it("lg keeps the status page's former look (px-3 py-1 text-base)", () => {
    expect(renderedClasses({ size: "lg" })).toEqual(expect.arrayContaining(["px-3", "py-1", "text-base"]));
  });

  // The call sites: a className handed to <Badge> must not bring its own
  // padding or text size (pick a `size` instead). This is what the status
  // page used to do.
  it("no caller passes padding or text-size classes to Badge", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith(".tsx")) files.push(path);
      }
    };
    walk("app");
    walk("components");
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/<Badge\b[^>]*className=\{?"([^"]*)"/g)]
        .filter((m) => conflicts([...(m[1] ?? "").split(/\s+/), "px-2.5", "py-0.5", "text-sm"]).length > 0)
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
