// Payments for the offline stacks (`npm run dev`, e2e): either the local
// Stripe stand-in, or real test keys from the environment. Either way the
// Functions emulator gets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET from
// functions/.secret.local (gitignored), which is where the emulator reads
// defineSecret values from, written here at stack start.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startProcess, type Child } from "./processes";
import { root } from "./stack";

export const DEV_STRIPE_PORT = 12111;
/** The dev webhook secret shared by the stand-in and the function. Not a secret: offline only. */
export const STANDIN_WEBHOOK_SECRET = "whsec_dev_standin_local_only";
export const STANDIN_SECRET_KEY = "sk_test_standin_local_only";

export const isRealPublishableKey = (key: string | undefined) => /^pk_(test|live)_\w+$/.test(key ?? "");

export function webhookUrl(functionsPort: number, projectId: string, region = "us-central1"): string {
  return `http://127.0.0.1:${functionsPort}/${projectId}/${region}/stripeWebhook`;
}

/**
 * The env for the app and the function. With real keys (a real publishable
 * key and STRIPE_SECRET_KEY set) nothing is overridden: run `stripe listen
 * --forward-to <webhookUrl>` and put its whsec_ in STRIPE_WEBHOOK_SECRET.
 */
export function stripeEnv(env: NodeJS.ProcessEnv, stripePort: number): NodeJS.ProcessEnv {
  if (isRealPublishableKey(env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY) && env.STRIPE_SECRET_KEY) return env;
  return {
    ...env,
    STRIPE_SECRET_KEY: STANDIN_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: STANDIN_WEBHOOK_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(stripePort),
    STRIPE_API_PROTOCOL: "http",
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "",
  };
}

/** Writes functions/.secret.local and starts the stand-in (unless real keys are in use). */
export function startStripe(children: Child[], env: NodeJS.ProcessEnv, functionsPort: number, opts: { quiet?: boolean } = {}): void {
  const secrets = `STRIPE_SECRET_KEY=${env.STRIPE_SECRET_KEY ?? ""}\nSTRIPE_WEBHOOK_SECRET=${env.STRIPE_WEBHOOK_SECRET ?? ""}\n`;
  writeFileSync(path.join(root, "functions/.secret.local"), secrets, { mode: 0o600 });
  if (!env.STRIPE_API_HOST) return;
  children.push(
    startProcess("stripe", path.join(root, "node_modules/.bin/stripe-standin"), [], {
      env: {
        ...env,
        STRIPE_STANDIN_PORT: env.STRIPE_API_PORT,
        STRIPE_WEBHOOK_URL: webhookUrl(functionsPort, String(env.FIREBASE_PROJECT_ID)),
      },
      quiet: opts.quiet,
      index: 4,
    }),
  );
}
