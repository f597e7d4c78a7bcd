import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { calendarLabel } from "./clock";

/** Clicks `date`'s button in the calendar (`scope`: the page or a dialog), moving to its month first. */
export async function pickDay(page: Page, date: string, scope: Page | Locator = page) {
  const day = scope.getByRole("grid").getByRole("button", { name: new RegExp(`^(Today, )?${calendarLabel(date)},`) });
  for (let month = 0; month < 3 && (await day.count()) === 0; month++) {
    await scope.getByRole("button", { name: "Next month" }).click();
  }
  await day.click();
  await expect(scope.getByRole("grid").locator('button[aria-label*="selected"]')).toHaveCount(1);
}
