import "server-only";
import { createHash } from "node:crypto";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { AppError } from "@/lib/domain/errors";
import { db } from "@/lib/server/firebase";
import { startSession, type NewSession } from "./session";
import { appNow } from "@/lib/server/clock";

// Our own limit on password guessing. Identity Toolkit has one, but it sees
// every attempt coming from our server's address. Failed sign-ins are counted
// per email and per client address in Firestore (signInFailures/{key}, the
// key a SHA-256 so no address or email sits in a document id); 10 failures
// within 15 minutes on either key answer 429 until the oldest of them is 15
// minutes old. A successful sign-in clears the email's count (not the
// address's: one office may share it).

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

/** Throws rate_limited if the email or the address has 10 failures in the window. */
async function assertNotThrottled(refs: DocumentReference[], now: number): Promise<void> {
  const snapshots = await db().getAll(...refs);
  let until = 0;
  for (const snapshot of snapshots) {
    const times = recent(snapshot.get("failures"), now);
    if (times.length >= SIGN_IN_MAX_FAILURES) {
      // Allowed again once fewer than 10 remain in the window.
      until = Math.max(until, times[times.length - SIGN_IN_MAX_FAILURES]! + SIGN_IN_WINDOW_MS);
    }
  }
  if (until > now) throw new AppError("rate_limited", throttledMessage(Math.max(1, Math.ceil((until - now) / 60_000))));
}

/** Adds one failure to each key, in one transaction, keeping only what the window needs. */
async function recordFailure(refs: DocumentReference[], now: number): Promise<void> {
  await db().runTransaction(async (tx) => {
    const snapshots = await tx.getAll(...refs);
    snapshots.forEach((snapshot, i) => {
      const times = [...recent(snapshot.get("failures"), now), now].slice(-SIGN_IN_MAX_FAILURES);
      tx.set(refs[i]!, {
        failures: times.map((t) => Timestamp.fromMillis(t)),
        // For a Firestore TTL policy on this field, so old counters disappear.
        expiresAt: Timestamp.fromMillis(now + SIGN_IN_WINDOW_MS),
      });
    });
  });
}

/**
 * Checks the password (startSession) unless the email or the client address
 * is throttled. Wrong credentials count as a failure; other errors (the
 * service unreachable, a disabled account) do not.
 */
export async function signInThrottled(email: string, password: string, ip: string, now = appNow()): Promise<NewSession> {
  const at = now.getTime();
  const emailRef = refFor("email", email);
  const refs = [emailRef, refFor("ip", ip)];
  await assertNotThrottled(refs, at);
  try {
    const session = await startSession(email, password);
    await emailRef.delete();
    return session;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") await recordFailure(refs, at);
    throw error;
  }
}
