// Integration files run in parallel on this many workers (vitest.config.ts),
// each with a project id and an Auth emulator of its own (app-env.ts), so one
// file clearing its data never touches another's.
export const INTEGRATION_WORKERS = 2;

export const workerProjectId = (worker: number | string) => `demo-test-w${worker}`;
