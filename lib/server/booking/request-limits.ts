import "server-only";
import { createHash } from "node:crypto";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/firebase";
import { appointments } from "@/lib/server/appointments/model";

// Limits on holding time, checked inside the request's own transaction (the
// counters live in Firestore: the app runs on several servers).
//
// - Live requests per patient email per clinic: counted by a query on the
//   appointments themselves (status pending/approved/rescheduled; where the
//   clinic asks patients to confirm their email, confirmed ones only, and
//   checked again when one is confirmed), so the
//   count is exact the moment a request is cancelled, declined, expired or
//   confirmed, with no counter to keep in step. A query alone does not stop
//   two requests racing past the limit together, so every request for that
//   email at that clinic also reads and writes one guard document
//   (patientHolds/{clinicId}_{emailHash}): racing transactions conflict on it
//   and the loser re-runs, seeing the winner's appointment in its query.
// - Requests per client address per clinic per hour: a counter document per
//   clinic, address and clock hour (requestCounters/{clinicId}_{ipHash}_{hour}),
//   incremented in the commit. Per clinic, so a busy network (or an attacker)
//   at one clinic never uses up another clinic's allowance, and each clinic's
//   own setting governs only its own requests.

export const MAX_LIVE_REQUESTS = 3;
export const DEFAULT_IP_REQUESTS_PER_HOUR = 10;
export const IP_REQUESTS_PER_HOUR_MAX = 1000;
const LIVE = ["pending", "approved", "rescheduled"];
const HOUR_MS = 3600_000;

/** A 429 that says when to come back (the Retry-After header). */
export class RateLimitError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
  }
}
export const isRateLimitError = (error: unknown): error is RateLimitError => error instanceof RateLimitError;

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** The clinic's per-address limit (clinics/{id}.ipRequestsPerHour, default 10). */
export function ipLimitOf(clinic: { get(field: string): unknown }): number {
  const value = Number(clinic.get("ipRequestsPerHour"));
  return Number.isInteger(value) && value >= 1 && value <= IP_REQUESTS_PER_HOUR_MAX ? value : DEFAULT_IP_REQUESTS_PER_HOUR;
}

/**
 * The e2e stack books from one loopback address many times an hour. It may
 * exempt loopback from the per-address limit (REQUEST_LIMITS_LOOPBACK_EXEMPT=1),
 * honoured only against local emulators: a real deployment cannot turn it on.
 * The per-email limit always applies.
 */
export function exemptFromIpLimit(ip: string, env: Record<string, string | undefined> = process.env): boolean {
  if (!env.FIRESTORE_EMULATOR_HOST || env.REQUEST_LIMITS_LOOPBACK_EXEMPT !== "1") return false;
  return ip === "127.0.0.1" || ip === "::1";
}

export interface LimitCheck {
  guardRef: DocumentReference;
  counterRef: DocumentReference | null;
  counter: DocumentSnapshot | null;
  hourEnd: number;
}

/**
 * Reads everything the limits need, inside the transaction (before any
 * write), and throws a RateLimitError when over. Then `recordRequest` writes.
 * `confirmedOnly`: the clinic asks patients to confirm their email, so only
 * confirmed requests count toward the per-email limit (see `countsTowardEmailLimit`).
 */
export async function checkLimits(
  tx: Transaction,
  input: { clinicId: string; email: string; ip: string | null; ipLimit: number; now: Date; confirmedOnly: boolean },
): Promise<LimitCheck> {
  const { clinicId, email, ip, now } = input;
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const hourEnd = (hour + 1) * HOUR_MS;
  const counterRef = ip && !exemptFromIpLimit(ip) ? db().collection("requestCounters").doc(`${clinicId}_${hash(ip)}_${hour}`) : null;
  const [guardRef, counter] = await Promise.all([
    checkEmailLimit(tx, { clinicId, email, now, confirmedOnly: input.confirmedOnly }),
    counterRef ? tx.get(counterRef) : Promise.resolve(null),
  ]);
  if (counter && Number(counter.get("count") ?? 0) >= input.ipLimit) {
    throw new RateLimitError(
      "Too many booking requests have come from your network in the last hour. Please try again later, or call the clinic.",
      Math.max(1, Math.ceil((hourEnd - now.getTime()) / 1000)),
    );
  }
  return { guardRef, counterRef, counter, hourEnd };
}

