// Runs the scheduled functions' handlers every minute, as Cloud Scheduler would
// in production: the Functions emulator cannot trigger onSchedule functions by
// itself. With DEV_HOLD_MINUTES=1 in the dev stack's environment, new holds last
// one minute, so a request expires (and its email shows in /dev/mailbox) within
// two ticks; a reminder due now shows within a tick; enforceRetention (daily in
// production) runs on every tick too, so a shortened retention period shows at once;
// wakeWaitlist tells the waiting list of time an expiry freed.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const functionsEntry = path.resolve(import.meta.dirname, "../functions/lib/index.js");
type Scheduled = { run: (event: { scheduleTime: string; jobName: string }) => Promise<void> };
const JOBS = ["expireStaleRequests", "sendReminders", "enforceRetention", "wakeWaitlist"] as const;
const handlers = require(functionsEntry) as Record<(typeof JOBS)[number], Scheduled>;

const intervalMs = Number(process.env.EXPIRY_TICK_MS ?? 60_000);

async function tick() {
  // One after another, each failure logged alone: one job's error never skips the others.
  for (const job of JOBS) {
    try {
      await handlers[job].run({ scheduleTime: new Date().toISOString(), jobName: "dev-ticker" });
    } catch (error) {
      console.error(`${job} run failed:`, error);
    }
  }
}

console.log(`Running ${JOBS.join(", ")} every ${intervalMs / 1000}s`);
void tick();
setInterval(tick, intervalMs);
