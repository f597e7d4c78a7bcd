import { book, unique } from "./support/booking";
import { expect, hydrated, reload, test, visit, type Page } from "./support/fixtures";

// The patient's whole journey on the demo clinic (America/New_York, $50 fee),
// one step a test: clinic page → doctor → day → time → details → the status
// page ("Request sent", survives a reload, Back and Forward); the email in
// the dev mailbox → its link → cancel. Each test books a different doctor,
// so tests running in parallel never race for the same time.

const uniqueEmail = (label: string) => `${label}-${unique()}@example.com`;

async function fillDetails(page: Page, email: string) {
  await page.getByLabel("Full name").fill("Ada Patient");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Phone", { exact: true }).fill("+1 (555) 010-2030");
  await page.getByLabel("Reason for your visit").fill("Annual check-up.");
  await page.getByRole("checkbox", { name: /may contact me/ }).check();
}

test("a patient requests a time and lands on the status page, which survives a reload, Back and Forward", async ({ page }) => {
  const email = uniqueEmail("journey");

  await visit(page, "/book/demo");
  await expect(page.getByText("$50.00 per visit")).toBeVisible();
  await page.getByRole("link", { name: "Dr. Amara Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Amara Okafor" })).toBeVisible();
  await expect(page.getByText(/Times in E[SD]T, New York time/)).toBeVisible();

  // The first day with free times, then its first time.
  const calendar = page.getByRole("grid");
  await calendar.locator("button:not([disabled])").first().click();
  await expect(calendar.locator('button[aria-label*="selected"]')).toHaveCount(1);
  const slot = page.locator("[data-slot]").first();
  await slot.click();
  await expect(slot).toHaveAttribute("aria-pressed", "true");

  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await fillDetails(page, email);
  await page.getByRole("button", { name: "Request this time" }).click();

  // The request lands on its own status page, whose URL survives a reload
  // and carries no token (it was traded for a cookie on the way).
  await expect(page).toHaveURL(/\/appointments\/[A-Za-z0-9]+\?sent=1$/);
  const statusUrl = page.url();
  const sent = page.getByRole("note").filter({ hasText: "Request sent" });
  await expect(sent).toContainText("We've emailed a link to this page to");
  await expect(sent).toContainText("you'll pay $50.00");
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your request with Dr. Amara Okafor" })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(statusUrl);
  await expect(sent).toBeVisible();
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();

  // Back leaves the booking: the doctor's page was replaced, so nothing can be sent twice.
  await page.goBack();
  await expect(page).toHaveURL(/\/book\/demo$/);
  await expect(page.getByRole("button", { name: "Request this time" })).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(statusUrl);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
});

