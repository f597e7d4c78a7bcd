import { expect, test, visit, type Page } from "./support/fixtures";
import { book, type Booked } from "./support/booking";
import { localDate } from "./support/clock";
import { makeClinic, type NewClinic } from "./support/new-clinic";
import { stackFirestore, warmStack } from "./support/stack";

// A new patient's path to another time: book (a free clinic of the test's own,
// so no other spec races for its times or its settings) → the clinic approves →
// the patient moves the visit from their status page → the clinic approves the
// move (or, where the clinic allows it inside the free window, it moves at
// once) → the doctor's schedule shows the new time. On a phone and on a desk.
// Emails are checked in the dev mailbox.

test.beforeAll(() => warmStack());

const VIEWPORTS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desk", width: 1280, height: 900 },
] as const;

const clockTime = (iso: string, zone: string) => new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone }).format(new Date(iso));

/** Booked near the end of the doctor's window (well before any free-cancellation cutoff) and approved by the clinic's admin. */
async function confirmedVisit(page: Page, clinic: NewClinic, signedIn: (email: string, options?: object) => Promise<Page>, viewport: object): Promise<Booked> {
  const booked = await book(page.request, { slug: clinic.slug, doctorId: clinic.doctorId, offset: 3, name: "Mo Mover", reason: "Knee pain." });
  const admin = await signedIn(clinic.adminEmail, { viewport });
  await visit(admin, `/dashboard/requests/${booked.id}`);
  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByText("Approved. The visit is confirmed and the patient has been told.")).toBeVisible();
  await admin.close();
  return booked;
}

/** On the patient's open status page: opens "Move to another time", picks the first free time shown, and sends it. Returns that time. */
async function moveToFirstFreeTime(patient: Page, button: RegExp): Promise<string> {
  await patient.getByRole("button", { name: "Move to another time" }).click();
  const section = patient.getByRole("region", { name: "Choose a new time" });
  const slot = section.locator("[data-slot]").first();
  await expect(slot).toBeVisible();
  const start = (await slot.getAttribute("data-slot"))!;
  await slot.click();
  await expect(section.getByRole("button", { name: button })).toBeEnabled();
  await patient.screenshot({ path: test.info().outputPath(`move-picker-${patient.viewportSize()?.width}.png`), fullPage: true });
  await section.getByRole("button", { name: button }).click();
  return start;
}

async function mailSubjects(page: Page, email: string): Promise<string> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  return page.locator("main").innerText();
}

async function expectOnSchedule(doctor: Page, clinic: NewClinic, booked: Booked, newStart: string) {
  await visit(doctor, `/dashboard/schedule?date=${localDate(Date.parse(newStart), clinic.timezone)}`);
  await expect(doctor.getByRole("link", { name: /Mo Mover/ })).toContainText(clockTime(newStart, clinic.timezone));
  await visit(doctor, `/dashboard/schedule?date=${localDate(Date.parse(booked.start), clinic.timezone)}`);
  await expect(doctor.getByRole("link", { name: /Mo Mover/ })).toHaveCount(0);
}

for (const viewport of VIEWPORTS) {
  test(`${viewport.name}: the patient asks to move, the clinic approves, the schedule shows the new time`, async ({ page: patient, signedIn }) => {
    // One journey across three people's pages (patient, clinic, doctor): more page loads than one step's budget.
    test.slow();
    await patient.setViewportSize(viewport);
    const clinic = await makeClinic("move");
    const booked = await confirmedVisit(patient, clinic, signedIn, viewport);

    await visit(patient, booked.statusPath);
    await expect(patient.getByText("We hold the new time for you and keep your current time until the clinic approves the move.")).toBeVisible();
    const newStart = await moveToFirstFreeTime(patient, /^Ask to move to /);
    const waiting = patient.getByRole("region", { name: "Move waiting for the clinic" });
    await expect(waiting).toBeVisible();
    await expect(patient.getByText("Confirmed — move waiting for the clinic")).toBeVisible();
    await patient.screenshot({ path: test.info().outputPath(`move-waiting-${viewport.name}.png`), fullPage: true });

    const admin = await signedIn(clinic.adminEmail, { viewport });
    await visit(admin, "/dashboard/requests");
    await expect(admin.getByRole("link", { name: "Mo Mover" })).toBeVisible();
    await visit(admin, `/dashboard/requests/${booked.id}`);
    await expect(admin.getByTestId("move-to")).toBeVisible();
    await admin.screenshot({ path: test.info().outputPath(`move-review-${viewport.name}.png`), fullPage: true });
    await admin.getByRole("button", { name: "Approve move" }).click();
    await expect(admin.getByText("Move approved. The visit is at its new time and the patient has been told.")).toBeVisible();

    const doctor = await signedIn(clinic.doctorEmail, { viewport });
    await expectOnSchedule(doctor, clinic, booked, newStart);

    await visit(patient, new URL(patient.url()).pathname);
    await expect(patient.getByRole("region", { name: "Move waiting for the clinic" })).toHaveCount(0);
    await expect(patient.getByText(clockTime(newStart, clinic.timezone), { exact: false }).first()).toBeVisible();
    const inbox = await mailSubjects(patient, booked.email);
    expect(inbox).toContain("We asked the clinic to move your visit to");
    expect(inbox).toContain("Moved: Dr. Noor Haddad");
  });

  test(`${viewport.name}: where the clinic allows it, the move inside the free window is confirmed at once`, async ({ page: patient, signedIn }) => {
    await patient.setViewportSize(viewport);
    const clinic = await makeClinic("swap");
    await stackFirestore().doc(`clinics/${clinic.clinicId}`).update({ cancellationPolicy: { freeHours: 24, late: "no_refund", keepCents: 0, movesWithoutReview: true } });
    const booked = await confirmedVisit(patient, clinic, signedIn, viewport);

    await visit(patient, booked.statusPath);
    await expect(patient.getByText("Your new time is confirmed at once and your old time released.")).toBeVisible();
    const newStart = await moveToFirstFreeTime(patient, /^Move to /);
    await expect(patient.getByText("Your visit has moved.")).toBeVisible();
    await expect(patient.getByRole("region", { name: "Move waiting for the clinic" })).toHaveCount(0);
    await expect(patient.getByText("Confirmed", { exact: true })).toBeVisible();
    await patient.screenshot({ path: test.info().outputPath(`moved-at-once-${viewport.name}.png`), fullPage: true });

    const doctor = await signedIn(clinic.doctorEmail, { viewport });
    await expectOnSchedule(doctor, clinic, booked, newStart);
    const inbox = await mailSubjects(patient, booked.email);
    expect(inbox).toContain("Moved: Dr. Noor Haddad");
    expect(inbox).not.toContain("We asked the clinic to move");
  });
}
