import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// axe-core on the patient pages, in the states a patient actually sees.

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

test("the clinic page has no axe violations", async ({ page }) => {
  await page.goto("/book/demo");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoViolations(page);
});

test("the doctor page has no axe violations with a day and time chosen and the form open", async ({ page }) => {
  await page.goto("/book/demo/dr-amara-okafor");
  await page.getByRole("grid").locator("button:not([disabled])").first().click();
  const details = page.getByRole("heading", { name: "Your details" });
  // A click that lands before hydration does nothing; click again until the form opens.
  await expect(async () => {
    await page.locator("[data-slot]").first().click();
    await expect(details).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expectNoViolations(page);

  // And with every field's error showing.
  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page.getByText(/Please fix \d+ things? below/)).toBeVisible();
  await expectNoViolations(page);
});

test("the status page has no axe violations, nor its cancel dialog", async ({ page, request }) => {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/demo-free/doctors/dr-mei-lin/slots?from=${today}&to=${to}`);
  expect(free.ok(), await free.text()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  let statusUrl: string | undefined;
  for (const slot of slots.slice(3)) {
    const response = await request.post("/api/public/orgs/demo-free/doctors/dr-mei-lin/requests", {
      data: {
        start: slot.start,
        patient: { name: "Axe Patient", email: `axe-${Date.now()}@example.com`, phone: "+1 555 010 7777" },
        reason: "Checking accessibility.",
      },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    statusUrl = ((await response.json()) as { statusUrl: string }).statusUrl;
    break;
  }
  expect(statusUrl).toBeTruthy();

  await page.goto(statusUrl!);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expectNoViolations(page);

  await expect(async () => {
    await page.getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expectNoViolations(page);
});
