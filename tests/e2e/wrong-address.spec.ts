import { expect, expectNoAxeViolations, reload, test, visit, type Page } from "./support/fixtures";
import { book, unique } from "./support/booking";

// "Wrong address?" right after booking: the page names the address the link
// went to; the patient fixes a typo, the mail goes to the right address, and
// the link sent to the wrong one stops working. Each test its own request:
// Dr. Priya Raman's free times counted from the first, at 40 and 42
// (status-page*.spec.ts take 20 to 36).

async function correctTypo(page: Page, offset: number) {
  const typo = `ana-${unique()}@exmaple.com`;
  const right = typo.replace("@exmaple.com", "@example.com");
  const booked = await book(page.request, {
    slug: "demo",
    doctorId: "dr-priya-raman",
    offset,
    from: "first",
    name: "Ana Address",
    email: typo,
    reason: "Sore throat.",
  });
  await visit(page, booked.statusPath);
  await visit(page, `/appointments/${booked.id}?sent=1`);
  await expect(page.getByRole("note").filter({ hasText: "Request sent" })).toContainText(`We've emailed a link to this page to ${typo}`);

  await page.getByRole("button", { name: "Wrong address?" }).click();
  await page.getByLabel("Correct email address").fill(right);
  await page.getByRole("button", { name: "Send to this address" }).click();
  await expect(page.getByText(`We sent a new link to ${right}. The old one no longer works.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Your link" })).toContainText(`We sent a link to ${right}.`);
  return { ...booked, typo, right };
}

test("at 1280 px: the patient sees the address, corrects it, and the page continues with the new link; no axe violations", async ({ page }) => {
  await correctTypo(page, 40);
  await reload(page);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expectNoAxeViolations(page, "after correcting the address", "all");
});

test("on a 360 px phone: the mail goes to the corrected address only, and the link sent to the typo shows not-found; no axe violations", async ({ page, browser }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const { typo, right, statusPath } = await correctTypo(page, 42);
  await expectNoAxeViolations(page, "after correcting the address at 360 px", "all");

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(right)}`);
  await expect(page.getByRole("article").filter({ hasText: "We received your request" })).toHaveCount(1);
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(typo)}`);
  await expect(page.getByRole("article")).toHaveCount(0);

  // Whoever owns the mistyped address: their link opens nothing.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(statusPath);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
  await stranger.close();
});
