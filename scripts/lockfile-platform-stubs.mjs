// Keeps package-lock.json valid for `npm ci`.
//
// Our npm registry mirror lacks some platform-specific optional packages
// (@next/swc-darwin-*, @tailwindcss/oxide-win32-*, …): `npm install` then
// leaves them out of the lock file, and `npm ci` refuses a lock that misses an
// optional dependency some package declares. npm never downloads a package
// whose `os`/`cpu` don't match the machine, so an entry with the version and
// the platform is all it needs. This adds exactly those entries, derived from
// the package names, and nothing else. It runs as our `postinstall`, after
// npm has written the lock, and is a no-op when nothing is missing.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(import.meta.dirname, "../package-lock.json");
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

const OSES = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPUS = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  if (parts.includes("wasm32")) return { cpu: ["wasm32"] };
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p));
  // Not recognisably platform-specific: leave it for npm to report.
  return os && cpu ? { os: [os], cpu: [cpu] } : null;
}

const added = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = { version, optional: true, ...platform };
    added.push(dep);
  }
}

if (added.length > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${added.length} platform stub entries for npm ci`);
}
