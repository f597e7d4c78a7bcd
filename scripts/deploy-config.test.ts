import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REGION } from "@/functions/src/region";
import { STRIPE_WEBHOOK_EVENTS } from "@/functions/src/stripe-webhook";
import { checkFirebaseJson, checkSendEmail, loadAppHosting, parseDotenv, parseEnvOk } from "./lib/deploy-config";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const deployDoc = read("docs/deploy.md");

// Cloud region ids (us-central1, europe-west4, …), not Firestore multi-regions (nam5, eur3).
const REGION_ID = /\b(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+\b/g;

describe("one region everywhere", () => {
  it("firebase.json's Firestore location, the extension and App Hosting's URL use functions/src/region.ts", () => {
    const firebase = JSON.parse(read("firebase.json")) as { firestore: { location: string } };
    expect(firebase.firestore.location).toBe(REGION);
    const ext = parseDotenv(read("extensions/firestore-send-email.env"));
    expect(ext.get("firebaseextensions.v1beta.function/location")).toBe(REGION);
    expect(ext.get("DATABASE_REGION")).toBe(REGION);
    expect([...new Set(read("apphosting.yaml").match(REGION_ID))]).toEqual([REGION]);
  });

  it("docs/deploy.md names no other region, and gives the webhook URL in it", () => {
    expect([...new Set(deployDoc.match(REGION_ID))]).toEqual([REGION]);
    expect(deployDoc).toContain(`https://${REGION}-$PROJECT.cloudfunctions.net/stripeWebhook`);
    expect(deployDoc).toContain(`--primary-region ${REGION}`);
  });
});

describe("docs/deploy.md", () => {
  it("lists exactly the webhook's events", () => {
    const section = deployDoc.slice(deployDoc.indexOf("## 6."), deployDoc.indexOf("## 7."));
    const listed = [...new Set(section.match(/\b(?:payment_intent|charge|checkout|customer|invoice)\.[a-z_]+\b/g))];
    expect(listed.sort()).toEqual([...STRIPE_WEBHOOK_EVENTS].sort());
  });

  it("pins the same Trigger Email version as firebase.json", () => {
    const { extensions } = JSON.parse(read("firebase.json")) as { extensions: Record<string, string> };
    const pinned = extensions["firestore-send-email"]!;
    expect(pinned).toMatch(/^firebase\/firestore-send-email@\d+\.\d+\.\d+$/);
    expect([...new Set(deployDoc.match(/firebase\/firestore-send-email@[\d.]*\d/g))]).toEqual([pinned]);
  });

  it("is what the README links to for deploying", () => {
    expect(read("README.md")).toContain("(docs/deploy.md)");
    expect(read("README.md")).not.toContain("## Against a real Firebase project");
  });
});

describe("no Stripe secret in the repository", () => {
  it("no tracked file holds a secret key, restricted key or webhook secret", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    const found = files.filter((file) => {
      try {
        return /\b[sr]k_(live|test)_[0-9A-Za-z]{8,}|\bwhsec_[0-9A-Za-z]{8,}/.test(read(file));
      } catch {
        return false; // deleted in the working tree
      }
    });
    expect(files.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});

// The deploy check's configuration checks must fail on a broken configuration.
describe("deploy-config checks", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "deploy-config-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  const copy = () => {
    const dir = path.join(tmp, String(n++));
    for (const file of ["firebase.json", "firestore.rules", "firestore.indexes.json", "apphosting.yaml", "functions/package.json", "extensions/firestore-send-email.env"]) {
      cpSync(path.join(root, file), path.join(dir, file));
    }
    return dir;
  };
  const edit = (dir: string, file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));
  const problems = async (dir: string) => (await checkFirebaseJson(dir)).flatMap((c) => c.problems);

  it("accepts this repository's configuration", async () => {
    expect(await problems(copy())).toEqual([]);
    expect(checkSendEmail(root).problems).toEqual([]);
    expect((await loadAppHosting(root)).problems).toEqual([]);
    // firebase-tools' schemas load on first use: seconds on a busy machine.
  }, 30_000);

  it("refuses a decommissioned runtime, a runtime unlike package.json's, and a missing predeploy", async () => {
    const dir = copy();
    edit(dir, "firebase.json", (t) => t.replace('"nodejs22"', '"nodejs20"').replace(/"predeploy": \[[^\]]*\]/, '"predeploy": []'));
    const found = (await problems(dir)).join("\n");
    expect(found).toMatch(/nodejs20 is decommissioned/);
    expect(found).toMatch(/engines.node \(22\) differs/);
    expect(found).toMatch(/no predeploy build step/);
  });

  it("refuses what firebase-tools' schema refuses, an unpinned extension, and a missing file", async () => {
    const dir = copy();
    edit(dir, "firebase.json", (t) => t.replace('"singleProjectMode": true,', '"singleProjectMode": true, "logging": { "level": "WARN" },').replace("@0.2.6", ""));
    rmSync(path.join(dir, "firestore.rules"));
    const found = (await problems(dir)).join("\n");
    expect(found).toMatch(/unknown property.*level/);
    expect(found).toMatch(/pin an exact version/);
    expect(found).toMatch(/firestore.rules is missing/);
  });

  it("refuses a secret at build time, a NEXT_PUBLIC_ secret, and emulator settings in apphosting.yaml", async () => {
    const dir = copy();
    edit(dir, "apphosting.yaml", (t) =>
      t.replace("secret: STRIPE_SECRET_KEY\n    availability:\n      - RUNTIME", "secret: STRIPE_SECRET_KEY\n    availability:\n      - BUILD\n      - RUNTIME") +
      "  - variable: NEXT_PUBLIC_TOKEN\n    secret: TOKEN\n    availability:\n      - BUILD\n  - variable: FIRESTORE_EMULATOR_HOST\n    value: 127.0.0.1:8080\n    availability:\n      - RUNTIME\n",
    );
    const found = (await loadAppHosting(dir)).problems.join("\n");
    expect(found).toMatch(/STRIPE_SECRET_KEY: a secret must be available at RUNTIME only/);
    expect(found).toMatch(/NEXT_PUBLIC_TOKEN: NEXT_PUBLIC_\* goes to the browser/);
    expect(found).toMatch(/FIRESTORE_EMULATOR_HOST: emulator/);
  });

  it("checks the run-time variables against the server's own env schema", async () => {
    const { env } = await loadAppHosting(root);
    const runtime = Object.fromEntries(env.filter((e) => e.availability.includes("RUNTIME")).map((e) => [e.variable, "value" in e ? e.value : "x"]));
    expect(parseEnvOk(runtime)).toEqual([]);
    expect(parseEnvOk({ ...runtime, APP_URL: "not a url" }).join()).toMatch(/APP_URL/);
    const { FIREBASE_PROJECT_ID: _, ...withoutProject } = runtime;
    expect(parseEnvOk(withoutProject).join()).toMatch(/FIREBASE_PROJECT_ID: missing/);
  });

  it("refuses an SMTP password in the extension's file, another collection, or an unknown parameter", () => {
    const dir = copy();
    edit(dir, "extensions/firestore-send-email.env", (t) =>
      t.replace(/^SMTP_PASSWORD=.*$/m, "SMTP_PASSWORD=hunter2").replace("MAIL_COLLECTION=mail", "MAIL_COLLECTION=emails").replace("smtps://apikey@", "smtps://apikey:pw@") + "SMTP_PASWORD=typo\n",
    );
    const found = checkSendEmail(dir).problems.join("\n");
    expect(found).toMatch(/SMTP_PASSWORD must be a Secret Manager reference/);
    expect(found).toMatch(/MAIL_COLLECTION must be "mail"/);
    expect(found).toMatch(/SMTP_CONNECTION_URI carries a password/);
    expect(found).toMatch(/unknown parameter SMTP_PASWORD/);
  });
});
