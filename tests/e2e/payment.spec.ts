import { expect, test, visit, reload, type APIRequestContext, type Page } from "./support/fixtures";
import { book } from "./support/booking";
import { appNow } from "./support/clock";
import { WARM_UP_TIMEOUT_MS, warmStripeWebhook } from "./support/stack";
import { e2eBackendPorts } from "../../scripts/lib/e2e-ports";

// The pay step, offline: book → staff approve → the patient pays with the
// "Test payment (no real card)" form → the local Stripe stand-in delivers the
// signed webhook to stripeWebhook in the Functions emulator → the status page
// turns Confirmed by itself. Own times with Dr. Amara Okafor counted back from
// the end of the window (32, 36, 42; review.spec.ts takes 0–28, schedule.spec.ts
// 48), so parallel tests never race for them.

const CONFIRMED = { name: "Your visit is confirmed" };

// The webhook's first delivery would otherwise wait for the emulator to load the function (stack.ts).
test.beforeAll(async ({ playwright }) => {
  test.setTimeout(WARM_UP_TIMEOUT_MS);
  const request = await playwright.request.newContext();
  await warmStripeWebhook(request);
  await request.dispose();
});

async function bookAndApprove(request: APIRequestContext, signedIn: (email: string) => Promise<Page>, offset: number, name: string) {
  const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset, name, phone: "+1 555 010 4242", reason: "Annual check-up." });
  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("Approved. The patient has been asked to pay.")).toBeVisible();
  await staff.close();
  return booked;
}

async function pay(page: Page, card: string) {
  await page.getByLabel("Test card number").fill(card);
  await page.getByRole("button", { name: "Pay $50.00" }).click();
}

test("book → approve → pay with the test card → the status page turns Confirmed without a manual refresh", async ({ page, request, signedIn }) => {
  const booked = await bookAndApprove(request, signedIn, 32, "Penny Payer");
  await visit(page, booked.statusPath);
  await expect(page.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Test payment (no real card)" })).toBeVisible();
  await pay(page, "4242 4242 4242 4242");
  await expect(page.getByText(/Payment processing/)).toBeVisible();
  await expect(page.getByRole("heading", CONFIRMED)).toBeVisible();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  // Once confirmed it is a visit, and paid: no "request", no fee still owed.
  await expect(page.getByRole("heading", { level: 1, name: "Your visit with Dr. Amara Okafor" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^\$50\.00 on [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}/ })).toBeVisible();
});

test("a declined card shows Stripe's message; trying again with a good card confirms", async ({ page, request, signedIn }) => {
  const booked = await bookAndApprove(request, signedIn, 36, "Dee Declined-Card");
  await visit(page, booked.statusPath);
  await pay(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert").filter({ hasText: "Your card was declined." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await pay(page, "4242424242424242");
  await expect(page.getByRole("heading", CONFIRMED)).toBeVisible();
});

test("staff cancel a paid, confirmed visit with a reason: the patient sees it and the refund", async ({ page, request, signedIn }) => {
  const booked = await bookAndApprove(request, signedIn, 42, "Ivy Ill-Doctor");
  await visit(page, booked.statusPath);
  await pay(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", CONFIRMED)).toBeVisible();

  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Cancel appointment" }).click();
  const dialog = staff.getByRole("dialog", { name: "Cancel Ivy Ill-Doctor's appointment?" });
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(dialog.getByText("Give a reason; the patient sees it.").first()).toBeVisible();
  await dialog.getByLabel("Reason for the patient").fill("The doctor is ill today.");
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(staff.getByText("Cancelled. The patient is refunded in full and has been emailed your reason.")).toBeVisible();

  await reload(page);
  await expect(page.getByRole("heading", { name: /cancelled this visit/ })).toBeVisible();
  await expect(page.getByText("The doctor is ill today.")).toBeVisible();
  await expect(page.getByText("Your payment is refunded in full to the card you paid with.")).toBeVisible();
});

test("the stripeWebhook function in the emulator refuses a missing or bad signature with 400", async ({ request }) => {
  const url = `http://127.0.0.1:${e2eBackendPorts().functions}/${process.env.FIREBASE_PROJECT_ID ?? "demo-clinic"}/us-central1/stripeWebhook`;
  const created = Math.floor(appNow() / 1000);
  const event = { id: "evt_forged", object: "event", type: "payment_intent.succeeded", created, data: { object: { id: "pi_forged", metadata: {} } } };
  const unsigned = await request.post(url, { data: event });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post(url, { data: event, headers: { "stripe-signature": `t=${event.created},v1=${"0".repeat(64)}` } });
  expect(forged.status()).toBe(400);
  expect(await forged.json()).toEqual({ error: "Invalid signature." });
});
