// "JS gzipped per page": what a browser downloads to run a page is every
// script chunk its HTML names, in <script src> tags and in the inline RSC
// payload (the client components' chunks, which React loads at hydration).
// Each chunk is counted once per page, gzipped at zlib's default level, as a
// server or CDN would send it.
import { gzipSync } from "node:zlib";

// "/_next/static/chunks/app/page-0a1b.js", or without the /_next/ prefix inside
// the RSC payload, possibly with escaped slashes or URL-encoded brackets.
const CHUNK = /(?:\/_next\/)?static\/chunks\/[\w\-.~%[\]()/\\]+?\.js/g;

/** The distinct script chunks an HTML page names, as paths from the server's root ("/_next/static/chunks/…"). */
export function scriptChunks(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(CHUNK)) {
    const clean = match[0].replaceAll("\\/", "/").replaceAll("\\", "");
    const rootPath = clean.startsWith("/_next/") ? clean : `/_next/${clean}`;
    found.add(decodeURIComponent(rootPath));
  }
  return [...found].sort();
}

export const gzipSize = (source: string | Uint8Array) => gzipSync(source).length;

export interface PageJs {
  /** Sum of the chunks' gzipped sizes, in bytes. */
  gzipBytes: number;
  rawBytes: number;
  chunks: number;
}

/** Sums the gzipped sizes of the given chunks' sources. */
export function sumChunks(sources: readonly (string | Uint8Array)[]): PageJs {
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    gzipBytes += gzipSize(source);
    rawBytes += typeof source === "string" ? Buffer.byteLength(source) : source.length;
  }
  return { gzipBytes, rawBytes, chunks: sources.length };
}

/** Fetches a page and every chunk it names, and sums them (bench/run.ts, against a running app). */
export async function measurePageJs(baseUrl: string, pagePath: string): Promise<PageJs & { paths: string[] }> {
  const page = await fetch(baseUrl + pagePath);
  if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`);
  const paths = scriptChunks(await page.text());
  const sources = await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(baseUrl + path.replaceAll("[", "%5B").replaceAll("]", "%5D"));
      if (response.status !== 200) throw new Error(`${path} (named by ${pagePath}) answered ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  return { ...sumChunks(sources), paths };
}
