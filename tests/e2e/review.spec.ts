import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

// The clinic's side of a request: the queue, a request's page, and the three
// decisions (approve, propose a new time, decline), each checked on the
// patient's status page too. Patients book through the JSON API. Each test
// books its own doctor's times counting back from the end of the bookable
// window, so parallel specs (which take the first free times) never race
// for ours. (Never sign the demo users out here: that revokes their
// sessions in parallel tests too.)

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Booked = { id: string; statusPath: string; email: string; name: string };

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** Books one of the doctor's free times, the `offset`-th from the end of the next ~8 weeks, trying earlier ones on 409. */
async function book(request: APIRequestContext, slug: string, doctorId: string, offset: number, name = "Rita Review"): Promise<Booked> {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 55 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/${slug}/doctors/${doctorId}/slots?from=${today}&to=${to}`);
  expect(free.ok()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  const email = `review-${unique()}@example.com`;
  for (const slot of slots.reverse().slice(offset)) {
    const response = await request.post(`/api/public/orgs/${slug}/doctors/${doctorId}/requests`, {
      data: { start: slot.start, patient: { name, email, phone: "+1 555 010 7777" }, reason: "Persistent cough for two weeks." },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; statusUrl: string };
    const url = new URL(body.statusUrl);
    return { id: body.id, statusPath: url.pathname + url.search, email, name };
  }
  throw new Error(`No free time left to request with ${doctorId}`);
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

/** A signed-in page in its own browser context (its own cookies). */
async function memberPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The patient's status page, opened from the emailed link in a fresh context. */
async function patientPage(browser: Browser, booked: Booked): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(booked.statusPath);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page;
}

/** Marks the window; `expectNoReload` then proves an action refreshed the page in place. */
async function markWindow(page: Page) {
  await page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
}

test("staff approve from the queue; the patient is asked to pay $50.00", async ({ page, browser, request }) => {
  const booked = await book(request, "demo", "dr-amara-okafor", 0, "Quinn Queue");
  await signIn(page, "staff@demo.test");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: /Requests/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: /Requests/ })).toContainText(/\d+/); // the count needing review
  await nav.getByRole("link", { name: /Requests/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();

  const needsReview = page.getByRole("list", { name: "Needs review" });
  const row = needsReview.locator(`[data-request="${booked.id}"]`);
  await expect(row).toContainText("Quinn Queue");
  await expect(row).toContainText(booked.email);
  await expect(row).toContainText("+1 555 010 7777");
  await expect(row).toContainText("Persistent cough for two weeks.");
  await expect(row).toContainText("Dr. Amara Okafor");
  await expect(row).toContainText(/E[SD]T, New York time/);
  await expect(row).toContainText(/Came (just now|\d+ min ago)/);
  await expect(row).toContainText(/Expires in 2[34] h/);
  await expect(row).toContainText("Needs review");

  await markWindow(page);
  await row.getByRole("button", { name: "Approve Quinn Queue's request" }).click();
  await expect(page.getByText("Approved. The patient has been asked to pay.")).toBeVisible();
  const awaitingPayment = page.getByRole("list", { name: "Awaiting payment" }).locator(`[data-request="${booked.id}"]`);
  await expect(awaitingPayment).toContainText("Awaiting payment");
  await expect(needsReview.locator(`[data-request="${booked.id}"]`)).toHaveCount(0);
  await expectNoReload(page);

  const patient = await patientPage(browser, booked);
  await expect(patient.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await patient.context().close();
});

test("on the free clinic, approval confirms the visit and the .ics downloads", async ({ page, browser, request }) => {
  const booked = await book(request, "demo-free", "dr-samuel-osei", 0, "Frankie Free");
  await signIn(page, "staff@free.test");
  await page.goto(`/dashboard/requests/${booked.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Frankie Free" })).toBeVisible();
  await expect(page.getByText("No visit yet.")).toBeVisible();
  await markWindow(page);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Approved. The visit is confirmed and the patient has been told.")).toBeVisible();
  // A confirmed visit can still be moved, never approved again.
  const decision = page.getByRole("region", { name: "Decision" });
  await expect(decision.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(decision.getByRole("button", { name: "Propose a new time" })).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "approved it" })).toContainText("Needs review → Confirmed");
  await expectNoReload(page);

  const patient = await patientPage(browser, booked);
  await expect(patient.getByText("Confirmed", { exact: true })).toBeVisible();
  const [download] = await Promise.all([patient.waitForEvent("download"), patient.getByRole("link", { name: "Add to calendar" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(ics).toString("utf8");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("Dr. Samuel Osei");
  expect(text).toContain("8 Elm Street");
  await patient.context().close();
});

/**
 * Opens "Propose a new time" (it opens on the request's own day), picks that day's `slotIndex`-th free time
 * (each test its own index, so two tests never race for one time), writes a message, sends.
 */
async function proposeSameDay(page: Page, message: string, slotIndex: number) {
  await page.getByRole("button", { name: "Propose a new time" }).click();
  const dialog = page.getByRole("dialog", { name: "Propose a new time" });
  await expect(dialog.getByRole("grid").locator('button[aria-label*="selected"]')).toHaveCount(1);
  await dialog.locator("[data-slot]").nth(slotIndex).click();
  await expect(dialog.getByText(/^New time: /)).toBeVisible();
  await dialog.getByLabel(/Message to the patient/).fill(message);
  await dialog.getByRole("button", { name: "Propose this time" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/New time proposed/).first()).toBeVisible();
}

test("propose a new time → the patient accepts → approved, please pay", async ({ page, browser, request }) => {
  const booked = await book(request, "demo", "dr-lucas-moreau", 0, "Alex Accept");
  await signIn(page, "staff@demo.test");
  await page.goto(`/dashboard/requests/${booked.id}`);
  await markWindow(page);
  await proposeSameDay(page, "Dr. Moreau is away that morning.", 0);
  await expect(page.getByText("Awaiting patient").first()).toBeVisible();
  await expect(page.getByText("“Dr. Moreau is away that morning.”")).toBeVisible(); // the history's note
  await expect(page.getByRole("region", { name: "Decision" })).toContainText("Waiting for the patient to accept or decline");
  await expectNoReload(page);

  const patient = await patientPage(browser, booked);
  await expect(patient.getByRole("heading", { name: "The clinic proposed a new time" })).toBeVisible();
  await expect(patient.getByText("Dr. Moreau is away that morning.")).toBeVisible();
  await patient.getByRole("button", { name: "Accept new time" }).click();
  await expect(patient.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await patient.context().close();

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "accepted the new time" })).toBeVisible();
});

