import "server-only";
import { createHash } from "node:crypto";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/firebase";
import { appNow } from "@/lib/server/clock";

// The limit on password guessing for the one server path that still checks a
// password for someone not yet signed in: accepting an invite with an
// existing account (lib/server/team/invite-acceptance.ts). Identity Toolkit
// has its own limit, but it sees every such check coming from our server's
// address. Attempts are counted per email and per client address in Firestore
// (signInFailures/{key}, the key a SHA-256 so no address or email sits in a
// document id); with 10 in the last 15 minutes on either key the answer is
// 429 without checking. Each attempt is reserved in a transaction BEFORE the
// password is checked, so parallel guesses cannot all slip past the count; a
// correct password clears the email's count (not the address's: one office
// may share it).

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 10;

const refFor = (kind: "email" | "ip", value: string): DocumentReference =>
  db()
    .collection("signInFailures")
    .doc(`${kind}-${createHash("sha256").update(`${kind}:${value.toLowerCase()}`).digest("hex")}`);

/** Failure times still inside the window, oldest first. */
function recent(failures: unknown, now: number): number[] {
  if (!Array.isArray(failures)) return [];
  return failures
    .map((t) => (t instanceof Timestamp ? t.toMillis() : NaN))
    .filter((t) => t > now - SIGN_IN_WINDOW_MS && t <= now)
    .sort((a, b) => a - b);
}

export function throttledMessage(minutes: number): string {
  return `Too many failed sign-in attempts. For your security, signing in is paused: please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** When attempts are allowed again: the 10th-newest attempt leaving the window (0 with fewer than 10). */
function refusalUntil(times: number[]): number {
  // Allowed again once fewer than 10 remain in the window.
  return times.length >= SIGN_IN_MAX_FAILURES ? times[times.length - SIGN_IN_MAX_FAILURES]! + SIGN_IN_WINDOW_MS : 0;
}

/**
 * In one transaction: refuses (rate_limited) if the email or the address has
 * 10 attempts in the window, otherwise records this attempt on both.
 */
async function reserveAttempt(refs: DocumentReference[], now: number): Promise<void> {
  await db().runTransaction(async (tx) => {
    const snapshots = await tx.getAll(...refs);
    const times = snapshots.map((snapshot) => recent(snapshot.get("failures"), now));
    const until = Math.max(...times.map(refusalUntil));
    if (until > now) throw new AppError("rate_limited", throttledMessage(Math.max(1, Math.ceil((until - now) / 60_000))));
    times.forEach((kept, i) => {
      tx.set(refs[i]!, {
        failures: [...kept, now].slice(-SIGN_IN_MAX_FAILURES).map((t) => Timestamp.fromMillis(t)),
        // For a Firestore TTL policy on this field, so old counters disappear.
        expiresAt: Timestamp.fromMillis(now + SIGN_IN_WINDOW_MS),
      });
    });
  });
}

/**
 * Runs `check` (a password check) unless the email or the client address has
 * used its attempts; the attempt counts whatever the outcome, except that a
 * check that passes clears the email's count.
 */
export async function throttledPasswordCheck<T>(email: string, ip: string, check: () => Promise<T>, now = appNow()): Promise<T> {
  const at = now.getTime();
  const emailRef = refFor("email", email);
  await reserveAttempt([emailRef, refFor("ip", ip)], at);
  const result = await check();
  await emailRef.delete();
  return result;
}
