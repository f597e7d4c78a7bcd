import { book } from "./support/booking";
import { expect, expectNoAxeViolations, test, visit, type Page } from "./support/fixtures";

// axe-core (every rule, best practices too) on the patient pages, in the
// states a patient actually sees: one state a test.

test("the clinic page has no axe violations", async ({ page }) => {
  await visit(page, "/book/demo");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "clinic page", "all");
});

/** The doctor page with the first free day and time chosen: the details form is open. */
async function openDetailsForm(page: Page) {
  await visit(page, "/book/demo/dr-amara-okafor");
  await page.getByRole("grid").locator("button:not([disabled])").first().click();
  await page.locator("[data-slot]").first().click();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
}

test("the doctor page has no axe violations with a day and time chosen and the form open", async ({ page }) => {
  await openDetailsForm(page);
  await expectNoAxeViolations(page, "details form", "all");
});

test("the doctor page has no axe violations with every field's error showing", async ({ page }) => {
  await openDetailsForm(page);
  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page.getByText(/Please fix \d+ things? below/)).toBeVisible();
  await expectNoAxeViolations(page, "form errors", "all");
});

async function openStatusPage(page: Page, request: Parameters<typeof book>[0], offset: number) {
  const booked = await book(request, { slug: "demo-free", doctorId: "dr-mei-lin", from: "first", offset, name: "Axe Patient", reason: "Checking accessibility." });
  await visit(page, booked.statusPath);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
}

test("the status page has no axe violations", async ({ page, request }) => {
  await openStatusPage(page, request, 3);
  await expectNoAxeViolations(page, "status page", "all");
});

test("the status page's cancel dialog has no axe violations", async ({ page, request }) => {
  await openStatusPage(page, request, 4);
  await page.getByRole("button", { name: "Cancel request" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoAxeViolations(page, "cancel dialog", "all");
});
