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

  test("the calendar is one tab stop: arrows move between days with free times, Page Down turns the month, Enter and Space choose", async ({ page }) => {
    await visit(page, "/book/demo-free/dr-samuel-osei");
    const grid = page.getByRole("grid");
    const days = grid.locator("button:not([disabled])");
    // The month opens on its first day with free times, selected, and only that day is in the tab order.
    await expect(grid.locator('button[tabindex="0"]')).toHaveCount(1);
    await expect(days.first()).toHaveAttribute("tabindex", "0");
    await days.first().focus();
    // Days without free times are skipped; a month with one such day has nowhere to go but the next month.
    if ((await days.count()) > 1) {
      await page.keyboard.press("ArrowRight");
      await expect(days.nth(1)).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(days.nth(1)).toHaveAttribute("aria-label", /, selected$/);
      await page.keyboard.press("ArrowLeft");
      await expect(days.first()).toBeFocused();
    }
    const month = (await grid.getAttribute("aria-label"))!;
    await page.keyboard.press("PageDown");
    await expect(grid).not.toHaveAttribute("aria-label", month);
    // Focus lands on a day of the new month with free times (once its times have loaded).
    const focused = grid.locator("button:focus");
    await expect(focused).toHaveCount(1);
    await expect(focused).toBeEnabled();
    await page.keyboard.press(" ");
    await expect(focused).toHaveAttribute("aria-label", /, selected$/);
  });
});
