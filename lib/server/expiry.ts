import "server-only";

export interface ExpiryResult {
  expired: number;
}

/**
 * Expires stale requests and releases their slot locks.
 * Not built yet: the expiry issue implements it. Until then it changes
 * nothing and says so, so the scheduled function and the dev ticker can run.
 */
export async function expireStale(_now: Date): Promise<ExpiryResult> {
  return { expired: 0 };
}
