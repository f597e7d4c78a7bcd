import type { StackPorts } from "./stack";

// The e2e stack's ports. E2E_PORT_OFFSET moves every one at once, so two
// checkouts can run e2e side by side. Read by scripts/e2e-stack.ts, the
// Playwright config and the specs' set-up helpers.
export const e2eOffset = () => Number(process.env.E2E_PORT_OFFSET ?? 0);
export const e2eAppPort = () => 3100 + e2eOffset();
export const e2eStripePort = () => 12211 + e2eOffset();
export function e2eBackendPorts(): StackPorts {
  const offset = e2eOffset();
  return { firestore: 8180 + offset, auth: 9199 + offset, functions: 5101 + offset, hub: 4401 + offset, logging: 4501 + offset };
}
