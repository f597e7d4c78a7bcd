import { expect, signIn, test, visit, type Page } from "./support/fixtures";

// Staff review requests but never change settings: the nav hides the
// settings pages, and opening one directly says so.

/** Signs the page's context in as `email` and opens the dashboard. */
async function openDashboard(page: Page, email: string) {
  await signIn(page.context(), email);
  await visit(page, "/dashboard");
}

const SETTINGS_PAGES = ["/dashboard/settings", "/dashboard/team", "/dashboard/doctors"];

test("staff don't see the settings in the nav and can't open them", async ({ page }) => {
  await openDashboard(page, "staff@demo.test");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Requests/ })).toBeVisible();
  for (const name of ["Clinic settings", "Team", "Doctors", "Availability"]) {
    await expect(nav.getByRole("link", { name })).toHaveCount(0);
  }
  await expect(page.getByText("Demo Family Clinic").first()).toBeVisible();
  await expect(page.getByText("Staff", { exact: true }).first()).toBeVisible();

  for (const path of SETTINGS_PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You don't have access" }), path).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(0);
  }
});

test("a doctor edits only their own profile", async ({ page }) => {
  await openDashboard(page, "doctor@demo.test");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "My profile" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Clinic settings" })).toHaveCount(0);
  await visit(page, "/dashboard/doctors");
  await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Dr. Amara Okafor");
  await expect(page.getByText("Dr. Lucas Moreau")).toHaveCount(0);
  for (const path of ["/dashboard/settings", "/dashboard/team"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  }
});

test("the admin saves the clinic settings and sees a clear error for a bad fee", async ({ page }) => {
  await openDashboard(page, "admin@demo.test");
  await visit(page, "/dashboard/settings");
  await page.getByLabel("Appointment fee").fill("12.345");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Use at most 2 decimal places, like 50.00.")).toBeVisible();
  await page.getByLabel("Appointment fee").fill("50.00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Clinic settings saved.")).toBeVisible();
});

test("changing the time zone says what moves and what doesn't before saving", async ({ page }) => {
  await openDashboard(page, "admin@demo.test");
  await visit(page, "/dashboard/settings");
  await expect(page.getByTestId("zone-change")).toHaveCount(0);
  const zone = page.getByLabel("Time zone");
  await zone.fill("Chicago");
  await zone.press("Enter");
  await expect(zone).toHaveValue("America/Chicago");
  const notice = page.getByTestId("zone-change");
  await expect(notice).toContainText("Changing the time zone to Chicago time");
  await expect(notice).toContainText("9:00 AM New York time becomes 9:00 AM Chicago time");
  await expect(notice).toContainText(/upcoming appointments? keeps? (its|their) exact times?|There are no upcoming appointments/);
  // Back to the saved zone: no notice. Nothing was saved.
  await zone.fill("America/New_York");
  await expect(notice).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the menu shows the staff member's sections and their role", async ({ page }) => {
    await openDashboard(page, "staff@demo.test");
    const banner = page.getByRole("banner");
    await expect(banner.getByText("Demo Family Clinic")).toBeVisible();
    await expect(banner.getByText("Staff", { exact: true })).toBeVisible();
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Dashboard" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: /^Requests/ })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Clinic settings" })).toHaveCount(0);
  });
});
