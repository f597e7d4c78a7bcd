import { expect, test, visit, type APIRequestContext, type Page } from "./support/fixtures";
import { book, type Booked } from "./support/booking";
import { localDate } from "./support/clock";
import { makeClinic, type NewClinic } from "./support/new-clinic";
import { stackFirestore, warmStack, WARM_UP_TIMEOUT_MS, warmStripeWebhook } from "./support/stack";

// A patient cancels their confirmed visit under the clinic's cancellation
// policy, on a new clinic's path, at 360 px and 1280 px: the admin sets the
// policy on the settings page; the status page, the confirmation email and its
// .ics say it in words before the patient pays; "Cancel my visit" asks first,
// quotes the refund that applies, cancels (the time free again, the visit off
// the schedule, the patient and the clinic emailed) and refunds what the
// policy gives back. Each test has a clinic of its own, so none races another
// for a time or a setting.

const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 800 },
] as const;

// 120 free hours: the first free time is always inside the window's late part, so
// the cancellation is late at any hour the suite runs (the longest gap to the
// first free time, a Friday evening to Monday morning, is under 72 hours).
const LATE_POLICY = { freeHours: 120, late: "keep_part", keepCents: 2000, movesWithoutReview: false };
const POLICY_WORDS = "Free cancellation up to 120 hours before your visit (full refund of $50.00); after that, the clinic keeps $20.00 and refunds the rest.";
const FREE_WORDS = "There is no fee: you can cancel until your visit starts, at no cost.";

async function clinicWith(prefix: string, fields: Record<string, unknown>): Promise<NewClinic> {
  const clinic = await makeClinic(prefix);
  // Written before any page of the clinic loads, like the rest of makeClinic.
  if (Object.keys(fields).length > 0) await stackFirestore().doc(`clinics/${clinic.clinicId}`).update(fields);
  return clinic;
}

