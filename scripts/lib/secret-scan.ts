// Finds secrets in build output and logs: the values of the secret variables
// set during the build, and (for what browsers download) Stripe secret shapes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Secret and restricted keys, webhook signing secrets. Publishable keys (pk_) are public.
export const STRIPE_SECRET_SHAPES = [/\b[sr]k_(live|test)_[0-9A-Za-z]{8,}/, /\bwhsec_[0-9A-Za-z]{8,}/];

/** The variables whose values must never appear in output: secret-looking names, not NEXT_PUBLIC_. */
export function secretValues(env: Record<string, string | undefined>): [string, string][] {
  return Object.entries(env).filter(
    (entry): entry is [string, string] =>
      Boolean(entry[1] && entry[1].length >= 8) && !entry[0].startsWith("NEXT_PUBLIC_") && /SECRET|PASSWORD|PRIVATE|TOKEN|_KEY$/.test(entry[0]),
  );
}

/** What in `text` looks like a leak: a watched value (by its variable's name) or a Stripe secret shape. */
export function leaks(text: string, watched: [string, string][], shapes: boolean): string[] {
  return [
    ...watched.filter(([, value]) => text.includes(value)).map(([name]) => `the value of ${name}`),
    ...(shapes ? STRIPE_SECRET_SHAPES.filter((re) => re.test(text)).map((re) => `a string shaped like ${re.source}`) : []),
  ];
}

/** Scans every file under `dir` (paths relative to `root`) except those `skip` names. */
export function scanDir(root: string, dir: string, watched: [string, string][], shapes: boolean, skip: (rel: string) => boolean = () => false) {
  const found: string[] = [];
  let files = 0;
  for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    if (skip(rel)) continue;
    files += 1;
    // latin1: any byte sequence reads, and ASCII secrets match byte for byte.
    for (const what of leaks(readFileSync(path.join(root, rel), "latin1"), watched, shapes)) found.push(`${rel} contains ${what}`);
  }
  return { found, files };
}
