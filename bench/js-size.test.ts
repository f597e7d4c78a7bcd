import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipSize, scriptChunks, sumChunks } from "./js-size";

describe("scriptChunks", () => {
  it("finds <script src> chunks and the RSC payload's chunks, each once", () => {
    const html = [
      '<script src="/_next/static/chunks/webpack-1a2b.js" async=""></script>',
      '<script src="/_next/static/chunks/main-app-3c4d.js" async=""></script>',
      // The inline flight data names client chunks without /_next/ and with escaped quotes.
      '<script>self.__next_f.push([1,"2:I[\\"123\\",[\\"static/chunks/app/page-5e6f.js\\",\\"static/chunks/main-app-3c4d.js\\"],\\"Flow\\"]"])</script>',
    ].join("");
    expect(scriptChunks(html)).toEqual([
      "/_next/static/chunks/app/page-5e6f.js",
      "/_next/static/chunks/main-app-3c4d.js",
      "/_next/static/chunks/webpack-1a2b.js",
    ]);
  });

  it("decodes a dynamic segment's brackets and keeps route groups", () => {
    const html = '<script src="/_next/static/chunks/app/(public)/book/%5Bslug%5D/page-77.js"></script>';
    expect(scriptChunks(html)).toEqual(["/_next/static/chunks/app/(public)/book/[slug]/page-77.js"]);
  });

  it("ignores stylesheets, fonts and pages without scripts", () => {
    const html = '<link rel="stylesheet" href="/_next/static/css/app-1.css"><link rel="preload" href="/_next/static/media/inter.woff2">';
    expect(scriptChunks(html)).toEqual([]);
  });
});

describe("sumChunks", () => {
  it("sums each chunk's own gzipped size, as served one file at a time", () => {
    const a = "console.log('a');".repeat(200);
    const b = "export const b = [1, 2, 3];";
    const total = sumChunks([a, b]);
    expect(total.gzipBytes).toBe(gzipSync(a).length + gzipSync(b).length);
    expect(total.rawBytes).toBe(a.length + b.length);
    expect(total.chunks).toBe(2);
    // Gzipping the concatenation would undercount: shared text compresses once.
    expect(total.gzipBytes).toBeGreaterThan(gzipSync(a + b).length);
  });

  it("measures the same bytes as a string or as a buffer", () => {
    const text = "const é = 'ünïcödé';";
    expect(gzipSize(text)).toBe(gzipSize(new TextEncoder().encode(text)));
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
  });
});