/**
 * Whether a live request counts toward its email's limit. Where the clinic
 * asks for confirmation, an unconfirmed one does not: anyone can type someone
 * else's address, and 3 unconfirmed requests would otherwise lock that person
 * out of the clinic. (Missing `emailConfirmedAt` = made before the clinic
 * asked: the patient was not asked, so it counts.)
 */
export const countsTowardEmailLimit = (confirmedOnly: boolean, emailConfirmedAt: unknown) =>
  !confirmedOnly || emailConfirmedAt !== null;

/**
 * The per-email limit alone, inside the transaction: reads the guard and the
 * live requests and throws a RateLimitError when `MAX_LIVE_REQUESTS` already
 * count. The caller writes the guard (`recordRequest`, or `touchEmailGuard`
 * at confirmation) so racing transactions conflict on it.
 */
export async function checkEmailLimit(
  tx: Transaction,
  input: { clinicId: string; email: string; now: Date; confirmedOnly: boolean },
): Promise<DocumentReference> {
  const { clinicId, email, now } = input;
  const guardRef = db().collection("patientHolds").doc(`${clinicId}_${hash(email)}`);
  const [, live] = await Promise.all([
    tx.get(guardRef),
    tx.get(
// query-shape: appointments.liveForPatient
      appointments()
        .where("clinicId", "==", clinicId)
        .where("patient.email", "==", email)
        .where("status", "in", LIVE)
        .select("expiresAt", "emailConfirmedAt"),
    ),
  ]);
  // A hold that lapsed but was not expired yet (the job runs every 5 minutes) no longer counts.
  const deadlines = live.docs
    .filter((d) => countsTowardEmailLimit(input.confirmedOnly, d.get("emailConfirmedAt")))
    .map((d) => (d.get("expiresAt") as Timestamp | null)?.toMillis() ?? Number.POSITIVE_INFINITY)
    .filter((ms) => ms > now.getTime());
  if (deadlines.length >= MAX_LIVE_REQUESTS) {
    // The earliest of them lapses by then at the latest (sooner if answered or cancelled).
    const soonest = Math.min(...deadlines, now.getTime() + 24 * HOUR_MS);
    throw new RateLimitError(
      `You already have ${MAX_LIVE_REQUESTS} requests waiting at this clinic. Please wait for an answer or cancel one.`,
      Math.max(60, Math.ceil((soonest - now.getTime()) / 1000)),
    );
  }
  return guardRef;
}

/** Writes the per-email guard in the confirming commit (see checkEmailLimit). */
export function touchEmailGuard(tx: Transaction, guardRef: DocumentReference, now: Date): void {
  tx.set(guardRef, guardDoc(now));
}

// ttlAt: a TTL policy deletes guards long unused (the id holds a hash of the
// patient's email); a missing guard is simply written again by the next request.
const GUARD_TTL_MS = 90 * 24 * HOUR_MS;
const guardDoc = (now: Date) => ({ lastRequestAt: Timestamp.fromDate(now), ttlAt: Timestamp.fromMillis(now.getTime() + GUARD_TTL_MS) });

/** Writes the guard and the counter in the request's commit. */
export function recordRequest(tx: Transaction, check: LimitCheck, now: Date): void {
  tx.set(check.guardRef, guardDoc(now));
  if (check.counterRef) {
    const count = Number(check.counter?.get("count") ?? 0) + 1;
    // ttlAt: a TTL policy may delete old counters; the hour in the id is what counts.
    tx.set(check.counterRef, { count, hourEnd: Timestamp.fromMillis(check.hourEnd), ttlAt: Timestamp.fromMillis(check.hourEnd + HOUR_MS) });
  }
}
