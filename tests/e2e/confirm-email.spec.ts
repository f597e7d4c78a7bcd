import { FieldValue } from "firebase-admin/firestore";
import { book, unique } from "./support/booking";
import { expect, expectNoAxeViolations, hydrated, test, type Page } from "./support/fixtures";
import { stackFirestore } from "./support/stack";

// A clinic that asks patients to confirm their email: the request waits for
// the link in the email, whose one button sends it to the clinic, with
// JavaScript and without. The clinic is made for this file (no seeded clinic
// asks for confirmation, and changing one would change every other spec).

const slug = `confirm-${unique()}`;
const clinicId = `clinic-${slug}`;
const doctorId = "dr-ines-duarte";
const weekdays = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
};

// Made once per worker. With fullyParallel a worker that returns to this file
// after other files runs this hook again, with this module (and so this slug)
// already loaded: creating the clinic twice would fail with ALREADY_EXISTS.
let made = false;

test.beforeAll(async () => {
  if (made) return;
  made = true;
  const db = stackFirestore();
  const now = FieldValue.serverTimestamp();
  await db.doc(`slugs/${slug}`).create({ clinicId });
  await db.doc(`clinics/${clinicId}`).create({
    slug,
    name: "Confirm-First Clinic",
    description: "Asks patients to confirm their email before a request reaches staff.",
    address: "1 Harbour Road, Portland, ME 04101",
    phone: "+1 (207) 555-0100",
    email: "desk@confirm-first.test",
    timezone: "America/New_York",
    feeCents: 0,
    currency: "USD",
    requireEmailConfirmation: true,
    createdAt: now,
    updatedAt: now,
  });
  const schedule = { weeklyHours: weekdays("09:00", "17:00"), slotMinutes: 30, bufferMinutes: 0, minNoticeHours: 2, horizonDays: 60, dateOverrides: {} };
  await db.doc(`clinics/${clinicId}/doctors/${doctorId}`).create({ name: "Dr. Inês Duarte", specialty: "General practice", bio: "", slug: doctorId, active: true, schedule, createdAt: now, updatedAt: now });
  await db.doc(`clinics/${clinicId}/doctorSlugs/${doctorId}`).create({ doctorId, createdAt: now });
});

/** Books a time and opens the "please confirm" email's button link; the request is not yet sent to the clinic. */
async function openConfirmLink(page: Page, offset: number) {
  const email = `confirm-${unique()}@example.com`;
  const booked = await book(page.request, { slug, doctorId, offset, from: "first", email });
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const mail = page.getByRole("article").filter({ hasText: "please confirm your request" });
  await expect(mail).toHaveCount(1);
  await page.goto((await mail.getByRole("link", { name: /\/confirm\?t=/ }).getAttribute("href")) ?? "");
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your request" })).toBeVisible();
  return booked;
}

test("on a 360 px phone: the email's link confirms the request, which then waits for the clinic; no axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const booked = await openConfirmLink(page, 0);
  await hydrated(page);
  await expectNoAxeViolations(page, "the confirm page", "all");
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page).toHaveURL(new RegExp(`/appointments/${booked.id}`));
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the confirm button posts and lands on the request, waiting for the clinic", async ({ page }) => {
    const booked = await openConfirmLink(page, 2);
    await page.getByRole("button", { name: "Confirm my request" }).click();
    await page.waitForURL(new RegExp(`/appointments/${booked.id}`));
    await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();
  });
});
