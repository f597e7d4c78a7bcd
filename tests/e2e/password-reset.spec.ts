import { expect, reload, test, visit } from "./support/fixtures";

// "Forgot password?" against the Auth emulator: the same answer for every
// email, and, locally, the reset link the emulator minted lands in the dev
// mailbox. (The link is not used here: the demo admin's password stays.)

const SENT = "If there's an account for that email, we've sent it a link to choose a new password.";

test("forgot password: a reset link for an account, the same words for a stranger", async ({ page }) => {
  await visit(page, "/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();

  await page.getByLabel("Email").fill("nobody-here@demo.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(SENT)).toBeVisible();
  const strangerReply = await page.getByRole("status").filter({ hasText: "Check your email" }).innerText();

  await reload(page);
  await page.getByLabel("Email").fill("staff@demo.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(SENT)).toBeVisible();
  expect((await page.getByRole("status").filter({ hasText: "Check your email" }).innerText()).replace("staff@demo.test", "")).toBe(
    strangerReply.replace("nobody-here@demo.test", ""),
  );

  // Locally, the link is in the dev mailbox.
  await page.getByRole("link", { name: "dev mailbox" }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox\?to=staff%40demo\.test/);
  await expect(page.getByText("Reset your password").first()).toBeVisible();
  await expect(page.locator('a[href*="mode=resetPassword"]').first()).toBeVisible();
});
