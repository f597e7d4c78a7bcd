import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

// The patient's side of a review, on their status page: each state in the
// design brief's words, the proposed time next to the original, Accept and
// Decline, the time left to answer, the decline reason, "Add to calendar".
// Staff act through the dashboard in their own browser context. Patients
// book through the JSON API, counting back from the end of the bookable
// window (other specs take the first free times). (Never sign the demo users
// out here: that revokes their sessions in parallel tests too.)

type Booked = { id: string; link: string };

async function book(request: APIRequestContext, slug: string, doctorId: string, offset: number, name: string): Promise<Booked> {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 55 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/${slug}/doctors/${doctorId}/slots?from=${today}&to=${to}`);
  expect(free.ok()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  const email = `status-review-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  for (const slot of slots.reverse().slice(offset)) {
    const response = await request.post(`/api/public/orgs/${slug}/doctors/${doctorId}/requests`, {
      data: { start: slot.start, patient: { name, email, phone: "+1 555 010 3333" }, reason: "Follow-up visit." },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; statusUrl: string };
    const url = new URL(body.statusUrl);
    return { id: body.id, link: url.pathname + url.search };
  }
  throw new Error(`No free time left to request with ${doctorId}`);
}

/** A clinic member's page, signed in, in its own browser context. */
async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
  return page;
}

/** Proposes the `nth` free time of the last bookable day of the month after the one the picker opens on (if bookable), far from the times other specs take. */
async function propose(staff: Page, id: string, nth: number, message: string) {
  await staff.goto(`/dashboard/requests/${id}`);
  await staff.getByRole("button", { name: "Propose a new time" }).click();
  const dialog = staff.getByRole("dialog", { name: "Propose a new time" });
  // The picker opens on the request's own day (its current time is left out): take that day's nth free time.
  await expect(dialog.getByRole("grid").locator('button[aria-label*="selected"]')).toHaveCount(1);
  await dialog.locator("[data-slot]").nth(nth).click();
  await dialog.getByLabel(/Message to the patient/).fill(message);
  await dialog.getByRole("button", { name: "Propose this time" }).click();
  await expect(dialog).toBeHidden();
}

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, summary.join("\n")).toEqual([]);
}

const TIME_LEFT = /\((\d+ h( \d+ min)?|\d+ min) left\)/;

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a proposal shows both times; declining asks first, then no time is held and the request can still be cancelled", async ({ browser, request }) => {
    const booked = await book(request, "demo", "dr-priya-raman", 10, "Noor Phone");
    const patient = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await patient.goto(booked.link);
    const original = (await patient.locator("main header .tabular-nums").first().innerText()).trim();

    const staff = await staffPage(browser, "staff@demo.test");
    await propose(staff, booked.id, 0, "Dr. Raman is in surgery that morning.");

    await patient.reload();
    await expect(patient.getByText("The clinic proposed a new time").first()).toBeVisible(); // the badge
    const panel = patient.getByRole("region", { name: "The clinic proposed a new time" });
    await expect(panel.getByRole("definition").first()).toHaveText(original);
    await expect(panel.getByText("Proposed time", { exact: true })).toBeVisible();
    const proposed = (await panel.getByRole("definition").nth(1).innerText()).trim();
    expect(proposed).not.toBe(original);
    await expect(patient.locator("main header")).toContainText(proposed);
    await expect(panel).toContainText("Dr. Raman is in surgery that morning.");
    await expect(panel).toContainText("Please answer by");
    await expect(panel).toContainText(TIME_LEFT);
    expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(patient, "proposal");

    await patient.getByRole("button", { name: "Decline new time" }).click();
    const confirm = patient.getByRole("dialog", { name: "Decline the proposed time?" });
    await expect(confirm).toContainText(proposed);
    await expectNoAxeViolations(patient, "decline dialog");
    await confirm.getByRole("button", { name: "Yes, decline this time" }).click();

    const waiting = patient.getByRole("region", { name: "You turned down the proposed time" });
    await expect(waiting).toContainText("The clinic will propose another time or get in touch with you.");
    await expect(waiting).toContainText(TIME_LEFT);
    await expect(patient.getByText("No time is held for you right now.")).toBeVisible();
    await expect(patient.getByText("Waiting for the clinic to review")).toBeVisible();
    await expect(patient.getByRole("button", { name: /Accept new time|Decline new time/ })).toHaveCount(0);
    expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(patient, "no time held");

    // Still cancellable.
    await patient.getByRole("button", { name: "Cancel request" }).click();
    await patient.getByRole("dialog", { name: "Cancel this request?" }).getByRole("button", { name: "Yes, cancel request" }).click();
    await expect(patient.getByRole("heading", { name: "You cancelled this request" })).toBeVisible();
    await expectNoAxeViolations(patient, "cancelled");
    await staff.context().close();
    await patient.context().close();
  });
});

