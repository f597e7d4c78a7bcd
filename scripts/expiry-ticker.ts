// Runs the scheduled expiry and reminder functions' handlers every minute, as Cloud
// Scheduler would in production: the Functions emulator cannot trigger
// onSchedule functions by itself. With DEV_HOLD_MINUTES=1 in the dev stack's
// environment, new holds last one minute, so a request expires (and its email
// shows in /dev/mailbox) within two ticks.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const functionsEntry = path.resolve(import.meta.dirname, "../functions/lib/index.js");
type Scheduled = { run: (event: { scheduleTime: string; jobName: string }) => Promise<void> };
const { expireStaleRequests, sendReminders } = require(functionsEntry) as { expireStaleRequests: Scheduled; sendReminders: Scheduled };

const intervalMs = Number(process.env.EXPIRY_TICK_MS ?? 60_000);

async function tick() {
  try {
    await expireStaleRequests.run({ scheduleTime: new Date().toISOString(), jobName: "dev-ticker" });
  } catch (error) {
    console.error("expiry run failed:", error);
  }
  // The reminders too (every 15 minutes in production): a reminder due now shows in /dev/mailbox within a tick.
  try {
    await sendReminders.run({ scheduleTime: new Date().toISOString(), jobName: "dev-ticker" });
  } catch (error) {
    console.error("reminder run failed:", error);
  }
}

console.log(`Running expireStaleRequests and sendReminders every ${intervalMs / 1000}s`);
void tick();
setInterval(tick, intervalMs);
