import "server-only";

// The client's address, for per-address limits (sign-in throttle). Proxies
// append the address they received the request from to X-Forwarded-For, so
// entries at the right were written by machines we trust and entries at the
// left by whoever sent the request (anyone can send the header). With N
// trusted proxies in front of the app, the client is the N-th entry from the
// right. Next.js's own server fills the header with the socket's address when
// no proxy set it, so a directly exposed server still has one entry.

/** How many proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS, default 1). */
export function trustedProxyHops(source: Record<string, string | undefined> = process.env): number {
  const hops = Number(source.TRUSTED_PROXY_HOPS ?? "1");
  return Number.isInteger(hops) && hops >= 1 && hops <= 10 ? hops : 1;
}

/** The client address from X-Forwarded-For, or "unknown" when there is none. */
export function clientIp(headers: Pick<Headers, "get">, hops = trustedProxyHops()): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: the left-most is the best we have.
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64) : "unknown";
}
