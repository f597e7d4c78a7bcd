// Cloud Functions: thin wrappers around the app's own verbs in lib/server.
// The exported names are what deploys: scripts/deploy-check.ts loads the
// bundle and checks each name's trigger, region and secrets.
import "./global-options"; // first: the functions below take its region
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { expireStale } from "@/lib/server/expiry";

export const expireStaleRequests = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", retryCount: 0 },
  async (event) => {
    const result = await expireStale(new Date(event.scheduleTime));
    logger.info("expireStale", result);
  },
);

export { stripeWebhook } from "./stripe-webhook";
