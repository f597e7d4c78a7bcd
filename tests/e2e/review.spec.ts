import { expect, expectNoAxeViolations, reload, test, visit, type Browser, type Page } from "./support/fixtures";
import { book, unique, type Booked } from "./support/booking";

// The clinic's side of a request: the queue, a request's page, and the three
// decisions (approve, propose a new time, decline), each checked on the
// patient's status page too. Patients book through the JSON API; clinic
// members are signed in through the session API (signedIn). Each test books
// its own doctor's times counting back from the end of the bookable window,
// at its own offset, so parallel tests never race for one time:
//   Dr. Amara Okafor   0 approve · 6 decline · 12 conflict · 18 doctor's own · 22 queue axe · 24 request axe · 26 propose axe · 28 decline axe
//                      (payment.spec.ts takes 32–42, schedule.spec.ts 48)
//   Dr. Lucas Moreau   0 propose/accept · 6 propose/decline · 12 filters · 18 doctor's own · 24 new while open
//   Dr. Priya Raman    3 phone (status-page-review.spec.ts proposes from 10 on, a day apart)
//   Dr. Samuel Osei    0 free approval
// (Never sign the demo users out here: that revokes their sessions in parallel tests too.)

const PATIENT = { reason: "Persistent cough for two weeks.", phone: "+1 555 010 7777" };

/** The patient's status page, opened from the emailed link in a fresh context (on the app's clock). */
async function patientPage(browser: Browser, booked: Booked): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await visit(page, booked.statusPath);
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

