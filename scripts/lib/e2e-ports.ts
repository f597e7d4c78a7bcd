import type { StackPorts } from "./stack";

// The e2e stack's ports. E2E_PORT_OFFSET moves every one at once, so two
// checkouts can run e2e side by side. Read by scripts/e2e-stack.ts, the
// Playwright config and the specs' set-up helpers.
export const e2eOffset = () => Number(process.env.E2E_PORT_OFFSET ?? 0);
export const e2eAppPort = () => 3100 + e2eOffset();
export const e2eStripePort = () => 12211 + e2eOffset();
// Offsets go in hundreds, 0 to 900, and no port of one stack may equal
// another's or the dev stack's (DEV_PORTS): each kind of port has a range of
// its own. (The emulators' logging port once sat exactly 100 above the hub,
// so a stack at offset 100 took the hub port of the one at 0, and
// firebase-tools exited.)
export function e2eBackendPorts(): StackPorts {
  const offset = e2eOffset();
  return { firestore: 8180 + offset, auth: 9199 + offset, functions: 5101 + offset, hub: 6401 + offset, logging: 6451 + offset };
}
