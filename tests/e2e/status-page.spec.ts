import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";

// The patient's private status page: the link from the email is the only
// key. Its ?t= token is traded for a cookie scoped to the appointment on the
// first visit, and the browser lands on the clean URL. Requests are made
// through the JSON API (its own tests cover it); a later free time is tried
// when a parallel test got there first.

const DOCTOR = "dr-priya-raman";

async function requestAnyTime(request: APIRequestContext, offset: number) {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/demo/doctors/${DOCTOR}/slots?from=${today}&to=${to}`);
  expect(free.ok()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  for (const slot of slots.slice(offset)) {
    const response = await request.post(`/api/public/orgs/demo/doctors/${DOCTOR}/requests`, {
      data: {
        start: slot.start,
        patient: { name: "Sam Status", email: `status-${Date.now()}@example.com`, phone: "+1 555 010 4444" },
        reason: "Skin check.",
      },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; statusUrl: string };
  }
  throw new Error("No free time left to request");
}

/** The emailed link as a path on the test server (APP_URL is the same origin here). */
const linkPath = (statusUrl: string) => new URL(statusUrl).pathname + new URL(statusUrl).search;

test("the emailed link is traded for a cookie: clean URL, reload works, any device can open it", async ({ page, browser, request }) => {
  const { id, statusUrl } = await requestAnyTime(request, 20);

  const ok = await page.goto(linkPath(statusUrl));
  expect(ok?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/appointments/${id}$`));
  expect(page.url()).not.toContain("t=");
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  // Only a link to the request page is in history, never the token.
  expect(await page.evaluate(() => history.length)).toBe(2); // about:blank, then the clean URL

  const [cookie, ...others] = await page.context().cookies();
  expect(others).toEqual([]);
  expect(cookie).toMatchObject({ name: "patient_link", path: `/appointments/${id}`, httpOnly: true, secure: true, sameSite: "Lax" });
  expect(await page.content()).not.toContain(cookie!.value); // never handed to the page's scripts either

  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();

  // Right after booking: the "Request sent" banner (axe-clean too).
  await page.goto(`/appointments/${id}?sent=1`);
  await expect(page.getByRole("note").filter({ hasText: "Request sent" })).toContainText("We've emailed you a link to this page");
  await expect(page.getByText(/holding this time for you until then \(\d+ h( \d+ min)? left\)/)).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Another device: a fresh browser with nothing but the emailed link.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto(statusUrl);
  await expect(phone).toHaveURL(new RegExp(`/appointments/${id}$`));
  await expect(phone.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  await other.close();

  // A browser that never had the link gets the plain 404 for the clean URL.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(`/appointments/${id}`);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
  await stranger.close();
});

test("a wrong or missing token is a plain 404, and one request's cookie opens no other", async ({ page, request }) => {
  const { id, statusUrl } = await requestAnyTime(request, 24);
  const second = await requestAnyTime(request, 28);
  const token = new URL(statusUrl).searchParams.get("t")!;

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

  await page.goto(linkPath(statusUrl));
  await expect(page.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  const response = await page.goto(`/appointments/${second.id}`);
  expect(response?.status()).toBe(404);
});
