import { expect, test, type Page } from "@playwright/test";

// The doctor page on a 360 px phone (issue 9, item 16): time buttons all one
// height. Dr. Hannah Berg (demo-free, Chicago) works 9:00 AM – 1:00 PM every
// 20 minutes, so her day mixes "9:00 AM" with the wider "10:20 AM".

/** Heights of every time button on the first day shown, and whether its time fits on one line. */
async function timeButtons(page: Page) {
  await expect(page.locator("[data-slot]").first()).toBeVisible();
  return page.locator("[data-slot]").evaluateAll((buttons) =>
    buttons.map((button) => {
      const time = button.firstElementChild as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(time).lineHeight);
      return { text: button.textContent, height: button.getBoundingClientRect().height, lines: Math.round(time.getBoundingClientRect().height / lineHeight) };
    }),
  );
}

test.describe("on a 360 px phone, in the clinic's zone", () => {
  test.use({ viewport: { width: 360, height: 780 }, timezoneId: "America/Chicago", isMobile: true, hasTouch: true });

  test("every time button has the same height and its time on one line", async ({ page }) => {
    await page.goto("/book/demo-free/dr-hannah-berg"); // 9:00 AM – 1:00 PM every 20 min: "10:20 AM", "12:40 PM"
    const buttons = await timeButtons(page);
    expect(buttons.length).toBeGreaterThan(5);
    expect(buttons.filter((b) => b.lines !== 1), JSON.stringify(buttons)).toEqual([]);
    const heights = new Set(buttons.map((b) => Math.round(b.height)));
    expect([...heights], JSON.stringify(buttons)).toHaveLength(1);
    expect([...heights][0]).toBeGreaterThanOrEqual(44); // still a comfortable touch target
  });
});

test.describe("on a 360 px phone, in another zone (each button also shows the patient's time)", () => {
  test.use({ viewport: { width: 360, height: 780 }, timezoneId: "Asia/Kolkata", isMobile: true, hasTouch: true });

  test("every time button has the same height", async ({ page }) => {
    await page.goto("/book/demo-free/dr-hannah-berg");
    const buttons = await timeButtons(page);
    expect(buttons.filter((b) => b.lines !== 1), JSON.stringify(buttons)).toEqual([]);
    expect(new Set(buttons.map((b) => Math.round(b.height))).size, JSON.stringify(buttons)).toBe(1);
  });
});
