// Runs the scheduled expiry function's handler every minute, as Cloud
// Scheduler would in production: the Functions emulator cannot trigger
// onSchedule functions by itself. With DEV_HOLD_MINUTES=1 in the dev stack's
// environment, new holds last one minute, so a request expires (and its email
// shows in /dev/mailbox) within two ticks.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const functionsEntry = path.resolve(import.meta.dirname, "../functions/lib/index.js");
type Scheduled = { run: (event: { scheduleTime: string; jobName: string }) => Promise<void> };
// enforceRetention (daily in production) runs on every tick too, so a shortened retention period shows at once.
const { expireStaleRequests, enforceRetention } = require(functionsEntry) as { expireStaleRequests: Scheduled; enforceRetention: Scheduled };

const intervalMs = Number(process.env.EXPIRY_TICK_MS ?? 60_000);

async function tick() {
  try {
    await expireStaleRequests.run({ scheduleTime: new Date().toISOString(), jobName: "dev-ticker" });
  } catch (error) {
    console.error("expiry run failed:", error);
  }
  try {
    await enforceRetention.run({ scheduleTime: new Date().toISOString(), jobName: "dev-ticker" });
  } catch (error) {
    console.error("retention run failed:", error);
  }
}

console.log(`Running expireStaleRequests and enforceRetention every ${intervalMs / 1000}s`);
void tick();
setInterval(tick, intervalMs);
