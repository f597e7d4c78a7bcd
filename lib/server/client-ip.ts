import "server-only";

// The client's address, for per-address limits (booking requests, sign-in
// throttle). Proxies append the address they received the request from to
// X-Forwarded-For, so entries at the right were written by machines we trust
// and entries at the left by whoever sent the request (anyone can send the
// header). With N trusted hops, the client is the N-th entry from the right.
//
// On Firebase App Hosting a request passes Google's external Application Load
// Balancer, which appends two entries, "<client>, <load balancer>", before it
// reaches Cloud Run: apphosting.yaml sets TRUSTED_PROXY_HOPS=2 (docs/deploy.md
// cites the documents). Next.js's own server fills the header with the
// socket's address when no proxy set it, so a directly exposed server (and
// the local stack) has one entry: the default, 1.

/** How many entries at the right of X-Forwarded-For our own front end wrote (TRUSTED_PROXY_HOPS, default 1). */
export function trustedProxyHops(source: Record<string, string | undefined> = process.env): number {
  const hops = Number(source.TRUSTED_PROXY_HOPS ?? "1");
  return Number.isInteger(hops) && hops >= 1 && hops <= 10 ? hops : 1;
}

function forwardedEntries(headers: Pick<Headers, "get">): string[] {
  return (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The client address from X-Forwarded-For, or "unknown" when there is none. */
export function clientIp(headers: Pick<Headers, "get">, hops = trustedProxyHops()): string {
  const entries = forwardedEntries(headers);
  // Fewer entries than trusted hops: the left-most is the best we have.
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64) : "unknown";
}

export interface ClientAddressDiagnostic {
  /** The X-Forwarded-For header exactly as it arrived (cut at 512 characters), or null. */
  forwardedFor: string | null;
  /** How many entries it had. */
  entries: number;
  /** The TRUSTED_PROXY_HOPS in effect. */
  trustedProxyHops: number;
  /** The address the limits count. */
  derived: string;
  /**
   * Fewer entries than trusted hops: the front end did not write what the
   * setting expects (a request that bypassed it, or a wrong setting), so the
   * derived address may be the sender's own claim.
   */
  fewerEntriesThanHops: boolean;
}

/** For an operator after a deploy: what arrived and what the app made of it. */
export function clientAddressDiagnostic(headers: Pick<Headers, "get">, hops = trustedProxyHops()): ClientAddressDiagnostic {
  const raw = headers.get("x-forwarded-for");
  const entries = forwardedEntries(headers).length;
  return {
    forwardedFor: raw === null ? null : raw.slice(0, 512),
    entries,
    trustedProxyHops: hops,
    derived: clientIp(headers, hops),
    fewerEntriesThanHops: entries < hops,
  };
}
