import { expect, test, visit, type Page } from "./support/fixtures";
import { pickDay } from "./support/calendar";
import { workdayAhead } from "./support/clock";

// The doctor page on a 360 px phone: time buttons all one height. Dr. Hannah
// Berg (demo-free, Chicago) works 9:00 AM – 1:00 PM, 15-minute visits with
// 5 minutes between, so a whole working day mixes "9:00 AM" with the wider
// "10:20 AM" and "12:40 PM". The test opens a working day two or more days
// ahead, whose every time is still free of the 2-hour notice: today's times
// depend on the hour the suite runs.

const DOCTOR_PAGE = "/book/demo-free/dr-hannah-berg";
const ZONE = "America/Chicago";

/** Heights of every time button on the chosen day, and whether its time fits on one line. */
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
  test.use({ viewport: { width: 360, height: 780 }, timezoneId: ZONE, isMobile: true, hasTouch: true });

  test("every time button has the same height and its time on one line", async ({ page }) => {
    await visit(page, DOCTOR_PAGE);
    await pickDay(page, workdayAhead(ZONE));
    const buttons = await timeButtons(page);
    // 9:00 AM – 1:00 PM every 20 minutes is 12 times; other specs may have taken a few.
    expect(buttons.length, JSON.stringify(buttons)).toBeGreaterThan(5);
    expect(buttons.map((b) => b.text).join(" "), "the day mixes short and wide times").toMatch(/9:\d\d AM.*1[0-2]:\d\d [AP]M/);
    expect(buttons.filter((b) => b.lines !== 1), JSON.stringify(buttons)).toEqual([]);
    const heights = new Set(buttons.map((b) => Math.round(b.height)));
    expect([...heights], JSON.stringify(buttons)).toHaveLength(1);
    expect([...heights][0]).toBeGreaterThanOrEqual(44); // still a comfortable touch target
  });
});

test.describe("on a 360 px phone, in another zone (each button also shows the patient's time)", () => {
  test.use({ viewport: { width: 360, height: 780 }, timezoneId: "Asia/Kolkata", isMobile: true, hasTouch: true });

  test("every time button has the same height", async ({ page }) => {
    await visit(page, DOCTOR_PAGE);
    await pickDay(page, workdayAhead(ZONE));
    const buttons = await timeButtons(page);
    expect(buttons.length, JSON.stringify(buttons)).toBeGreaterThan(5);
    expect(buttons.filter((b) => b.lines !== 1), JSON.stringify(buttons)).toEqual([]);
    expect(new Set(buttons.map((b) => Math.round(b.height))).size, JSON.stringify(buttons)).toBe(1);
  });
});
