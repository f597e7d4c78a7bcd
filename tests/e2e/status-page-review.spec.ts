import { expect, expectNoAxeViolations, reload, test, visit, type APIRequestContext, type Page } from "./support/fixtures";
import { book, type Booked } from "./support/booking";

// The patient's side of a review, on their status page: each state in the
// design brief's words, the proposed time next to the original, Accept and
// Decline, the time left to answer, the decline reason, "Add to calendar".
// Staff act through the dashboard, signed in through the session API in
// their own browser context. Each test sets up its own request: patients
// book through the JSON API, counting back from the end of the bookable
// window. Dr. Priya Raman has 7 times a day, so the proposing tests' offsets
// (10, 17, 24, …, 52) lie a whole day apart: each proposes on its own day,
// and no two race for one time (review.spec.ts takes offset 3, the declined
// request 66; status-page*.spec.ts count from the first free time).
// (Never sign the demo users out here: that revokes their sessions in parallel tests too.)

const DOCTOR = { slug: "demo", doctorId: "dr-priya-raman", phone: "+1 555 010 3333", reason: "Follow-up visit." };
const TIME_LEFT = /\((\d+ h( \d+ min)?|\d+ min) left\)/;

/** Proposes the first free time of the request's own day (the picker opens on it; its current time is left out). */
async function propose(staff: Page, id: string, message: string) {
  await visit(staff, `/dashboard/requests/${id}`);
  await staff.getByRole("button", { name: "Propose a new time" }).click();
  const dialog = staff.getByRole("dialog", { name: "Propose a new time" });
  await expect(dialog.getByRole("grid").locator('button[aria-label*="selected"]')).toHaveCount(1);
  await dialog.locator("[data-slot]").first().click();
  await dialog.getByLabel(/Message to the patient/).fill(message);
  await dialog.getByRole("button", { name: "Propose this time" }).click();
  await expect(dialog).toBeHidden();
}

/** A request with a proposed new time, its patient's page open on it; `proposed` is the new time as the page shows it. */
async function withProposal(request: APIRequestContext, signedIn: (email: string) => Promise<Page>, patient: Page, offset: number, name: string, message = "Dr. Raman is in surgery that morning.") {
  const booked = await book(request, { ...DOCTOR, offset, name });
  await propose(await signedIn("staff@demo.test"), booked.id, message);
  await visit(patient, booked.statusPath);
  const panel = patient.getByRole("region", { name: "The clinic proposed a new time" });
  await expect(panel.getByText("Proposed time", { exact: true })).toBeVisible();
  const proposed = (await panel.getByRole("definition").nth(1).innerText()).trim();
  return { booked, panel, proposed };
}

/** Declines the proposed time through the confirmation dialog. */
async function declineProposal(patient: Page) {
  await patient.getByRole("button", { name: "Decline new time" }).click();
  await patient.getByRole("dialog", { name: "Decline the proposed time?" }).getByRole("button", { name: "Yes, decline this time" }).click();
  await expect(patient.getByRole("region", { name: "You turned down the proposed time" })).toBeVisible();
}

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a proposal shows both times, the clinic's message and the time left to answer", async ({ page: patient, request, signedIn }) => {
    const booked = await book(request, { ...DOCTOR, offset: 10, name: "Noor Phone" });
    await visit(patient, booked.statusPath);
    const original = (await patient.locator("main header .tabular-nums").first().innerText()).trim();

    await propose(await signedIn("staff@demo.test"), booked.id, "Dr. Raman is in surgery that morning.");

    await reload(patient);
    await expect(patient.getByText("The clinic proposed a new time").first()).toBeVisible(); // the badge
    const panel = patient.getByRole("region", { name: "The clinic proposed a new time" });
    await expect(panel.getByRole("definition").first()).toHaveText(original);
    await expect(panel.getByText("Proposed time", { exact: true })).toBeVisible();
    const proposed = (await panel.getByRole("definition").nth(1).innerText()).trim();
    expect(proposed).not.toBe(original);
    await expect(patient.locator("main header")).toContainText(proposed);
    await expect(panel).toContainText("Dr. Raman is in surgery that morning.");
    await expect(panel).toContainText("Please answer by");
    await expect(panel).toContainText(TIME_LEFT);
    await noSidewaysScroll(patient);
    await expectNoAxeViolations(patient, "proposal", "all");
  });

  test("declining a proposed time asks first, naming the time", async ({ page: patient, request, signedIn }) => {
    const { proposed } = await withProposal(request, signedIn, patient, 17, "Dora Dialog");
    await patient.getByRole("button", { name: "Decline new time" }).click();
    const confirm = patient.getByRole("dialog", { name: "Decline the proposed time?" });
    await expect(confirm).toContainText(proposed);
    await expect(confirm.getByRole("button", { name: "Yes, decline this time" })).toBeVisible();
    await expectNoAxeViolations(patient, "decline dialog", "all");
  });

  test("after declining a proposed time no time is held and the page says the clinic will come back", async ({ page: patient, request, signedIn }) => {
    await withProposal(request, signedIn, patient, 24, "Hal Held");
    await declineProposal(patient);
    const waiting = patient.getByRole("region", { name: "You turned down the proposed time" });
    await expect(waiting).toContainText("The clinic will propose another time or get in touch with you.");
    await expect(waiting).toContainText(TIME_LEFT);
    await expect(patient.getByText("No time is held for you right now.")).toBeVisible();
    await expect(patient.getByText("Waiting for the clinic to review")).toBeVisible();
    await expect(patient.getByRole("button", { name: /Accept new time|Decline new time/ })).toHaveCount(0);
    await noSidewaysScroll(patient);
    await expectNoAxeViolations(patient, "no time held", "all");
  });

  test("a request whose proposed time was declined can still be cancelled", async ({ page: patient, request, signedIn }) => {
    await withProposal(request, signedIn, patient, 31, "Cleo Cancel");
    await declineProposal(patient);
    await patient.getByRole("button", { name: "Cancel request" }).click();
    await patient.getByRole("dialog", { name: "Cancel this request?" }).getByRole("button", { name: "Yes, cancel request" }).click();
    await expect(patient.getByRole("heading", { name: "You cancelled this request" })).toBeVisible();
    await expectNoAxeViolations(patient, "cancelled", "all");
  });
});

