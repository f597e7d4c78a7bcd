import { expect, signIn, test, visit, type Page } from "./support/fixtures";

// Clinic settings has two sections, each with its own Save. An edit in one
// is never lost silently: saving the other keeps it (and says it is still
// unsaved), and leaving the page asks first. Nothing here saves the profile.

async function settingsWithDescriptionEdited(page: Page) {
  await signIn(page.context(), "admin@demo.test");
  await visit(page, "/dashboard/settings");
  const description = page.getByLabel("Description");
  await description.fill(`An edit nobody saves ${Date.now()}`);
  return description;
}

test("saving the request settings keeps an unsaved profile edit, still marked unsaved", async ({ page }) => {
  const description = await settingsWithDescriptionEdited(page);
  const edit = await description.inputValue();
  const profile = page.locator("form").filter({ has: description });
  await expect(profile.getByText("Unsaved changes")).toBeVisible();

  await page.getByRole("button", { name: "Save request settings" }).click();
  await expect(page.getByText("Request settings saved.").first()).toBeVisible();
  await expect(description).toHaveValue(edit);
  await expect(profile.getByText("Unsaved changes")).toBeVisible();
  await expect(page.getByRole("form", { name: "Requests" }).getByText("Unsaved changes")).toHaveCount(0);
});

test("leaving the settings with an unsaved edit asks first, and Stay keeps it", async ({ page }) => {
  const description = await settingsWithDescriptionEdited(page);
  const edit = await description.inputValue();
  const prompts: string[] = [];
  page.on("dialog", (dialog) => {
    prompts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Team" }).click();
  await expect.poll(() => prompts.length).toBe(1);
  expect(prompts[0]).toContain("unsaved changes");
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await expect(description).toHaveValue(edit);
});
