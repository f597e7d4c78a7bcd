import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "./client-ip";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("takes the right-most X-Forwarded-For entry with one trusted hop", () => {
    expect(clientIp(headers("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(headers("1.2.3.4, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(headers(" 1.2.3.4 ,203.0.113.7 "), 1)).toBe("203.0.113.7");
  });
  it("skips the entries of further trusted proxies", () => {
    expect(clientIp(headers("1.2.3.4, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIp(headers("203.0.113.7"), 3)).toBe("203.0.113.7");
  });
  it("normalises IPv4-mapped IPv6 and copes with no header", () => {
    expect(clientIp(headers("::ffff:127.0.0.1"), 1)).toBe("127.0.0.1");
    expect(clientIp(headers("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientIp(headers(), 1)).toBe("unknown");
    expect(clientIp(headers(" , "), 1)).toBe("unknown");
  });
  it("reads TRUSTED_PROXY_HOPS, defaulting to 1", () => {
    expect(trustedProxyHops({})).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "0" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "x" })).toBe(1);
  });
});
