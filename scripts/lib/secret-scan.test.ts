import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { leaks, scanDir, secretValues } from "./secret-scan";

// Built at run time so no key shape sits in the repository.
const sk = ["sk", "live", "a1B2c3D4e5F6g7H8"].join("_");
const rk = ["rk", "test", "ZZZZyyyyXXXXwwww"].join("_");
const whsec = ["whsec", "0123456789abcdefABCDEF"].join("_");

describe("secretValues", () => {
  it("watches secret-looking variables, not public or short ones", () => {
    const watched = secretValues({ STRIPE_SECRET_KEY: "sentinel-1234", FIREBASE_API_KEY: "AIza-sentinel", SMTP_PASSWORD: "hunter2hunter2", NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_public-key", APP_URL: "https://example.com", SHORT_TOKEN: "abc" });
    expect(watched.map(([k]) => k).sort()).toEqual(["FIREBASE_API_KEY", "SMTP_PASSWORD", "STRIPE_SECRET_KEY"]);
  });
});

describe("leaks", () => {
  it("finds a watched value and every Stripe secret shape, not a publishable key", () => {
    const watched: [string, string][] = [["STRIPE_SECRET_KEY", "sentinel-value-42"]];
    expect(leaks(`x="sentinel-value-42"`, watched, false)).toEqual(["the value of STRIPE_SECRET_KEY"]);
    expect(leaks(`a="${sk}"`, [], true)).toHaveLength(1);
    expect(leaks(`a="${rk}"`, [], true)).toHaveLength(1);
    expect(leaks(`a="${whsec}"`, [], true)).toHaveLength(1);
    expect(leaks(`a="pk_live_a1B2c3D4e5F6g7H8"; disk_usage; task_sk_x`, [], true)).toEqual([]);
    expect(leaks(`a="${sk}"`, [], false)).toEqual([]);
  });
});

describe("scanDir", () => {
  const root = mkdtempSync(path.join(tmpdir(), "secret-scan-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("names each file that leaks, in nested folders, and skips what it is told to", () => {
    mkdirSync(path.join(root, ".next/static/chunks/app"), { recursive: true });
    mkdirSync(path.join(root, ".next/cache"), { recursive: true });
    writeFileSync(path.join(root, ".next/static/chunks/app/page.js"), `var k="${whsec}";`);
    writeFileSync(path.join(root, ".next/static/chunks/clean.js"), "console.log(1)");
    writeFileSync(path.join(root, ".next/cache/x.pack"), "sentinel-value-42");
    const watched: [string, string][] = [["SMTP_PASSWORD", "sentinel-value-42"]];
    const client = scanDir(root, ".next/static", watched, true);
    expect(client.files).toBe(2);
    expect(client.found).toEqual([`${path.join(".next/static/chunks/app/page.js")} contains a string shaped like ${/\bwhsec_[0-9A-Za-z]{8,}/.source}`]);
    expect(scanDir(root, ".next", watched, false).found).toEqual([`${path.join(".next/cache/x.pack")} contains the value of SMTP_PASSWORD`]);
    expect(scanDir(root, ".next", watched, false, (rel) => rel.startsWith(".next/cache")).found).toEqual([]);
  });
});
