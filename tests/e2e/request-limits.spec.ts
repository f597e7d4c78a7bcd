import { freeSlots as freeTimes, unique } from "./support/booking";
import { appNow } from "./support/clock";
import { expect, signIn, test, visit, type APIRequestContext, type APIResponse } from "./support/fixtures";

// The request limits over HTTP: the booking API answers 429 with Retry-After
// and a plain message. Each test sends its own X-Forwarded-For (the right-most
// entry is the client with one trusted hop), so it neither uses up nor relies
// on the loopback address the rest of the suite books from.

const randomIp = () => `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

async function freeSlots(request: APIRequestContext, slug: string, doctorId: string): Promise<string[]> {
  return (await freeTimes(request, slug, doctorId)).map((s) => s.start);
}

/**
 * The per-address count is kept per clock hour of the app: eleven requests
 * that straddle the hour's turn would be counted in two. Near the turn, wait
 * (on the clock, bounded) until the new hour has begun.
 */
async function awayFromTheHoursTurn() {
  const HOUR = 3_600_000;
  const left = HOUR - (appNow() % HOUR);
  if (left > 45_000) return;
  test.setTimeout(test.info().timeout + left);
  await expect.poll(() => HOUR - (appNow() % HOUR) > 45_000, { timeout: left + 5_000, intervals: [1_000] }).toBe(true);
}

/** Requests free times (from the middle of the list, away from other specs) until `n` answers that are not 409. */
async function requestMany(request: APIRequestContext, ip: string, n: number, email: (i: number) => string, doctorId = "dr-lucas-moreau") {
  const slots = (await freeSlots(request, "demo", doctorId)).slice(40);
  const answers: APIResponse[] = [];
  for (const start of slots) {
    if (answers.length === n) break;
    const response = await request.post(`/api/public/orgs/demo/doctors/${doctorId}/requests`, {
      headers: { "X-Forwarded-For": ip },
      data: { start, patient: { name: "Lena Limit", email: email(answers.length), phone: "+1 555 010 4242" }, reason: "Check-up." },
    });
    if (response.status() === 409) continue;
    answers.push(response);
  }
  return answers;
}

test("the 4th live request for one email is refused with 429, Retry-After and a plain message", async ({ request }) => {
  const email = `limit-${unique()}@example.com`;
  const answers = await requestMany(request, randomIp(), 4, () => email);
  expect(answers.map((r) => r.status())).toEqual([201, 201, 201, 429]);
  const refused = answers[3]!;
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toEqual({
    error: { code: "rate_limited", message: "You already have 3 requests waiting at this clinic. Please wait for an answer or cancel one." },
  });
});

test("the 11th request from one address in an hour is refused with 429 and Retry-After", async ({ request }) => {
  await awayFromTheHoursTurn();
  const ip = randomIp();
  const answers = await requestMany(request, `203.0.113.1, ${ip}`, 11, (i) => `ip-${i}-${unique()}@example.com`, "dr-priya-raman");
  expect(answers.map((r) => r.status())).toEqual([...Array(10).fill(201), 429]);
  const retryAfter = Number(answers[10]!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  // Another address is not affected, even with the first one spoofed at the left.
  const other = await requestMany(request, `${ip}, ${randomIp()}`, 1, () => `ip-other-${unique()}@example.com`, "dr-priya-raman");
  expect(other.map((r) => r.status())).toEqual([201]);
});

test("an admin sees and saves the request settings; a bad value is explained and not saved", async ({ page }) => {
  await signIn(page.context(), "admin@demo.test");
  await visit(page, "/dashboard/settings");
  const form = page.getByRole("form", { name: "Requests" });
  await expect(form.getByLabel("Hold length (hours)")).toHaveValue("24");
  await expect(form.getByLabel("Count only opening hours")).not.toBeChecked();
  await expect(form.getByLabel("Requests per network address per hour")).toHaveValue("10");
  await form.getByLabel("Hold length (hours)").fill("100");
  await form.getByRole("button", { name: "Save request settings" }).click();
  await expect(form.getByText("Use 1 to 72.")).toBeVisible();
  // Saved with the defaults: other specs book at this clinic in parallel, so its rules must not change under them.
  await form.getByLabel("Hold length (hours)").fill("24");
  await form.getByRole("button", { name: "Save request settings" }).click();
  await expect(page.getByText("Request settings saved.").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Requests" }).getByLabel("Hold length (hours)")).toHaveValue("24");
});

test("a bot that fills the booking form's hidden field is answered as if sent, and nothing is held", async ({ page, request }) => {
  await visit(page, "/book/demo-free/dr-mei-lin");
  // The last day with free times, then its last time: far from what other specs book.
  const calendar = page.getByRole("grid");
  await calendar.locator("button:not([disabled])").last().click();
  const slot = page.locator("[data-slot]").last();
  await slot.click();
  await expect(slot).toHaveAttribute("aria-pressed", "true");
  const start = (await slot.getAttribute("data-slot"))!;
  await page.getByLabel("Full name").fill("Bot Botson");
  await page.getByLabel("Email", { exact: true }).fill(`bot-${unique()}@example.com`);
  await page.getByLabel("Phone", { exact: true }).fill("+1 (555) 010-2030");
  await page.getByLabel("Reason for your visit").fill("Spam.");
  await page.getByRole("checkbox", { name: /may contact me/ }).check();
  // People never see it: off-screen, hidden from assistive tech, out of the tab order.
  const honeypot = page.locator('input[name="website"]');
  await expect(honeypot).toHaveAttribute("tabindex", "-1");
  await honeypot.fill("http://spam.example", { force: true });
  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page).toHaveURL(/\/appointments\/[A-Za-z0-9]+/);
  // The time is still offered to everyone.
  const day = start.slice(0, 10);
  const next = new Date(Date.parse(start) + 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/demo-free/doctors/dr-mei-lin/slots?from=${day}&to=${next}`);
  expect(((await free.json()) as { slots: { start: string }[] }).slots.map((s) => s.start)).toContain(start);
});
