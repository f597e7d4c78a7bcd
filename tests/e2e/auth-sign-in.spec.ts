import { unique } from "./support/booking";
import { expect, test, visit, type Page } from "./support/fixtures";

// Signing in on /login with the Firebase client SDK against the stack's Auth
// emulator: by email and password, and with Google through the emulator's own
// account chooser (which stands in for Google offline). The page posts only
// an ID token to /api/session, and keeps no token in its storage afterwards.

/**
 * Where Firebase Auth would keep a signed-in user: its web storage keys and its
 * IndexedDB store (firebaseLocalStorageDb). The SDK's heartbeat database holds
 * no credentials (dates and the SDK's version) and is not counted.
 */
async function firebaseStorage(page: Page) {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage).filter((key) => key.startsWith("firebase")),
    session: Object.keys(sessionStorage).filter((key) => key.startsWith("firebase")),
    indexedDb: (await indexedDB.databases()).map((db) => db.name ?? "").filter((name) => name === "firebaseLocalStorageDb"),
  }));
}

/** Clicks "Continue with Google" and returns the emulator's account chooser, opened in a popup. */
async function openGoogleChooser(page: Page): Promise<Page> {
  const popup = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Continue with Google" }).click();
  const chooser = await popup;
  await expect(chooser.getByText("Add new account")).toBeVisible();
  return chooser;
}

/** Adds a new Google account in the emulator's chooser and picks it. */
async function addGoogleAccount(chooser: Page, account: { email: string; name: string }) {
  await chooser.getByText("Add new account").click();
  await chooser.locator("#email-input").fill(account.email);
  await chooser.locator("#display-name-input").fill(account.name);
  await chooser.locator("#sign-in").click();
}

test("email and password sign in through the client SDK; the server gets an ID token, and no token stays in the page", async ({ page }) => {
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/session") posted.push(request.postData() ?? "");
  });
  await visit(page, "/login");
  await page.getByLabel("Email").fill("staff@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();

  expect(posted).toHaveLength(1);
  expect(Object.keys(JSON.parse(posted[0]!) as object)).toEqual(["idToken"]);
  expect(posted[0]).not.toContain("demo-password");
  expect(await firebaseStorage(page)).toEqual({ local: [], session: [], indexedDb: [] });
});

test("a Google account in no clinic gets a page that says so, and no session", async ({ page }) => {
  await visit(page, "/login");
  const chooser = await openGoogleChooser(page);
  await addGoogleAccount(chooser, { email: `stranger-${unique()}@gmail.test`, name: "Stray Stranger" });
  await page.waitForURL("**/login/not-a-member?via=google");
  await expect(page.getByRole("heading", { level: 1, name: "This Google account isn't a member of any clinic." })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);
});

test("an invite is accepted by signing in with the Google account of its email; the chooser then signs that member in again", async ({
  browser,
  signedIn,
}) => {
  const invitee = { name: "Gina Google", email: `gina-${unique().replace(/[^a-z0-9]/g, "")}@gmail.test` };
  const admin = await signedIn("admin@demo.test");
  await visit(admin, "/dashboard/team");
  await admin.getByLabel("Email").fill(invitee.email);
  await admin.getByLabel("Role").selectOption("staff");
  await admin.getByRole("button", { name: "Send invite" }).click();
  await expect(admin.getByText(`Invite sent to ${invitee.email}`).first()).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, "/login");
  await addGoogleAccount(await openGoogleChooser(page), invitee);
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("heading", { name: "Welcome, Gina" })).toBeVisible();
  await expect(page.getByText("Staff", { exact: true }).first()).toBeVisible();

  // Signed out, the same Google account (listed in the chooser now) signs the member in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login?reason=signed-out");
  // Sign-out lands on /login by a client-side navigation; the page reloads itself to get the sign-in pages' CSP.
  await expect
    .poll(() => page.evaluate(() => (window as { __signInDocument?: boolean }).__signInDocument ?? false).catch(() => false))
    .toBe(true);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  const chooser = await openGoogleChooser(page);
  await chooser.getByText(invitee.email).click();
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("heading", { name: "Welcome, Gina" })).toBeVisible();
  await context.close();
});
