import { expect, test } from "./support/fixtures";

test("the demo clinic's public page shows its name and doctors from Firestore", async ({ page }) => {
  await page.goto("/book/demo");
  await expect(page.getByRole("heading", { level: 1, name: "Demo Family Clinic" })).toBeVisible();
  for (const doctor of ["Dr. Amara Okafor", "Dr. Lucas Moreau", "Dr. Priya Raman"]) {
    await expect(page.getByText(doctor)).toBeVisible();
  }
});

test("an unknown clinic is a 404", async ({ page }) => {
  const response = await page.goto("/book/no-such-clinic");
  expect(response?.status()).toBe(404);
});