test("the emailed link opens the request, which the patient cancels; the time is released", async ({ page, request }) => {
  const email = uniqueEmail("mailbox");
  await book(request, { slug: "demo", doctorId: "dr-amara-okafor", from: "first", offset: 2, name: "Ada Patient", email, reason: "Annual check-up." });

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const mail = page.getByRole("article").filter({ hasText: "We received your request" });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText(`To ${email}`);
  await mail.getByRole("link", { name: /\/appointments\// }).click();

  await expect(page).toHaveURL(/\/appointments\/[A-Za-z0-9]+$/);
  await hydrated(page);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  await expect(page.getByRole("heading", { name: /The clinic will review your request by/ })).toBeVisible();
  await expect(page.getByText("Request sent")).toHaveCount(0);

  const dialog = page.getByRole("dialog", { name: "Cancel this request?" });
  await page.getByRole("button", { name: "Cancel request" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, cancel request" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "You cancelled this request" })).toBeVisible();
  await expect(page.getByText("Your request was cancelled and the time released.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);

  // Still exactly one request from this patient.
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("article").filter({ hasText: "We received your request" })).toHaveCount(1);
});

test("a time taken while the patient fills the form says so and shows fresh times", async ({ page, request }) => {
  const doctor = "dr-lucas-moreau";
  await visit(page, `/book/demo/${doctor}`);
  const slot = page.locator("[data-slot]").first();
  await slot.click();
  await expect(slot).toHaveAttribute("aria-pressed", "true");
  const start = await slot.getAttribute("data-slot");
  expect(start).toBeTruthy();
  await fillDetails(page, uniqueEmail("loser"));

  // Someone else books the same time through the JSON API first.
  const taken = await request.post(`/api/public/orgs/demo/doctors/${doctor}/requests`, {
    data: {
      start,
      patient: { name: "Quick Booker", email: uniqueEmail("winner"), phone: "+1 555 010 9999" },
      reason: "Booked first.",
    },
  });
  expect(taken.status()).toBe(201);

  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page.getByText("That time was just taken")).toBeVisible();
  await expect(page.locator(`[data-slot="${start}"]`)).toHaveCount(0);
  await expect(page.locator("[data-slot]").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your details" })).toHaveCount(0);

  // Choosing another time brings the form back with the details kept.
  await page.locator("[data-slot]").first().click();
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Patient");
  await expect(page.getByText("That time was just taken")).toHaveCount(0);
});

test("the form checks the details in the browser before sending", async ({ page }) => {
  await visit(page, "/book/demo/dr-priya-raman");
  const slot = page.locator("[data-slot]").first();
  await slot.click();
  await expect(slot).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Request this time" }).click();
  // One summary of every problem takes focus, so it is read out at once.
  await expect(page.getByRole("alert").filter({ hasText: "Please fix 5 things below" })).toBeVisible();
  await expect(page.locator('div[tabindex="-1"]').filter({ hasText: "Please fix 5 things below" })).toBeFocused();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");

  // An error shows when a field is left, and clears as soon as it is fixed.
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Email", { exact: true }).blur();
  await expect(page.getByText("Please enter a valid email address, like name@example.com").last()).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill("ada@example.com");
  await expect(page.getByLabel("Email", { exact: true })).not.toHaveAttribute("aria-invalid", "true");

  const reason = page.getByLabel("Reason for your visit");
  await reason.fill("x".repeat(600));
  await expect(reason).toHaveValue("x".repeat(500));
  await expect(page.getByText("500/500")).toBeVisible();
});

test("double-clicking Request this time on an incomplete form keeps the button under the pointer, so consent stays ticked", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await visit(page, "/book/demo/dr-priya-raman");
  const slot = page.locator("[data-slot]").first();
  await slot.click();
  await expect(slot).toHaveAttribute("aria-pressed", "true");
  const consent = page.getByRole("checkbox", { name: /may contact me/ });
  await consent.check();
  const button = page.getByRole("button", { name: "Request this time" });
  await button.scrollIntoViewIfNeeded();
  const before = await button.boundingBox();

  // The errors appear above the button after the first click; the second lands where the button was.
  await button.dblclick();
  await expect(page.getByRole("alert").filter({ hasText: "Please fix 4 things below" })).toBeAttached();
  await expect(consent).toBeChecked();
  expect(Math.round((await button.boundingBox())!.y)).toBe(Math.round(before!.y));
});

// Dr. Samuel Osei's times a few days ahead: no spec books them (review.spec.ts takes his last).
test("the chosen day and time are in the URL, so a reload and Back come back to them", async ({ page }) => {
  await visit(page, "/book/demo-free/dr-samuel-osei");
  await page.getByRole("grid").locator("button:not([disabled])").nth(2).click();
  const slot = page.locator("[data-slot]").nth(1);
  await slot.click();
  const start = await slot.getAttribute("data-slot");
  await expect(page).toHaveURL(/\/dr-samuel-osei\?date=\d{4}-\d{2}-\d{2}&time=\d{2}%3A\d{2}$/);
  const chosen = page.locator(`[data-slot="${start}"]`);

  await reload(page);
  await expect(chosen).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();

  await page.getByRole("link", { name: "All doctors" }).click();
  await expect(page).toHaveURL(/\/book\/demo-free$/);
  await page.goBack();
  await expect(chosen).toHaveAttribute("aria-pressed", "true");
});

test("a day or time in the URL that isn't bookable is ignored, not trusted", async ({ request }) => {
  for (const query of ["?date=1999-01-01&time=10:00", "?date=2026-02-30", "?date=tomorrow&time=%3Cscript%3E", "?date=9999-12-31&time=25:00"]) {
    const response = await request.get(`/book/demo-free/dr-samuel-osei${query}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).toContain("Choose a day and time");
  }
});
