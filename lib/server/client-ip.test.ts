import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientAddressDiagnostic, clientIp, trustedProxyHops } from "./client-ip";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

/** The TRUSTED_PROXY_HOPS value apphosting.yaml gives the running app. */
function deployedHops(): number {
  const yaml = readFileSync(new URL("../../apphosting.yaml", import.meta.url), "utf8");
  const match = /- variable: TRUSTED_PROXY_HOPS\s*\n\s*value: "?(\d+)"?/.exec(yaml);
  return trustedProxyHops(match ? { TRUSTED_PROXY_HOPS: match[1] } : {});
}

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

// Google's external Application Load Balancer (App Hosting's front end)
// appends "<client>, <load balancer>" to whatever the sender wrote.
describe("behind App Hosting's load balancer, with the hops apphosting.yaml sets", () => {
  const hops = deployedHops();
  it("is the patient's address, not the load balancer's, for every patient", () => {
    expect(clientIp(headers("203.0.113.99, 34.117.22.10"), hops)).toBe("203.0.113.99");
    expect(clientIp(headers("198.51.100.4, 34.117.22.10"), hops)).toBe("198.51.100.4");
    expect(clientIp(headers("2001:db8:85a3::8a2e:370:7334, 34.117.22.10"), hops)).toBe("2001:db8:85a3::8a2e:370:7334");
  });
  it("ignores what the sender wrote itself to the left", () => {
    expect(clientIp(headers("6.6.6.6, 7.7.7.7, 203.0.113.99, 34.117.22.10"), hops)).toBe("203.0.113.99");
    expect(clientIp(headers("unknown,, 203.0.113.99,34.117.22.10"), hops)).toBe("203.0.113.99");
  });
});

describe("clientAddressDiagnostic", () => {
  it("shows the raw header, the hops and the derived address", () => {
    expect(clientAddressDiagnostic(headers("6.6.6.6, 203.0.113.99, 34.117.22.10"), 2)).toEqual({
      forwardedFor: "6.6.6.6, 203.0.113.99, 34.117.22.10",
      entries: 3,
      trustedProxyHops: 2,
      derived: "203.0.113.99",
      fewerEntriesThanHops: false,
    });
  });
  it("flags a header shorter than the hops expect, and no header at all", () => {
    expect(clientAddressDiagnostic(headers("203.0.113.99"), 2)).toMatchObject({ derived: "203.0.113.99", fewerEntriesThanHops: true });
    expect(clientAddressDiagnostic(headers(), 2)).toEqual({
      forwardedFor: null,
      entries: 0,
      trustedProxyHops: 2,
      derived: "unknown",
      fewerEntriesThanHops: true,
    });
  });
  it("cuts a huge header", () => {
    expect(clientAddressDiagnostic(headers(`${"1.1.1.1, ".repeat(200)}203.0.113.99`), 1).forwardedFor).toHaveLength(512);
  });
});