/** The doctor's free times on the day of `start` (the clinic's date): the time is free again once the locks are gone. */
async function freeStartsOn(request: APIRequestContext, clinic: NewClinic, start: string): Promise<string[]> {
  const date = localDate(Date.parse(start), clinic.timezone);
  const response = await request.get(`/api/public/orgs/${clinic.slug}/doctors/${clinic.doctorId}/slots?from=${date}&to=${date}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
}

async function approve(signedIn: (email: string) => Promise<Page>, clinic: NewClinic, booked: Booked, message: string) {
  const admin = await signedIn(clinic.adminEmail);
  await visit(admin, `/dashboard/requests/${booked.id}`);
  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByText(message)).toBeVisible();
  await admin.close();
}

/**
 * A paid, confirmed visit at a new clinic with LATE_POLICY, on the patient's status page: booked through the
 * public API, approved by the admin, paid with the test card on the page (`beforePay` runs on the pay step).
 */
async function paidVisit(page: Page, request: APIRequestContext, signedIn: (email: string) => Promise<Page>, name: string, beforePay?: () => Promise<void>) {
  const clinic = await clinicWith("cancel-paid", { feeCents: 5000, cancellationPolicy: LATE_POLICY });
  const booked = await book(request, { slug: clinic.slug, doctorId: clinic.doctorId, from: "first", offset: 0, name });
  await approve(signedIn, clinic, booked, "Approved. The patient has been asked to pay.");
  await visit(page, booked.statusPath);
  await expect(page.getByRole("heading", { name: "Approved — please pay $50.00" })).toBeVisible();
  await beforePay?.();
  await page.getByLabel("Test card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $50.00" }).click();
  await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible();
  return { clinic, booked };
}

/** The dev mailbox of `to`, opened once; `one(subject)` is its one email with that subject. */
async function inbox(page: Page, to: string) {
  await visit(page, `/dev/mailbox?to=${encodeURIComponent(to)}`);
  return async (subject: RegExp) => {
    const found = page.getByRole("article").filter({ has: page.getByRole("heading", { name: subject }) });
    await expect(found).toHaveCount(1);
    return found;
  };
}

/** The mailbox's one email to `to` with `subject`. */
const mail = async (page: Page, to: string, subject: RegExp) => (await inbox(page, to))(subject);

/** An .ics property's text as a calendar reads it: folded lines joined, TEXT escapes undone. */
const unfoldIcs = (ics: string) => ics.replace(/\r?\n[ \t]/g, "").replace(/\\([,;\\])/g, "$1");

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const visitStatus = async (id: string) => (await stackFirestore().doc(`visits/${id}`).get()).get("status") as string;

test.beforeAll(async ({ playwright }) => {
  // The emulator's first load of stripeWebhook took more than the default 30 s on a loaded machine;
  // warmStripeWebhook waits up to 60 s for it, so this hook may too.
  test.setTimeout(WARM_UP_TIMEOUT_MS);
  await warmStack();
  const request = await playwright.request.newContext();
  await warmStripeWebhook(request);
  await request.dispose();
});

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width} px`;

  test(`at ${size}: an admin sets the cancellation policy; bad input is refused and saves nothing, and the form previews the patients' words`, async ({ signedIn }) => {
    const clinic = await clinicWith("cancel-policy", { feeCents: 5000 });
    const admin = await signedIn(clinic.adminEmail, { viewport });
    await visit(admin, "/dashboard/settings");
    const form = admin.getByRole("form", { name: "Cancellation policy" });
    const hours = form.getByLabel(/Free cancellation up to/);
    await hours.fill("two days");
    await form.getByRole("button", { name: "Save cancellation policy" }).click();
    await expect(form.getByText("Enter the hours as a whole number.")).toBeVisible();
    await expect(hours).toHaveAttribute("aria-invalid", "true");
    await hours.fill("120");
    await form.getByLabel("After that").selectOption({ label: "Keep part, refund the rest" });
    const kept = form.getByLabel("Amount kept (USD)");
    await kept.fill("0");
    await form.getByRole("button", { name: "Save cancellation policy" }).click();
    await expect(form.getByText('Enter more than 0, or choose "No refund".')).toBeVisible();
    expect((await stackFirestore().doc(`clinics/${clinic.clinicId}`).get()).get("cancellationPolicy")).toBeUndefined();

    await kept.fill("20");
    await expect(form.getByText(`Patients read: ${POLICY_WORDS}`)).toBeVisible();
    await form.getByRole("button", { name: "Save cancellation policy" }).click();
    await expect(admin.getByText("Cancellation policy saved.").first()).toBeVisible();
    expect((await stackFirestore().doc(`clinics/${clinic.clinicId}`).get()).get("cancellationPolicy")).toEqual(LATE_POLICY);
    expect(await fitsWidth(admin)).toBe(true);
  });

  test(`at ${size}: a paid visit says the policy in words before the patient pays, and in the confirmation email and its .ics`, async ({ page, request, signedIn }) => {
    await page.setViewportSize(viewport);
    const { booked } = await paidVisit(page, request, signedIn, "Paula Policy", async () => {
      await expect(page.getByRole("definition").filter({ hasText: POLICY_WORDS })).toBeVisible();
      expect(await fitsWidth(page)).toBe(true);
    });
    const one = await inbox(page, booked.email);
    await expect(await one(/^Approved — please pay to confirm: /)).toContainText(`Cancellation: ${POLICY_WORDS}`);
    const confirmed = await one(/^Confirmed: Dr\. Noor Haddad, /);
    await expect(confirmed).toContainText(`Cancellation: ${POLICY_WORDS} You can cancel your visit from your status page.`);
    await confirmed.getByText(/^Attachment: .*\.ics$/).click();
    expect(unfoldIcs((await confirmed.locator("pre").textContent()) ?? "")).toContain(`Cancellation: ${POLICY_WORDS}`);
  });

  test(`at ${size}: a late cancel of a paid visit asks first, quotes the partial refund, keeps part and refunds the rest after the commit`, async ({ page, request, signedIn }) => {
    await page.setViewportSize(viewport);
    const { clinic, booked } = await paidVisit(page, request, signedIn, "Lena Late");
    // The cancel asks first and quotes the late refund.
    await page.getByRole("button", { name: "Cancel my visit" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel your visit?" });
    const quote = "Under the clinic's cancellation policy, the clinic keeps $20.00 and refunds $30.00 to the card you paid with.";
    await expect(dialog.getByTestId("cancel-refund")).toHaveText(quote);
    expect(await fitsWidth(page)).toBe(true);
    await dialog.getByRole("button", { name: "Yes, cancel my visit" }).click();
    await expect(page.getByRole("heading", { name: "You cancelled this visit" })).toBeVisible();
    await expect(page.getByText(/^Of your \$50\.00 payment, \$30\.00 (is being refunded|was refunded) .*the clinic keeps \$20\.00 under its cancellation policy\.$/)).toBeVisible();

    // After the commit: $30.00 back at Stripe (the stand-in's refund, recorded by the webhook).
    await expect
      .poll(async () => (await stackFirestore().doc(`appointments/${booked.id}`).get()).get("payment"), { timeout: 15_000 })
      .toMatchObject({ status: "refunded", refundedCents: 3000 });
    expect(await visitStatus(booked.id)).toBe("cancelled");
    expect(await freeStartsOn(request, clinic, booked.start)).toContain(booked.start);

    const toPatient = await mail(page, booked.email, /^Your visit was cancelled: /);
    await expect(toPatient).toContainText(`${quote} Refunds take 5–10 business days to appear.`);
    await expect(toPatient).toContainText(`The clinic's policy: ${POLICY_WORDS}`);
    const toClinic = await mail(page, `desk-${clinic.slug}@example.com`, /^Lena Late cancelled their visit: /);
    await expect(toClinic).toContainText("They paid $50.00. Under your cancellation policy you keep $20.00 and $30.00 is refunded to them.");
  });

  test(`at ${size}: a free visit's cancel asks first, releases the time, takes the visit off the schedule and tells the patient and the clinic`, async ({ page, request, signedIn }) => {
    await page.setViewportSize(viewport);
    const clinic = await clinicWith("cancel-free", {});
    const booked = await book(request, { slug: clinic.slug, doctorId: clinic.doctorId, from: "first", offset: 1, name: "Fern Free" });
    await approve(signedIn, clinic, booked, "Approved. The visit is confirmed and the patient has been told.");
    expect(await freeStartsOn(request, clinic, booked.start)).not.toContain(booked.start);

    const confirmed = await mail(page, booked.email, /^Confirmed: Dr\. Noor Haddad, /);
    await expect(confirmed).toContainText(`Cancellation: ${FREE_WORDS}`);
    await visit(page, (await confirmed.getByRole("link", { name: /\/appointments\/.*\?t=/ }).first().getAttribute("href"))!);
    await expect(page.getByRole("definition").filter({ hasText: FREE_WORDS })).toBeVisible();
    await expect(page.getByText(/If you can't make it, cancel your visit below, or contact the clinic at/)).toBeVisible();

    await page.getByRole("button", { name: "Cancel my visit" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel your visit?" });
    await expect(dialog).toContainText("will be released for other patients. This can't be undone.");
    // Nothing was paid: no refund line.
    await expect(dialog.getByTestId("cancel-refund")).toHaveCount(0);
    expect(await fitsWidth(page)).toBe(true);
    // Keeping the visit changes nothing.
    await dialog.getByRole("button", { name: "Keep my visit" }).click();
    await expect(dialog).toBeHidden();
    expect(await visitStatus(booked.id)).toBe("scheduled");
    await page.getByRole("button", { name: "Cancel my visit" }).click();
    await dialog.getByRole("button", { name: "Yes, cancel my visit" }).click();
    await expect(page.getByText("Your visit was cancelled and the time released.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "You cancelled this visit" })).toBeVisible();
    // Still the visit it was, not a request.
    await expect(page.getByRole("heading", { level: 1, name: "Your visit with Dr. Noor Haddad" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel my visit" })).toHaveCount(0);
    expect(await fitsWidth(page)).toBe(true);

    expect(await visitStatus(booked.id)).toBe("cancelled");
    expect(await freeStartsOn(request, clinic, booked.start)).toContain(booked.start);
    const toPatient = await mail(page, booked.email, /^Your visit was cancelled: /);
    await expect(toPatient).not.toContainText("refund");
    await mail(page, `desk-${clinic.slug}@example.com`, /^Fern Free cancelled their visit: /);
  });
}
