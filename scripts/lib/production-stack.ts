// The production stack on ports of its own: the Stripe stand-in, our
// Firestore, the Auth (and optionally Functions) emulators, the demo seed, and
// `next start` on the existing production build. The e2e suite
// (scripts/e2e-stack.ts) and the bench (bench/run.ts) both run against it.
import path from "node:path";
import { httpOk, startProcess, waitFor, type Child } from "./processes";
import { root, stackEnv, startBackend, type StackPorts } from "./stack";
import { startStripe, stripeEnv } from "./stripe-stack";

export interface ProductionStackOptions {
  appPort: number;
  ports: StackPorts;
  stripePort: number;
  /** Set for the app and every process, over the stack's own variables. */
  env?: Record<string, string>;
  /** The Functions emulator (the Stripe webhook): e2e needs it; the bench does not. */
  functions: boolean;
  /** Hide the backend's logs (the emulators are chatty). */
  quiet?: boolean;
  /** Hide next start's logs too (its errors included). */
  quietApp?: boolean;
}

export interface ProductionStack {
  appUrl: string;
  env: NodeJS.ProcessEnv;
  next: Child;
}

/**
 * Starts every process, pushing each onto `children` as it starts (so the
 * caller's shutdown stops whatever did start, even after a failure), seeds the
 * demo data and resolves once `next start` answers.
 */
export async function startProductionStack(children: Child[], opts: ProductionStackOptions): Promise<ProductionStack> {
  const appUrl = `http://127.0.0.1:${opts.appPort}`;
  const env: NodeJS.ProcessEnv = { ...stripeEnv(stackEnv(opts.ports, appUrl), opts.stripePort), ...opts.env };
  // The seed below runs in this process and reads the same variables.
  Object.assign(process.env, env);

  startStripe(children, env, opts.ports.functions, { quiet: opts.quiet });
  await startBackend(children, opts.ports, env, { functions: opts.functions, quiet: opts.quiet });
  const { seed } = await import("../seed");
  await seed();
  // Idle keep-alive connections stay open two minutes, not Node's 5 s: a client that reuses one just as the server
  // closes it gets ECONNRESET (seen twice in about 130 runs of a spec calling the API directly, at load 20). The
  // window is now that a connection sat idle for exactly two minutes.
  const startArgs = ["start", "--hostname", "127.0.0.1", "--port", String(opts.appPort), "--keepAliveTimeout", "120000"];
  const next = startProcess("next", path.join(root, "node_modules/.bin/next"), startArgs, {
    env,
    quiet: opts.quietApp,
    index: 2,
  });
  children.push(next);
  const exitedEarly = next.exited.then((code) => {
    throw new Error(`next start exited with code ${code} before it answered (is there a build? npx next build)`);
  });
  exitedEarly.catch(() => undefined); // handled by the race below
  await Promise.race([waitFor("next start", httpOk(`${appUrl}/api/health`), 120_000), exitedEarly]);
  return { appUrl, env, next };
}
