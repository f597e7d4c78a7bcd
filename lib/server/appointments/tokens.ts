import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe. Only its hash is stored. */
export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison, so response timing says nothing about the hash. */
export function tokenMatches(token: string | null | undefined, storedHash: string): boolean {
  if (!token || token.length > 128) return false;
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The status page link for an email sent after the request. Only hashes are
 * stored, so the first link's token cannot be written again: each later email
 * carries a fresh token whose hash joins the appointment's `linkTokenHashes`
 * (in the same commit as the email), and every link ever sent keeps working.
 */
export function newStatusLink(appUrl: string, appointmentId: string): { url: string; hash: string } {
  const { token, hash } = newAccessToken();
  return { url: `${appUrl}/appointments/${appointmentId}?t=${token}`, hash };
}

/**
 * The "confirm your request" link's secret. Only the email carries it (its
 * hash joins `linkTokenHashes` too, so the same link then opens the status
 * page); the status link's token, which the booking page and API hand to
 * whoever submitted the request, never confirms: confirming must prove the
 * mailbox. A request without a confirm hash cannot be confirmed.
 */
export function confirmTokenMatches(token: string | null | undefined, a: { confirmTokenHash?: string }): boolean {
  return a.confirmTokenHash !== undefined && tokenMatches(token, a.confirmTokenHash);
}

/** Does the token open this appointment: its first link's, or any later email's. */
export function appointmentTokenMatches(
  token: string | null | undefined,
  a: { tokenHash: string; linkTokenHashes?: string[] },
): boolean {
  let match = tokenMatches(token, a.tokenHash);
  // Check every hash (no early exit), so timing says nothing about which matched.
  for (const hash of a.linkTokenHashes ?? []) match = tokenMatches(token, hash) || match;
  return match;
}