test("accepting a proposed time locks both buttons while it's sent", async ({ page: patient, request, signedIn }) => {
  const { booked } = await withProposal(request, signedIn, patient, 38, "Ari Accept", "Could you come a little later?");

  // Hold the server action until the buttons have been seen while it is in flight.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await patient.route(`**/appointments/${booked.id}`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  const accept = patient.getByRole("button", { name: "Accept new time" });
  await accept.click();
  await expect(accept).toHaveAttribute("aria-busy", "true");
  await expect(patient.getByRole("button", { name: "Decline new time" })).toBeDisabled();
  release();
  await expect(patient.getByRole("region", { name: "Approved — please pay $50.00" })).toBeVisible();
});

test("after accepting a proposed time, the page asks for $50.00 with the time left", async ({ page: patient, request, signedIn }) => {
  await withProposal(request, signedIn, patient, 45, "Abe Approved", "Could you come a little later?");
  await patient.getByRole("button", { name: "Accept new time" }).click();
  const pay = patient.getByRole("region", { name: "Approved — please pay $50.00" });
  await expect(pay).toBeVisible();
  await expect(patient.getByText("Approved — please pay to confirm")).toBeVisible(); // the badge
  await expect(pay).toContainText("Test payment (no real card)"); // the pay step (offline: the Stripe stand-in's form)
  await expect(pay).toContainText("We're holding the time until");
  await expect(pay).toContainText(TIME_LEFT);
  await expect(patient.getByText(/You accepted .+\./)).toBeVisible();
  await expectNoAxeViolations(patient, "approved", "all");
});

test("a stale tab that answers a proposal already accepted is told what happened", async ({ page: patient, request, signedIn }) => {
  const { booked } = await withProposal(request, signedIn, patient, 52, "Stan Stale", "Could you come a little later?");
  const stale = await patient.context().newPage(); // a second tab, opened before the answer
  await visit(stale, `/appointments/${booked.id}`);
  await expect(stale.getByRole("button", { name: "Decline new time" })).toBeVisible();

  await patient.getByRole("button", { name: "Accept new time" }).click();
  await expect(patient.getByRole("region", { name: "Approved — please pay $50.00" })).toBeVisible();

  await stale.getByRole("button", { name: "Decline new time" }).click();
  await stale.getByRole("dialog").getByRole("button", { name: "Yes, decline this time" }).click();
  // The refreshed page has no answer buttons left, so the error is a toast that stays until dismissed.
  await expect(stale.getByRole("region", { name: "Notifications" })).toContainText(
    "There is no proposed time to answer. This page now shows where your request stands.",
  );
  await expect(stale.getByRole("region", { name: "Approved — please pay $50.00" })).toBeVisible();
});

test("a declined request shows the clinic's reason", async ({ page: patient, request, signedIn }) => {
  const booked = await book(request, { ...DOCTOR, offset: 66, name: "Dee Declined" });
  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Decline", exact: true }).click();
  const dialog = staff.getByRole("dialog", { name: /Decline/ });
  await dialog.getByLabel("Reason for the patient").fill("Dr. Raman is fully booked;\nplease try Dr. Moreau.");
  await dialog.getByRole("button", { name: "Decline request" }).click();
  await expect(dialog).toBeHidden();

  await visit(patient, booked.statusPath);
  await expect(patient.getByText("Not accepted", { exact: true })).toBeVisible();
  const panel = patient.getByRole("region", { name: "The clinic couldn't accept this request" });
  await expect(panel.locator("blockquote")).toHaveText(/^Dr\. Raman is fully booked;\s+please try Dr\. Moreau\.$/);
  await expect(panel.getByRole("link", { name: "Book another time" })).toHaveAttribute("href", "/book/demo");
  await expect(patient.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  await expectNoAxeViolations(patient, "declined", "all");
});

test("a confirmed free visit downloads its .ics; without the link's cookie the file is a 404", async ({ browser, request, signedIn }) => {
  const booked: Booked = await book(request, { slug: "demo-free", doctorId: "dr-hannah-berg", offset: 5, name: "Cal Confirmed", phone: "+1 555 010 3333", reason: "Follow-up visit." });
  const staff = await signedIn("staff@free.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("The visit is confirmed").first()).toBeVisible();

  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 740 } });
  const patient = await context.newPage();
  await visit(patient, booked.statusPath);
  await expect(patient.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(patient.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible();
  await expectNoAxeViolations(patient, "confirmed", "all");
  const [download] = await Promise.all([patient.waitForEvent("download"), patient.getByRole("link", { name: "Add to calendar" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("Dr. Hannah Berg");

  const stranger = await request.get(`/appointments/${booked.id}/calendar`);
  expect(stranger.status()).toBe(404);
  expect(await stranger.text()).not.toContain("BEGIN:VCALENDAR");
  await context.close();
});
