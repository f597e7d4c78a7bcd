import { afterEach, describe, expect, it } from "vitest";
import { e2eAppPort, e2eBackendPorts, e2eStripePort } from "./e2e-ports";
import { DEV_PORTS } from "./stack";

// Stacks run side by side (CI's e2e, the clock runs, a developer's checkout,
// `npm run dev`), each at its own E2E_PORT_OFFSET in hundreds. A port one
// stack takes that another also wants makes firebase-tools exit at start.
const stackPorts = (offset: number) => {
  process.env.E2E_PORT_OFFSET = String(offset);
  return [...Object.values(e2eBackendPorts()), e2eAppPort(), e2eStripePort()];
};

describe("e2e ports", () => {
  const saved = process.env.E2E_PORT_OFFSET;
  afterEach(() => {
    if (saved === undefined) delete process.env.E2E_PORT_OFFSET;
    else process.env.E2E_PORT_OFFSET = saved;
  });

  it("stacks at offsets 0 to 900 (and the dev stack) never share a port", () => {
    const all = [...Object.values(DEV_PORTS), ...[0, 100, 200, 300, 400, 500, 600, 700, 800, 900].flatMap(stackPorts)];
    const seen = new Map<number, number>();
    for (const port of all) seen.set(port, (seen.get(port) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([port]) => port)).toEqual([]);
  });
});
