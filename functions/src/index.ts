// Cloud Functions: thin wrappers around the app's own verbs in lib/server.
// The exported names are what deploys: scripts/deploy-check.ts loads the
// bundle and checks each name's trigger, region and secrets.
import "./global-options"; // first: the functions below take its region
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { appNow } from "@/lib/server/clock";
import { expireStale } from "@/lib/server/appointments/expiry-sweep";
import { sendReminders as sendDueReminders } from "@/lib/server/reminders/send-reminders";
import { retryAfterCommitEffects } from "@/lib/server/payments/stripe-effects";
import { sweepRetention } from "@/lib/server/privacy/retention";
import { processWakeups } from "@/lib/server/waitlist/wake";
import { STRIPE_SECRET_KEY } from "./secrets";

export const expireStaleRequests = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", retryCount: 0 },
  async () => {
    // Holds lapse by the app's clock, not the scheduled time, which Cloud
    // Scheduler may deliver late. Paged with a 45 s budget inside the default
    // 60 s timeout; whatever is left (result.more) is the head of the same
    // query for the next run.
    const result = await expireStale(appNow());
    if (result.more || result.failed > 0) logger.warn("expireStale left work for the next run", result);
    else logger.info("expireStale", result);
  },
);

/**
 * Patients' reminders before their confirmed visits and the doctors' morning
 * lists. Due by the app's clock; each sent exactly once (a marker document
 * per reminder), so a late, repeated or overlapping run sends nothing twice.
 */
export const sendReminders = onSchedule(
  { schedule: "every 15 minutes", timeZone: "UTC", retryCount: 0 },
  async () => {
    const result = await sendDueReminders(appNow());
    if (result.more || result.failed > 0) logger.warn("sendReminders left work for the next run", result);
    else logger.info("sendReminders", result);
  },
);

export { stripeWebhook } from "./stripe-webhook";

/** Stripe calls a change could not make right after its commit (Stripe unreachable): refunds, PaymentIntent cancels. */
export const retryRefunds = onSchedule(
  { schedule: "every 15 minutes", timeZone: "UTC", retryCount: 0, secrets: [STRIPE_SECRET_KEY] },
  async () => {
    process.env.STRIPE_SECRET_KEY ??= STRIPE_SECRET_KEY.value();
    const result = await retryAfterCommitEffects();
    if (result.failed > 0) logger.warn("retryRefunds left Stripe calls due", result);
    else if (result.refunded > 0 || result.cancelled > 0) logger.info("retryRefunds", result);
  },
);

/** Erases patients' personal data past each clinic's retention period (docs/privacy.md); resumes where a run stopped. */
export const enforceRetention = onSchedule({ schedule: "every day 03:00", timeZone: "UTC", retryCount: 0 }, async () => {
  const result = await sweepRetention(appNow());
  if (result.more || result.failed > 0) logger.warn("sweepRetention left work for the next run", result);
  else logger.info("sweepRetention", result);
});

/**
 * The waiting list: tells the people waiting when time freed up (a wake-up
 * document written in the commit that freed it). Most are told right after
 * that commit; this catches the rest (the expiry sweep's, a webhook's, one
 * whose immediate run failed). Each person once per wake-up (a marker each).
 */
export const wakeWaitlist = onSchedule({ schedule: "every 1 minutes", timeZone: "UTC", retryCount: 0 }, async () => {
  const result = await processWakeups(appNow());
  if (result.more || result.failed > 0) logger.warn("processWakeups left work for the next run", result);
  else if (result.wakeups > 0) logger.info("processWakeups", result);
});
