import { Timestamp } from "firebase-admin/firestore";
import { expect, hydrated, signIn, test, visit, type APIRequestContext, type Page } from "./support/fixtures";
import { book, type Booked } from "./support/booking";
import { appNow } from "./support/clock";
import { runReminders, stackFirestore, warmStack } from "./support/stack";

// The patient's reminder on a new patient's path: booked through the public
// API, approved by staff@free.test (the free clinic confirms at once), then
// the app's own reminder sweep, run from the functions bundle as the
// scheduler (and the dev ticker) runs it; the patient reads the reminder in
// /dev/mailbox, with its .ics, and its link opens their confirmed visit.
// Dr. Hannah Berg's free times counted back from the end of the window: 9 and
// 13 (status-page-review.spec.ts takes 5).

const ZONE_LABEL = /CST, Chicago time|CDT, Chicago time/;

test.beforeAll(() => warmStack({ expiry: true }));

async function confirmedVisit(request: APIRequestContext, signedIn: (email: string) => Promise<Page>, offset: number, name: string): Promise<Booked> {
  const booked = await book(request, { slug: "demo-free", doctorId: "dr-hannah-berg", offset, name, phone: "+1 555 010 6060", reason: "Blood pressure check." });
  const staff = await signedIn("staff@free.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("Approved. The visit is confirmed and the patient has been told.")).toBeVisible();
  await staff.close();
  return booked;
}

/**
 * Test set-up only: the visit was confirmed three days ago and starts in three
 * hours (as if its day had come), so its 24-hour reminder is due now.
 * Written to the e2e stack's Firestore; the sweep's code paths are unchanged.
 */
async function letReminderFallDue(id: string): Promise<number> {
  const now = appNow();
  const start = Math.ceil((now + 3 * 3_600_000) / 900_000) * 900_000;
  await stackFirestore()
    .doc(`appointments/${id}`)
    .update({ start: Timestamp.fromMillis(start), end: Timestamp.fromMillis(start + 15 * 60_000), confirmedAt: Timestamp.fromMillis(now - 3 * 86_400_000) });
  return start;
}

for (const width of [360, 1280]) {
  test(`at ${width} px: a confirmed visit's reminder arrives once, with the time in the clinic's zone, the .ics and the link to the visit`, async ({ page, request, signedIn }) => {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });
    const name = width === 360 ? "Remy Reminded" : "Rita Reminded";
    const booked = await confirmedVisit(request, signedIn, width === 360 ? 9 : 13, name);
    const start = await letReminderFallDue(booked.id);

    // Twice, as two scheduler runs would: still one email.
    await runReminders();
    await runReminders();

    await visit(page, `/dev/mailbox?to=${encodeURIComponent(booked.email)}`);
    const reminder = page.getByRole("article").filter({ hasText: "a reminder of your visit" });
    await expect(reminder).toHaveCount(1);
    await expect(reminder.getByRole("heading", { name: /^Reminder: Dr\. Hannah Berg, / })).toBeVisible();
    await expect(reminder).toContainText(ZONE_LABEL);
    await expect(reminder).toContainText("Address: 8 Elm Street, Springfield, IL 62701.");
    await expect(reminder).toContainText("Cancellation: There is no fee: you can cancel until your visit starts, at no cost.");

    await reminder.getByText("Attachment: free-community-clinic-appointment.ics").click();
    const ics = reminder.locator("pre");
    await expect(ics).toContainText("BEGIN:VCALENDAR");
    await expect(ics).toContainText(`UID:${booked.id}@clinic-booking`);
    await expect(ics).toContainText(`DTSTART:${new Date(start).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    // The page fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const manage = reminder.getByRole("link", { name: new RegExp(`/appointments/${booked.id}\\?t=`) });
    await page.goto((await manage.getAttribute("href"))!);
    await hydrated(page);
    await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel my visit" })).toBeVisible();
  });
}

test("the reminder settings refuse a length out of range and save a valid one, on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page.context(), "admin@demo.test");
  await visit(page, "/dashboard/settings");
  const form = page.getByRole("form", { name: "Reminders" });
  const hours = form.getByLabel("Hours before the visit");
  await hours.fill("0");
  await form.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(form.getByText("Use 1 to 72.")).toBeVisible();
  await expect(hours).toHaveAttribute("aria-invalid", "true");
  // The demo clinic's defaults, saved as they are: other specs' reminders are unchanged.
  await hours.fill("24");
  await form.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByText("Reminder settings saved.").first()).toBeVisible();
  const clinic = (await stackFirestore().doc("clinics/clinic-demo").get()).data()!;
  expect(clinic).toMatchObject({ visitReminders: true, reminderHours: 24, doctorDayEmail: false });
});