test("accepting locks both buttons while it's sent; approved asks for $50.00 with the time left; a stale tab is told what happened", async ({ browser, request }) => {
  const booked = await book(request, "demo", "dr-priya-raman", 16, "Ari Accept");
  const staff = await staffPage(browser, "staff@demo.test");
  await propose(staff, booked.id, 1, "Could you come a little later?");

  const context = await browser.newContext();
  const patient = await context.newPage();
  await patient.goto(booked.link);
  const stale = await context.newPage(); // a second tab, opened before the answer
  await stale.goto(`/appointments/${booked.id}`);
  await expect(stale.getByRole("button", { name: "Decline new time" })).toBeVisible();

  // Hold the server action for a moment to see the buttons while it is in flight.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await patient.route(`**/appointments/${booked.id}`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  const accept = patient.getByRole("button", { name: "Accept new time" });
  await expect(async () => {
    await accept.click();
    await expect(accept).toHaveAttribute("aria-busy", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(patient.getByRole("button", { name: "Decline new time" })).toBeDisabled();
  release();

  const pay = patient.getByRole("region", { name: "Approved — please pay $50.00" });
  await expect(pay).toBeVisible();
  await expect(patient.getByText("Approved — please pay to confirm")).toBeVisible(); // the badge
  await expect(pay).toContainText("Test payment (no real card)"); // the pay step (offline: the Stripe stand-in's form)
  await expect(pay).toContainText("We're holding the time until");
  await expect(pay).toContainText(TIME_LEFT);
  await expect(patient.getByText(/You accepted .+\./)).toBeVisible();
  await expectNoAxeViolations(patient, "approved");

  await stale.getByRole("button", { name: "Decline new time" }).click();
  await stale.getByRole("dialog").getByRole("button", { name: "Yes, decline this time" }).click();
  // The refreshed page has no answer buttons left, so the error is a toast that stays until dismissed.
  await expect(stale.getByRole("region", { name: "Notifications" })).toContainText(
    "There is no proposed time to answer. This page now shows where your request stands.",
  );
  await expect(stale.getByRole("region", { name: "Approved — please pay $50.00" })).toBeVisible();
  await staff.context().close();
  await context.close();
});

test("a declined request shows the clinic's reason", async ({ browser, request }) => {
  const booked = await book(request, "demo", "dr-priya-raman", 22, "Dee Declined");
  const staff = await staffPage(browser, "staff@demo.test");
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Decline", exact: true }).click();
  const dialog = staff.getByRole("dialog", { name: /Decline/ });
  await dialog.getByLabel("Reason for the patient").fill("Dr. Raman is fully booked;\nplease try Dr. Moreau.");
  await dialog.getByRole("button", { name: "Decline request" }).click();
  await expect(dialog).toBeHidden();

  const patient = await (await browser.newContext()).newPage();
  await patient.goto(booked.link);
  await expect(patient.getByText("Not accepted", { exact: true })).toBeVisible();
  const panel = patient.getByRole("region", { name: "The clinic couldn't accept this request" });
  await expect(panel.locator("blockquote")).toHaveText(/^Dr\. Raman is fully booked;\s+please try Dr\. Moreau\.$/);
  await expect(panel.getByRole("link", { name: "Book another time" })).toHaveAttribute("href", "/book/demo");
  await expect(patient.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  await expectNoAxeViolations(patient, "declined");
  await staff.context().close();
  await patient.context().close();
});

test("a confirmed free visit downloads its .ics; without the link's cookie the file is a 404", async ({ browser, request }) => {
  const booked = await book(request, "demo-free", "dr-hannah-berg", 5, "Cal Confirmed");
  const staff = await staffPage(browser, "staff@free.test");
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("The visit is confirmed").first()).toBeVisible();

  const patient = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 740 } })).newPage();
  await patient.goto(booked.link);
  await expect(patient.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(patient.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible();
  await expectNoAxeViolations(patient, "confirmed");
  const [download] = await Promise.all([patient.waitForEvent("download"), patient.getByRole("link", { name: "Add to calendar" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("Dr. Hannah Berg");

  const stranger = await request.get(`/appointments/${booked.id}/calendar`);
  expect(stranger.status()).toBe(404);
  expect(await stranger.text()).not.toContain("BEGIN:VCALENDAR");
  await staff.context().close();
  await patient.context().close();
});