test("staff approve from the queue; the patient is asked to pay $50.00", async ({ browser, request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 0, name: "Quinn Queue", ...PATIENT });
  const page = await signedIn("staff@demo.test");
  await visit(page, "/dashboard");
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

test("on the free clinic, approval confirms the visit and the .ics downloads", async ({ browser, request, signedIn }) => {
  const booked = await book(request, { slug: "demo-free", doctorId: "dr-samuel-osei", offset: 0, name: "Frankie Free", ...PATIENT });
  const page = await signedIn("staff@free.test");
  await visit(page, `/dashboard/requests/${booked.id}`);
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

test("propose a new time → the patient accepts → approved, please pay", async ({ browser, request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-lucas-moreau", offset: 0, name: "Alex Accept", ...PATIENT });
  const page = await signedIn("staff@demo.test");
  await visit(page, `/dashboard/requests/${booked.id}`);
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

  await reload(page);
  await expect(page.getByRole("listitem").filter({ hasText: "accepted the new time" })).toBeVisible();
});

test("propose a new time → the patient declines it → staff are asked to propose another or decline", async ({ browser, request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-lucas-moreau", offset: 6, name: "Rory Reject", ...PATIENT });
  const page = await signedIn("staff@demo.test");
  await visit(page, `/dashboard/requests/${booked.id}`);
  await proposeSameDay(page, "Could you come a little later?", 1);

  const patient = await patientPage(browser, booked);
  await patient.getByRole("button", { name: "Decline new time" }).click();
  await patient.getByRole("dialog").getByRole("button", { name: "Yes, decline this time" }).click();
  await expect(patient.getByRole("heading", { name: "You turned down the proposed time" })).toBeVisible();
  await patient.context().close();

  await reload(page);
  await expect(page.getByText("Patient declined the new time — propose another or decline.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Propose a new time" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Decline", exact: true })).toBeVisible();

  await visit(page, "/dashboard/requests?doctor=dr-lucas-moreau&status=pending");
  const row = page.locator(`[data-request="${booked.id}"]`);
  await expect(row).toContainText("Patient declined the new time — propose another or decline");
  await expect(row.getByRole("button", { name: /Approve/ })).toHaveCount(0);
});

test("decline needs a reason, and the patient reads it", async ({ browser, request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 6, name: "Dana Decline", ...PATIENT });
  const page = await signedIn("staff@demo.test");
  await visit(page, `/dashboard/requests/${booked.id}`);
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Decline Dana Decline's request?" });
  await dialog.getByRole("button", { name: "Decline request" }).click();
  // Said once, under the field, which takes focus so the message is read with it.
  await expect(dialog.getByText("Give a reason; the patient sees it.")).toHaveCount(1);
  await expect(dialog.getByLabel("Reason for the patient")).toBeFocused();
  await expect(dialog.getByLabel("Reason for the patient")).toHaveAccessibleDescription(/Give a reason; the patient sees it\./);
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

test("acting on a request someone else just changed says who and when, and shows the fresh state", async ({ request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 12, name: "Casey Conflict", ...PATIENT });
  const [staff, admin] = await Promise.all([signedIn("staff@demo.test"), signedIn("admin@demo.test")]);
  await Promise.all([visit(staff, `/dashboard/requests/${booked.id}`), visit(admin, `/dashboard/requests/${booked.id}`)]);
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
});

test("filters live in the query string; a bad value explains itself", async ({ request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-lucas-moreau", offset: 12, name: "Fay Filter", ...PATIENT });
  const page = await signedIn("staff@demo.test");
  await visit(page, "/dashboard/requests?status=paid&doctor=..%2Fx");
  await expect(page.getByText(/We couldn't use that filter: That isn't a request status\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Needs review/ })).toBeVisible();

  await visit(page, "/dashboard/requests");
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

test("a request that comes in while the queue is open appears when staff come back to the tab", async ({ request, signedIn }) => {
  const page = await signedIn("staff@demo.test");
  await visit(page, "/dashboard/requests?doctor=dr-lucas-moreau");
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  await markWindow(page);
  const booked = await book(request, { slug: "demo", doctorId: "dr-lucas-moreau", offset: 24, name: "Nia New", ...PATIENT });
  await expect(page.locator(`[data-request="${booked.id}"]`)).toHaveCount(0);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.locator(`[data-request="${booked.id}"]`)).toContainText("Nia New");
  await expectNoReload(page);
});

test("a doctor sees only their own requests", async ({ request, signedIn }) => {
  const [own, other] = await Promise.all([
    book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 18, name: "Olive Own", ...PATIENT }),
    book(request, { slug: "demo", doctorId: "dr-lucas-moreau", offset: 18, name: "Otto Other", ...PATIENT }),
  ]);
  const page = await signedIn("doctor@demo.test");
  await visit(page, "/dashboard");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: /Requests/ }).click();
  await expect(page.locator(`[data-request="${own.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-request="${other.id}"]`)).toHaveCount(0);
  await expect(page.getByLabel("Doctor")).toHaveCount(0);

  await visit(page, `/dashboard/requests/${other.id}`);
  await expect(page.getByRole("heading", { name: "We couldn't find that request" })).toBeVisible();
});

test("a doctor turns their new-request emails off (it survives a reload) and back on", async ({ signedIn }) => {
  const page = await signedIn("doctor@demo.test");
  await visit(page, "/dashboard/requests");
  // Off survives a reload, then back on (other specs may expect them).
  const emails = page.getByRole("checkbox", { name: "Email me about new requests" });
  await expect(emails).toBeChecked();
  await emails.uncheck();
  await expect(page.getByText("You won't be emailed about new requests.")).toBeVisible();
  await reload(page);
  await expect(emails).not.toBeChecked();
  await emails.check();
  await expect(page.getByText("You'll be emailed about new requests.")).toBeVisible();
});

test.describe("no axe violations (WCAG 2.2 AA)", () => {
  test("the request queue", async ({ request, signedIn }) => {
    const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 22, name: "Axel Queue", ...PATIENT });
    const page = await signedIn("staff@demo.test");
    await visit(page, "/dashboard/requests");
    await expect(page.locator(`[data-request="${booked.id}"]`)).toBeVisible();
    await expectNoAxeViolations(page, "queue");
  });

  test("the queue's recent view", async ({ signedIn }) => {
    const page = await signedIn("staff@demo.test");
    await visit(page, "/dashboard/requests?view=recent");
    await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
    await expectNoAxeViolations(page, "recent");
  });

  test("a request's page", async ({ request, signedIn }) => {
    const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 24, name: "Axel Axe", ...PATIENT });
    const page = await signedIn("staff@demo.test");
    await visit(page, `/dashboard/requests/${booked.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Axel Axe" })).toBeVisible();
    await expectNoAxeViolations(page, "request");
  });

  test("a request's page with the propose dialog open", async ({ request, signedIn }) => {
    const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 26, name: "Axel Propose", ...PATIENT });
    const page = await signedIn("staff@demo.test");
    await visit(page, `/dashboard/requests/${booked.id}`);
    await page.getByRole("button", { name: "Propose a new time" }).click();
    await expect(page.getByRole("dialog").getByRole("grid")).toBeVisible();
    await expectNoAxeViolations(page, "propose dialog");
  });

  test("a request's page with the decline dialog open", async ({ request, signedIn }) => {
    const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 28, name: "Axel Decline", ...PATIENT });
    const page = await signedIn("staff@demo.test");
    await visit(page, `/dashboard/requests/${booked.id}`);
    await page.getByRole("button", { name: "Decline", exact: true }).click();
    await expect(page.getByRole("dialog", { name: /Decline/ })).toBeVisible();
    await expectNoAxeViolations(page, "decline dialog");
  });
});

test("a new clinic's queue is empty and offers its booking link to share", async ({ page }) => {
  const run = unique();
  await visit(page, "/signup");
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
  await expectNoAxeViolations(page, "empty queue");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("a request can be found and approved", async ({ request, signedIn }) => {
    const booked = await book(request, { slug: "demo", doctorId: "dr-priya-raman", offset: 3, name: "Pat Phone", ...PATIENT });
    const page = await signedIn("staff@demo.test", { viewport: { width: 375, height: 740 } });
    await visit(page, "/dashboard/requests?doctor=dr-priya-raman");
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
