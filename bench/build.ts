// "Builds if needed": the production build is reused unless it is missing or
// older than a file it is built from (the sources git tracks under these paths).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json"];

/** Why the build must be redone, or null when .next is up to date. */
export function staleBuild(root: string): string | null {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const files = execFileSync("git", ["ls-files", "-z", "--", ...BUILD_INPUTS], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  const newer = files.find((file) => existsSync(path.join(root, file)) && statSync(path.join(root, file)).mtimeMs > builtAt);
  return newer ? `${newer} changed since the last build` : null;
}

export function nextBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
  });
}
