// Bundles the Cloud Functions into functions/lib/index.js. The app's lib/server
// verbs are bundled in, so the functions run exactly the code the app runs.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

await build({
  entryPoints: [`${here}src/index.ts`],
  outfile: `${here}lib/index.js`,
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  sourcemap: true,
  tsconfig: `${here}tsconfig.json`,
  // Installed in functions/package.json, so Cloud Functions installs them at deploy.
  external: ["firebase-functions", "firebase-admin", "stripe"],
  // `server-only` guards Next.js client bundles; in a function it is meaningless.
  alias: { "server-only": `${here}src/empty-module.ts` },
  logLevel: "warning",
});
console.log("functions/lib/index.js built");
