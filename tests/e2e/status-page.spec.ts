import { expect, expectNoAxeViolations, test, visit, type APIRequestContext } from "./support/fixtures";
import { book } from "./support/booking";

// The patient's private status page: the link from the email is the only
// key. Its ?t= token is traded for a cookie scoped to the appointment on the
// first visit, and the browser lands on the clean URL. Requests are made
// through the JSON API (its own tests cover it), each test its own: Dr. Priya
// Raman's free times counted from the first, at 20, 22, 24, 26, 28 and 32
// (status-page-expired.spec.ts takes 36; the review specs count from the end).

const requestAt = (request: APIRequestContext, offset: number) =>
  book(request, { slug: "demo", doctorId: "dr-priya-raman", offset, from: "first", name: "Sam Status", phone: "+1 555 010 4444", reason: "Skin check." });

test("the emailed link is traded for a cookie: clean URL, no token in history, a reload works", async ({ page, request }) => {
  const { id, statusPath } = await requestAt(request, 20);

  const ok = await page.goto(statusPath);
  expect(ok?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/appointments/${id}$`));
  expect(page.url()).not.toContain("t=");
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "strict-origin");
  // Only a link to the request page is in history, never the token.
  expect(await page.evaluate(() => history.length)).toBe(2); // about:blank, then the clean URL

  const [cookie, ...others] = await page.context().cookies();
  expect(others).toEqual([]);
  expect(cookie).toMatchObject({ name: "patient_link", path: `/appointments/${id}`, httpOnly: true, secure: true, sameSite: "Lax" });
  expect(await page.content()).not.toContain(cookie!.value); // never handed to the page's scripts either

  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
});

test("right after booking, the page says the request was sent and for how long the time is held; no axe violations", async ({ page, request }) => {
  const { id, statusPath } = await requestAt(request, 22);
  await visit(page, statusPath);
  await visit(page, `/appointments/${id}?sent=1`);
  await expect(page.getByRole("note").filter({ hasText: "Request sent" })).toContainText("We've emailed a link to this page to");
  await expect(page.getByText(/holding this time for you until then \(\d+ h( \d+ min)? left\)/)).toBeVisible();
  await expectNoAxeViolations(page, "request sent", "all");
});

test("the emailed link still opens on another device once it has been used", async ({ page, browser, request }) => {
  const { id, statusPath } = await requestAt(request, 24);
  await visit(page, statusPath);
  await expect(page).toHaveURL(new RegExp(`/appointments/${id}$`));
  // Another device: a fresh browser with nothing but the emailed link (APP_URL is this origin).
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto(statusPath);
  await expect(phone).toHaveURL(new RegExp(`/appointments/${id}$`));
  await expect(phone.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  await other.close();
});

test("a browser that never had the link gets the plain 404 for the clean URL", async ({ page, request }) => {
  const { id } = await requestAt(request, 26);
  const response = await page.goto(`/appointments/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
});

test("a wrong or missing token is a plain 404, and one request's cookie opens no other", async ({ page, request }) => {
  const booked = await requestAt(request, 28);
  const second = await requestAt(request, 32);
  const id = booked.id;
  const token = new URL(booked.statusPath, "http://localhost").searchParams.get("t")!;

  for (const path of [
    `/appointments/${id}?t=${token.slice(0, -2)}xx`, // wrong token, real request
    `/appointments/${id}`, // no token
    `/appointments/${id}?t=`, // empty token
    `/appointments/no-such-request?t=${token}`, // right-looking token, unknown id
    `/appointments/${second.id}?t=${token}`, // another request's token
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
    await expect(page.getByText("Dr. Priya Raman")).toHaveCount(0);
    expect(await page.context().cookies(), path).toEqual([]);
  }

  await page.goto(booked.statusPath);
  await expect(page.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  const response = await page.goto(`/appointments/${second.id}`);
  expect(response?.status()).toBe(404);
});
