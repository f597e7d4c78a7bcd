import { expect, test, type Page } from "./support/fixtures";

// Without JavaScript (a slow phone, a blocked script, a dev server opened at
// an origin it refuses chunks to), a form submits natively. It must POST:
// never a GET that puts the password or personal details in the URL,
// history, logs and Referer.
test.use({ javaScriptEnabled: false });

const PASSWORD = "demo-password";

/** Every URL the page requests or navigates to, to check none carries a secret. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

test("the sign-in form posts, signs in, and never puts the password in the URL", async ({ page }) => {
  const urls = recordUrls(page);
  await page.goto("/login");
  const form = page.locator("form").filter({ has: page.getByLabel("Password") });
  await expect(form).toHaveAttribute("method", /post/i);
  await page.getByLabel("Email").fill("staff@demo.test");
  await page.getByLabel("Password").fill(PASSWORD);
  const posted = page.waitForRequest((request) => request.method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await posted).postData() ?? "").toContain(PASSWORD);
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
  expect(urls.filter((url) => url.includes(PASSWORD) || /[?&]password=/.test(url))).toEqual([]);
});

test("a wrong password without JavaScript says so, still without the password in the URL", async ({ page }) => {
  const urls = recordUrls(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill("doctor@demo.test");
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  // The refusal comes back in the page the post answers with, not as a redirect with a reason in the URL.
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(new URL(page.url()).search).toBe("");
  expect(urls.filter((url) => url.includes("not-the-password-1") || /[?&](password|email)=/.test(url))).toEqual([]);
});

test("the signup form posts (its fields never reach the URL)", async ({ page }) => {
  const urls = recordUrls(page);
  await page.goto("/signup");
  await page.getByLabel("Password", { exact: true }).fill("secret-signup-password");
  const posted = page.waitForRequest((request) => request.method() === "POST");
  await page.getByRole("button", { name: "Create clinic" }).click();
  expect((await posted).postData() ?? "").toContain("secret-signup-password");
  await page.waitForLoadState("load");
  expect(urls.filter((url) => url.includes("secret-signup-password") || /[?&]password=/.test(url))).toEqual([]);
});
