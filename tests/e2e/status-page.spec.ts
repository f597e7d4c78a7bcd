import { expect, test, type APIRequestContext } from "@playwright/test";

// The patient's private status page: the link from the email is the only
// key. Requests are made through the JSON API (its own tests cover it); a
// later free time is tried when a parallel test got there first.

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

test("the status link shows the request; a wrong or missing token is a plain 404", async ({ page, request }) => {
  const { id, statusUrl } = await requestAnyTime(request, 20);
  const token = new URL(statusUrl).searchParams.get("t")!;

  const ok = await page.goto(new URL(statusUrl).pathname + new URL(statusUrl).search);
  expect(ok?.status()).toBe(200);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your request with Dr. Priya Raman" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");

  for (const path of [
    `/appointments/${id}?t=${token.slice(0, -2)}xx`, // wrong token, real request
    `/appointments/${id}`, // no token
    `/appointments/${id}?t=`, // empty token
    `/appointments/no-such-request?t=${token}`, // right-looking token, unknown id
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
    await expect(page.getByText("Dr. Priya Raman")).toHaveCount(0);
  }
});
