import { expect, test, type Page } from "./support/fixtures";

// Without JavaScript (a slow phone, a blocked script, a dev server opened at
// an origin it refuses chunks to), a form submits natively. It must POST:
// never a GET that puts the password or personal details in the URL,
// history, logs and Referer.
test.use({ javaScriptEnabled: false });

/** Every URL the page requests or navigates to, to check none carries a secret. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

test("the sign-in page says plainly that signing in needs JavaScript, and no form on it can send a password", async ({ page }) => {
  const urls = recordUrls(page);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.goto("/login");
  // Playwright turns scripts off after parsing starts, so Chromium still parses <noscript> as text, not
  // markup, and never shows it; a browser with JavaScript off shows its content. Its text is the message.
  expect(await page.locator("noscript").first().textContent()).toContain("Signing in needs JavaScript. Turn it on in your browser");
  // The fields and the buttons are disabled until the page's script runs (signing in happens in the browser).
  await expect(page.getByLabel("Password")).toBeDisabled();
  await expect(page.getByLabel("Email")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Continue with Google" })).toBeDisabled();
  // Enter in the password field submits nothing: a disabled form has no submitter.
  await page.getByLabel("Password").press("Enter", { timeout: 1000 }).catch(() => undefined);
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(posts).toEqual([]);
  expect(urls.filter((url) => /[?&](password|email)=/.test(url))).toEqual([]);
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
