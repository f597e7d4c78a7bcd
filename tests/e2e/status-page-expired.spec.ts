import AxeBuilder from "@axe-core/playwright";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, Timestamp } from "firebase-admin/firestore";
import { stackEnv } from "../../scripts/lib/stack";

// The patient's status page in the "Expired" state. The e2e stack can't move
// its clock, so the test moves the hold's deadline into the past (set-up
// only, as schedule.spec.ts does for a visit's time), then runs the app's own
// expiry: the scheduled function's handler from the functions bundle, the
// way scripts/expiry-ticker.ts runs it in the dev stack. The status, the
// released locks, the history and the email all come from that code.

const DOCTOR = "dr-priya-raman";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

async function requestAnyTime(request: APIRequestContext, from: number) {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/demo/doctors/${DOCTOR}/slots?from=${today}&to=${to}`);
  expect(free.ok()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  for (const slot of slots.slice(from)) {
    const response = await request.post(`/api/public/orgs/demo/doctors/${DOCTOR}/requests`, {
      data: {
        start: slot.start,
        patient: { name: "Eli Expired", email: `expired-${Date.now()}@example.com`, phone: "+1 555 010 5555" },
        reason: "Mole check.",
      },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; statusUrl: string };
  }
  throw new Error("No free time left to request");
}

/** The e2e stack's environment (scripts/e2e-stack.ts), so firebase-admin and the functions bundle reach its Firestore. */
function useStackEnv() {
  const ports = { firestore: 8180 + offset, auth: 9199 + offset, functions: 5101 + offset, hub: 4401 + offset, logging: 4501 + offset };
  Object.assign(process.env, stackEnv(ports, `http://127.0.0.1:${3100 + offset}`));
}

/** Test set-up only: the hold's deadline passes (as if its time had run out). */
async function letHoldLapse(appointmentId: string) {
  const app = getApps().find((a) => a.name === "e2e-expired") ?? initializeApp({ projectId: process.env.FIREBASE_PROJECT_ID ?? "demo-clinic" }, "e2e-expired");
  await getFirestore(app).doc(`appointments/${appointmentId}`).update({ expiresAt: Timestamp.fromMillis(Date.now() - 60_000) });
}

/** The app's expiry, exactly as the scheduler (and scripts/expiry-ticker.ts) runs it. */
async function runExpiry() {
  const require = createRequire(import.meta.url);
  const { expireStaleRequests } = require(path.resolve(process.cwd(), "functions/lib/index.js")) as {
    expireStaleRequests: { run: (event: { scheduleTime: string; jobName: string }) => Promise<void> };
  };
  await expireStaleRequests.run({ scheduleTime: new Date().toISOString(), jobName: "e2e-expired" });
}

test("an expired request says so, links back to the clinic's booking page, and is axe-clean", async ({ page, request }) => {
  useStackEnv();
  const { id, statusUrl } = await requestAnyTime(request, 30);
  await page.goto(new URL(statusUrl).pathname + new URL(statusUrl).search);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();

  await letHoldLapse(id);
  await runExpiry();

  await page.reload();
  await expect(page.getByText("Expired — please book again")).toBeVisible();
  await expect(page.getByRole("heading", { name: "This request expired" })).toBeVisible();
  const bookAgain = page.getByRole("link", { name: "Book another time" });
  await expect(bookAgain).toHaveAttribute("href", "/book/demo");
  // The app's expiry wrote the history entry (nothing here set the status).
  const app = getApps().find((a) => a.name === "e2e-expired")!;
  const history = await getFirestore(app).collection(`appointments/${id}/history`).get();
  expect(history.docs.map((d) => d.get("action"))).toContain("expire");

  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await bookAgain.click();
  await expect(page).toHaveURL(/\/book\/demo$/);
});
