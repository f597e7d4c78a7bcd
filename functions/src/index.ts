// Cloud Functions: thin wrappers around the app's own verbs in lib/server.
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireStale } from "@/lib/server/expiry";

export const expireStaleRequests = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", retryCount: 0 },
  async (event) => {
    // Paged with a 45 s budget inside the default 60 s timeout; whatever is
    // left (result.more) is the head of the same query for the next run.
    const result = await expireStale(new Date(event.scheduleTime));
    if (result.more || result.failed > 0) logger.warn("expireStale left work for the next run", result);
    else logger.info("expireStale", result);
  },
);
