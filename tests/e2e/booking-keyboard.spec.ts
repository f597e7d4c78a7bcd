import { expect, test, visit, type Page } from "./support/fixtures";

// Keyboard use of the public pages: every step of booking works without a mouse. Dr. Samuel Osei
// (demo-free, Chicago) is booked by no other spec's first free times.

/** Activates the first free time with the keyboard (Enter) on the hydrated page. */
async function chooseFirstTimeWithKeyboard(page: Page) {
  const details = page.getByRole("heading", { name: "Your details" });
  await page.locator("[data-slot]").first().focus();
  await page.keyboard.press("Enter");
  await expect(details).toBeVisible();
  return details;
}

test.describe("keyboard", () => {
  test("a skip link jumps past the top bar to the page's content", async ({ page }) => {
    await visit(page, "/book/demo-free");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab lands inside the content, not on the clinic name in the top bar.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });

  test("choosing a time moves focus to the form's heading; two Tabs reach Full name", async ({ page }) => {
    await visit(page, "/book/demo-free/dr-samuel-osei");
    const details = await chooseFirstTimeWithKeyboard(page);
    await expect(details).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Change time" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Full name")).toBeFocused();
  });
});
