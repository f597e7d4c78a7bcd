import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDotenv, readJson } from "./deploy-config";
import { serverSources, ttlPoliciesInDoc, ttlPoliciesInIndexes, ttlProblems, type TtlPolicy } from "./ttl-check";

const root = path.resolve(import.meta.dirname, "../..");
const real = () => ({
  doc: ttlPoliciesInDoc(readFileSync(path.join(root, "docs/deploy.md"), "utf8")),
  indexes: ttlPoliciesInIndexes(readJson(root, "firestore.indexes.json")),
  sources: serverSources(root),
  extensionEnv: parseDotenv(readFileSync(path.join(root, "extensions/firestore-send-email.env"), "utf8")),
});

describe("TTL policies", () => {
  it("docs/deploy.md, firestore.indexes.json and the code's writes agree", () => {
    const input = real();
    expect(input.doc.map((p) => `${p.collection}.${p.field}`).sort()).toEqual(
      [
        "mail.expireAt",
        "patientHolds.ttlAt",
        "requestCounters.ttlAt",
        "sentReminders.expireAt",
        "signInFailures.expiresAt",
        "slotLocks.ttlAt",
        "stripeEvents.ttlAt",
        "waitlist.ttlAt",
        "waitlistNotices.ttlAt",
        "waitlistWakeups.ttlAt",
      ].sort(),
    );
    expect(ttlProblems(input)).toEqual([]);
  });

  it("fails when a writer stops writing its TTL field", () => {
    const input = real();
    const sources = input.sources.map((s) => (s.file.endsWith("payments/record.ts") ? { ...s, text: s.text.replace(/ttlAt:/g, "kept:") } : s));
    expect(ttlProblems({ ...input, sources })).toEqual([expect.stringContaining("stripeEvents.ttlAt: no source")]);
  });

  it("counts writes in modules that import the collection's accessor, and never a type declaration", () => {
    const input = real();
    const sources = input.sources.map((s) => (s.file.startsWith("lib/server/reminders/") && !s.file.endsWith("markers.ts") ? { ...s, text: s.text.replace(/expireAt:/g, "kept:") } : s));
    expect(ttlProblems({ ...input, sources })).toEqual([expect.stringContaining("sentReminders.expireAt: no source")]);
  });

  it("fails when the doc and the indexes file disagree", () => {
    const input = real();
    const extra: TtlPolicy = { collection: "unlisted", field: "ttlAt" };
    expect(ttlProblems({ ...input, doc: [...input.doc, extra] })).toEqual([
      expect.stringContaining("firestore.indexes.json has no ttl fieldOverride"),
      expect.stringContaining("unlisted.ttlAt: no source"),
    ]);
    expect(ttlProblems({ ...input, indexes: [...input.indexes, extra] })).toEqual([expect.stringContaining("docs/deploy.md does not list it")]);
  });

  it("counts the mail's expireAt as written only while the extension is told to write it", () => {
    const input = real();
    const env = new Map(input.extensionEnv);
    env.set("TTL_EXPIRE_TYPE", "never");
    expect(ttlProblems({ ...input, extensionEnv: env })).toEqual([expect.stringContaining("mail.expireAt is written by the Trigger Email extension")]);
  });
});
