import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

// The pay step, offline: book → staff approve → the patient pays with the
// "Test payment (no real card)" form → the local Stripe stand-in delivers the
// signed webhook to stripeWebhook in the Functions emulator → the status page
// turns Confirmed by itself. Own doctor and times counted from the end of the
// window, so parallel specs never race for them.

// Each test books, signs staff in, approves and waits for a webhook that goes
// through the Functions emulator: about 15 s alone, and more than the default
// 30 s on a loaded 2-core CI machine (a fresh-clone run timed out with the
// page already showing Confirmed).
test.describe.configure({ timeout: 90_000 });

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function book(request: APIRequestContext, offset: number, name: string): Promise<{ id: string; statusPath: string }> {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 55 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/demo/doctors/dr-amara-okafor/slots?from=${today}&to=${to}`);
  expect(free.ok()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  for (const slot of slots.reverse().slice(offset)) {
    const response = await request.post(`/api/public/orgs/demo/doctors/dr-amara-okafor/requests`, {
      data: { start: slot.start, patient: { name, email: `pay-${unique()}@example.com`, phone: "+1 555 010 4242" }, reason: "Annual check-up." },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; statusUrl: string };
    const url = new URL(body.statusUrl);
    return { id: body.id, statusPath: url.pathname + url.search };
  }
  throw new Error("No free time left to request");
}

async function approveAsStaff(browser: Browser, id: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("staff@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
  await page.goto(`/dashboard/requests/${id}`);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Approved. The patient has been asked to pay.")).toBeVisible();
  await context.close();
}

async function pay(page: Page, card: string) {
  await page.getByLabel("Test card number").fill(card);
  await page.getByRole("button", { name: "Pay $50.00" }).click();
}

test("book → approve → pay with the test card → the status page turns Confirmed without a manual refresh", async ({ page, browser, request }) => {
  const booked = await book(request, 30, "Penny Payer");
  await approveAsStaff(browser, booked.id);
  await page.goto(booked.statusPath);
  await expect(page.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Test payment (no real card)" })).toBeVisible();
  await pay(page, "4242 4242 4242 4242");
  await expect(page.getByText(/Payment processing/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
});

test("a declined card shows Stripe's message; trying again with a good card confirms", async ({ page, browser, request }) => {
  const booked = await book(request, 36, "Dee Declined-Card");
  await approveAsStaff(browser, booked.id);
  await page.goto(booked.statusPath);
  await pay(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert").filter({ hasText: "Your card was declined." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await pay(page, "4242424242424242");
  await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible({ timeout: 30_000 });
});

test("staff cancel a paid, confirmed visit with a reason: the patient sees it and the refund", async ({ page, browser, request }) => {
  const booked = await book(request, 42, "Ivy Ill-Doctor");
  await approveAsStaff(browser, booked.id);
  await page.goto(booked.statusPath);
  await pay(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible({ timeout: 30_000 });

  const context = await browser.newContext();
  const staff = await context.newPage();
  await staff.goto("/login");
  await staff.getByLabel("Email").fill("staff@demo.test");
  await staff.getByLabel("Password").fill("demo-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.waitForURL("**/dashboard");
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Cancel appointment" }).click();
  const dialog = staff.getByRole("dialog", { name: "Cancel Ivy Ill-Doctor's appointment?" });
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(dialog.getByText("Give a reason; the patient sees it.").first()).toBeVisible();
  await dialog.getByLabel("Reason for the patient").fill("The doctor is ill today.");
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(staff.getByText("Cancelled. The patient is refunded in full and has been emailed your reason.")).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByRole("heading", { name: /cancelled this visit/ })).toBeVisible();
  await expect(page.getByText("The doctor is ill today.")).toBeVisible();
  await expect(page.getByText("Your payment is refunded in full to the card you paid with.")).toBeVisible();
});

test("the stripeWebhook function in the emulator refuses a missing or bad signature with 400", async ({ request }) => {
  const functionsPort = 5101 + Number(process.env.E2E_PORT_OFFSET ?? 0);
  const url = `http://127.0.0.1:${functionsPort}/${process.env.FIREBASE_PROJECT_ID ?? "demo-clinic"}/us-central1/stripeWebhook`;
  const event = { id: "evt_forged", object: "event", type: "payment_intent.succeeded", created: Math.floor(Date.now() / 1000), data: { object: { id: "pi_forged", metadata: {} } } };
  const unsigned = await request.post(url, { data: event });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post(url, { data: event, headers: { "stripe-signature": `t=${event.created},v1=${"0".repeat(64)}` } });
  expect(forged.status()).toBe(400);
  expect(await forged.json()).toEqual({ error: "Invalid signature." });
});
