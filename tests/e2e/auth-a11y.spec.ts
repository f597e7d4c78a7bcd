import { expect, expectNoAxeViolations, test, visit } from "./support/fixtures";

// Axe (WCAG 2.2 AA) on the sign-in pages and each of the admin's dashboard pages: one page a test.

for (const path of ["/login", "/signup"]) {
  test(`${path} has no axe violations`, async ({ page }) => {
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, path);
  });
}

for (const path of ["/dashboard", "/dashboard/settings", "/dashboard/doctors", "/dashboard/team", "/dashboard/account"]) {
  test(`the admin's ${path} has no axe violations`, async ({ signedIn }) => {
    const page = await signedIn("admin@demo.test");
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, path);
  });
}