test("propose a new time → the patient declines it → staff are asked to propose another or decline", async ({ page, browser, request }) => {
  const booked = await book(request, "demo", "dr-lucas-moreau", 6, "Rory Reject");
  await signIn(page, "staff@demo.test");
  await page.goto(`/dashboard/requests/${booked.id}`);
  await proposeSameDay(page, "Could you come a little later?", 1);

  const patient = await patientPage(browser, booked);
  await patient.getByRole("button", { name: "Decline new time" }).click();
  await patient.getByRole("dialog").getByRole("button", { name: "Yes, decline this time" }).click();
  await expect(patient.getByRole("heading", { name: "You turned down the proposed time" })).toBeVisible();
  await patient.context().close();

  await page.reload();
  await expect(page.getByText("Patient declined the new time — propose another or decline.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Propose a new time" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Decline", exact: true })).toBeVisible();

  await page.goto("/dashboard/requests?doctor=dr-lucas-moreau&status=pending");
  const row = page.locator(`[data-request="${booked.id}"]`);
  await expect(row).toContainText("Patient declined the new time — propose another or decline");
  await expect(row.getByRole("button", { name: /Approve/ })).toHaveCount(0);
});

test("decline needs a reason, and the patient reads it", async ({ page, browser, request }) => {
  const booked = await book(request, "demo", "dr-amara-okafor", 6, "Dana Decline");
  await signIn(page, "staff@demo.test");
  await page.goto(`/dashboard/requests/${booked.id}`);
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Decline Dana Decline's request?" });
  await dialog.getByRole("button", { name: "Decline request" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/Give a reason; the patient sees it\./);
  await dialog.getByLabel("Reason for the patient").fill("Dr. Okafor isn't seeing new patients this month.");
  await dialog.getByRole("button", { name: "Decline request" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Declined. The patient has been emailed your reason.").first()).toBeVisible();
  await expect(page.getByText("Declined", { exact: true }).first()).toBeVisible();

  const patient = await patientPage(browser, booked);
  await expect(patient.getByText("Not accepted", { exact: true })).toBeVisible();
  await expect(patient.getByText("Dr. Okafor isn't seeing new patients this month.")).toBeVisible();
  await patient.context().close();
});

test("acting on a request someone else just changed says who and when, and shows the fresh state", async ({ browser, request }) => {
  const booked = await book(request, "demo", "dr-amara-okafor", 12, "Casey Conflict");
  const staff = await memberPage(browser, "staff@demo.test");
  const admin = await memberPage(browser, "admin@demo.test");
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await admin.goto(`/dashboard/requests/${booked.id}`);
  await expect(staff.getByRole("button", { name: "Approve", exact: true })).toBeVisible();

  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByText("Approved. The patient has been asked to pay.").first()).toBeVisible();

  await markWindow(staff);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  const decision = staff.getByRole("region", { name: "Decision" });
  await expect(decision.getByRole("alert")).toContainText(/This request changed: Alex Admin approved it at \d{1,2}:\d{2} [AP]M\./);
  // The fresh state, without a reload: the request now awaits payment.
  await expect(staff.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(staff.getByText("Awaiting payment").first()).toBeVisible();
  await expectNoReload(staff);
  await staff.context().close();
  await admin.context().close();
});

test("filters live in the query string; a bad value explains itself", async ({ page, request }) => {
  const booked = await book(request, "demo", "dr-lucas-moreau", 12, "Fay Filter");
  await signIn(page, "staff@demo.test");
  await page.goto("/dashboard/requests?status=paid&doctor=..%2Fx");
  await expect(page.getByText(/We couldn't use that filter: That isn't a request status\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Needs review/ })).toBeVisible();

  await page.goto("/dashboard/requests");
  await page.getByLabel("Doctor").selectOption({ label: "Dr. Lucas Moreau" });
  await page.getByLabel("Status").selectOption({ label: "Needs review" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/doctor=dr-lucas-moreau/);
  await expect(page.locator(`[data-request="${booked.id}"]`)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Awaiting patient/ })).toHaveCount(0);
  const doctors = await page.locator("[data-request]").allInnerTexts();
  for (const text of doctors) expect(text).toContain("Dr. Lucas Moreau");

  await page.getByRole("link", { name: "Recent" }).click();
  await expect(page).toHaveURL(/view=recent/);
  await expect(page.locator(`[data-request="${booked.id}"]`)).toHaveCount(0);
});

test("a request that comes in while the queue is open appears when staff come back to the tab", async ({ page, request }) => {
  await signIn(page, "staff@demo.test");
  await page.goto("/dashboard/requests?doctor=dr-lucas-moreau");
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  await markWindow(page);
  const booked = await book(request, "demo", "dr-lucas-moreau", 24, "Nia New");
  await expect(page.locator(`[data-request="${booked.id}"]`)).toHaveCount(0);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.locator(`[data-request="${booked.id}"]`)).toContainText("Nia New");
  await expectNoReload(page);
});

test("a doctor sees only their own requests", async ({ page, request }) => {
  const own = await book(request, "demo", "dr-amara-okafor", 18, "Olive Own");
  const other = await book(request, "demo", "dr-lucas-moreau", 18, "Otto Other");
  await signIn(page, "doctor@demo.test");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: /Requests/ }).click();
  await expect(page.locator(`[data-request="${own.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-request="${other.id}"]`)).toHaveCount(0);
  await expect(page.getByLabel("Doctor")).toHaveCount(0);

  // Their own request emails: off survives a reload, then back on (other specs may expect them).
  const emails = page.getByRole("checkbox", { name: "Email me about new requests" });
  await expect(emails).toBeChecked();
  await emails.uncheck();
  await expect(page.getByText("You won't be emailed about new requests.")).toBeVisible();
  await page.reload();
  await expect(emails).not.toBeChecked();
  await emails.check();
  await expect(page.getByText("You'll be emailed about new requests.")).toBeVisible();

  await page.goto(`/dashboard/requests/${other.id}`);
  await expect(page.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
});

test("the queue and a request's page have no axe violations, on a desk and with the dialogs open", async ({ page, request }) => {
  test.setTimeout(90_000); // five axe runs; slow when the machine is busy
  const booked = await book(request, "demo", "dr-amara-okafor", 24, "Axel Axe");
  await signIn(page, "staff@demo.test");
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations.map((v) => `${what} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  };
  await page.goto("/dashboard/requests");
  await expect(page.locator(`[data-request="${booked.id}"]`)).toBeVisible();
  await check("queue");
  await page.goto("/dashboard/requests?view=recent");
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  await check("recent");
  await page.goto(`/dashboard/requests/${booked.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Axel Axe" })).toBeVisible();
  await check("request");
  await page.getByRole("button", { name: "Propose a new time" }).click();
  await expect(page.getByRole("dialog").getByRole("grid")).toBeVisible();
  await check("propose dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  await expect(page.getByRole("dialog", { name: /Decline/ })).toBeVisible();
  await check("decline dialog");
});

test("a new clinic's queue is empty and offers its booking link to share", async ({ page }) => {
  const run = unique();
  await page.goto("/signup");
  await page.getByLabel("Clinic name").fill(`Quiet Clinic ${run}`);
  await expect(page.getByLabel("Booking link")).toHaveValue(/^quiet-clinic-/);
  await expect(page.getByText(/Available: .*\/book\//)).toBeVisible();
  await page.getByLabel("Time zone").fill("America/New_York");
  await page.getByLabel("Appointment fee").fill("0");
  await page.getByLabel("Phone", { exact: true }).fill("+1 212 555 0100");
  await page.getByLabel("Email", { exact: true }).fill(`front-${run}@quiet.test`);
  await page.getByLabel("Address").fill("1 Quiet Street, New York");
  await page.getByLabel("Your name").fill("Quinn Quiet");
  await page.getByLabel("Your email").fill(`quinn-${run}@quiet.test`);
  await page.getByLabel("Password").fill("quiet-password");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await page.waitForURL("**/dashboard?welcome=1");

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Requests" }).click();
  await expect(page.getByRole("heading", { name: "No requests waiting" })).toBeVisible();
  await expect(page.getByText(/Share your booking link: http:\/\/.+\/book\/quiet-clinic-/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy booking link" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `empty queue ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("a request can be found and approved", async ({ page, request }) => {
    const booked = await book(request, "demo", "dr-priya-raman", 3, "Pat Phone");
    await signIn(page, "staff@demo.test");
    await page.goto("/dashboard/requests?doctor=dr-priya-raman");
    const row = page.locator(`[data-request="${booked.id}"]`);
    await row.scrollIntoViewIfNeeded();
    await expect(row.getByRole("link", { name: "Pat Phone" })).toBeVisible();
    const approve = row.getByRole("button", { name: "Approve Pat Phone's request" });
    await expect(approve).toBeInViewport();
    await approve.click();
    await expect(page.getByRole("list", { name: "Awaiting payment" }).locator(`[data-request="${booked.id}"]`)).toBeVisible();
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
