import { Timestamp } from "firebase-admin/firestore";
import { expect, expectNoAxeViolations, reload, test, visit, type APIRequestContext, type Page, type Route } from "./support/fixtures";
import { book, type Booked } from "./support/booking";
import { appNow, localDate } from "./support/clock";
import { stackFirestore, warmStack, WARM_UP_TIMEOUT_MS, warmStripeWebhook } from "./support/stack";

// The doctor's schedule: a visit confirmed on the free clinic (booked through
// the public API, approved by staff@free.test) appears in Dr. Mei Lin's
// schedule; she writes a note that autosaves and survives a reload; once the
// visit's time has come she marks it completed and the history says so.
// Each test sets up its own visit; bookings count back from the end of the
// bookable window, each test at its own offset, so parallel tests never race
// for one time: Dr. Mei Lin 2, 5, 8, 11, 14, 17, 20, 23; Dr. Amara Okafor 48
// (review.spec.ts takes 0–28 of hers, payment.spec.ts 32–42).

const ZONE = "America/Chicago"; // the free clinic's
const NOTE_SAVED = /^Saved$/;

/** Books with Dr. Mei Lin and has staff approve (the free clinic confirms at once): a scheduled visit. */
async function confirmedVisit(request: APIRequestContext, signedIn: (email: string) => Promise<Page>, offset: number, name: string): Promise<Booked> {
  const booked = await book(request, { slug: "demo-free", doctorId: "dr-mei-lin", offset, name, phone: "+1 555 010 4444", reason: "Annual check-up." });
  const staff = await signedIn("staff@free.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("Approved. The visit is confirmed and the patient has been told.")).toBeVisible();
  await staff.close();
  return booked;
}

/**
 * Test set-up only: moves the visit's time to the last half hour on the app's
 * clock, as if its day had come (the app refuses an outcome before the
 * start). Written to the e2e stack's Firestore directly; the app's code paths
 * are unchanged.
 */
async function letVisitTimeCome(visitId: string) {
  const now = appNow();
  await stackFirestore().doc(`visits/${visitId}`).update({ start: Timestamp.fromMillis(now - 30 * 60_000), end: Timestamp.fromMillis(now) });
}

// firebase-admin's first call to the stack's Firestore (letVisitTimeCome) is slow: made before the tests.
test.beforeAll(() => warmStack());

/** Server actions (the notes' saves) fail as if the server couldn't be reached; everything else goes through. */
const failingSaves = (route: Route) => (route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.continue());

test("the doctor's schedule opens on today, from the dashboard, and has no axe violations", async ({ signedIn }) => {
  const doctor = await signedIn("doctor@free.test");
  await visit(doctor, "/dashboard");
  await doctor.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Schedule" }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expect(doctor.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "date");
  await expectNoAxeViolations(doctor, "schedule, today");
});

test("a confirmed visit is on its day in the doctor's schedule and in the week view, which leads to the visit; no axe violations", async ({ request, signedIn }) => {
  const booked = await confirmedVisit(request, signedIn, 2, "Sally Schedule");
  const doctor = await signedIn("doctor@free.test");
  await visit(doctor, `/dashboard/schedule?date=${localDate(Date.parse(booked.start), ZONE)}`);
  const row = doctor.getByRole("link", { name: /Sally Schedule/ });
  await expect(row).toContainText("Annual check-up.");
  await expect(doctor.getByRole("link", { name: "Week" })).toBeVisible();
  await expectNoAxeViolations(doctor, "schedule, the visit's day");
  await doctor.getByRole("link", { name: "Week" }).click();
  await expect(doctor.getByRole("link", { name: /Sally Schedule/ })).toBeVisible();
  await doctor.getByRole("link", { name: /Sally Schedule/ }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "Sally Schedule" })).toBeVisible();
});

test("on the visit's page the doctor's note autosaves and stays after a reload; no axe violations", async ({ request, signedIn }) => {
  const booked = await confirmedVisit(request, signedIn, 5, "Sam Saved");
  const doctor = await signedIn("doctor@free.test");
  await visit(doctor, `/dashboard/schedule/${booked.id}`);
  await expect(doctor.getByRole("heading", { level: 1, name: "Sam Saved" })).toBeVisible();
  await expect(doctor.getByText("No fee")).toBeVisible();
  await expect(doctor.getByText("You can mark the visit completed or a no-show once its start time has come.")).toBeVisible();
  await doctor.getByLabel("Visit notes").fill("Blood pressure 120/80. Follow up in a year.");
  await expect(doctor.getByRole("status").filter({ hasText: NOTE_SAVED })).toBeVisible();
  await expectNoAxeViolations(doctor, "visit page");
  await reload(doctor);
  await expect(doctor.getByLabel("Visit notes")).toHaveValue("Blood pressure 120/80. Follow up in a year.");
});

test("before its outcome, a confirmed visit's request page offers Propose a new time and Cancel appointment", async ({ request, signedIn }) => {
  const booked = await confirmedVisit(request, signedIn, 8, "Bea Before");
  const doctor = await signedIn("doctor@free.test");
  await visit(doctor, `/dashboard/requests/${booked.id}`);
  await expect(doctor.getByRole("button", { name: "Propose a new time" })).toBeVisible();
  await expect(doctor.getByRole("button", { name: "Cancel appointment" })).toBeVisible();
});

test("once its time has come the doctor marks the visit completed; staff then see the note read-only and the request can't be moved or cancelled", async ({
  request,
  signedIn,
}) => {
  const booked = await confirmedVisit(request, signedIn, 11, "Carl Completed");
  const doctor = await signedIn("doctor@free.test");
  await visit(doctor, `/dashboard/schedule/${booked.id}`);
  await doctor.getByLabel("Visit notes").fill("Blood pressure 120/80. Follow up in a year.");
  await expect(doctor.getByRole("status").filter({ hasText: NOTE_SAVED })).toBeVisible();

  await letVisitTimeCome(booked.id);
  await reload(doctor);
  await doctor.getByRole("button", { name: "Mark completed" }).click();
  await expect(doctor.getByRole("listitem").filter({ hasText: "marked the visit completed" })).toContainText("Dr. Mei Lin");
  await expect(doctor.getByText("Completed", { exact: true }).first()).toBeVisible();
  await expect(doctor.getByRole("button", { name: "Mark completed" })).toHaveCount(0);

  // Staff see the visit and its note, read-only.
  const staff = await signedIn("staff@free.test");
  await visit(staff, `/dashboard/schedule/${booked.id}`);
  await expect(staff.getByText("Blood pressure 120/80. Follow up in a year.")).toBeVisible();
  await expect(staff.getByLabel("Visit notes")).toHaveCount(0);
  await expect(staff.getByText("Only the visit's doctor or an admin can edit these notes.")).toBeVisible();
  // A visit that took place can't be moved or cancelled: the request page offers neither.
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await expect(staff.getByText("Nothing to decide: this request is settled.")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Propose a new time" })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Cancel appointment" })).toHaveCount(0);
});

test("a bad schedule link says what was wrong", async ({ signedIn }) => {
  const staff = await signedIn("staff@free.test");
  await visit(staff, "/dashboard/schedule?view=month");
  await expect(staff.getByText("The view must be day or week. Showing today instead.")).toBeVisible();
  await visit(staff, "/dashboard/schedule?doctor=dr-nobody");
  await expect(staff.getByText("That doctor isn't in your clinic. Showing the first doctor instead.")).toBeVisible();
});

test("staff pick a doctor; the schedule and the visit fit a 360 px phone (no axe violations); the week shows it on a desk", async ({ request, signedIn }) => {
  const booked = await confirmedVisit(request, signedIn, 14, "Pablo Phone");
  const day = localDate(Date.parse(booked.start), ZONE);
  const staff = await signedIn("staff@free.test", { viewport: { width: 360, height: 740 } });
  await visit(staff, `/dashboard/schedule?date=${day}`);
  await staff.getByLabel("Doctor", { exact: true }).selectOption("dr-mei-lin");
  await staff.getByRole("button", { name: "Show schedule" }).click();
  await expect(staff.getByRole("link", { name: /Pablo Phone/ })).toBeVisible();
  const overflow = await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(staff, "schedule at 360 px");
  if (process.env.SCHEDULE_SHOTS) await staff.screenshot({ path: `${process.env.SCHEDULE_SHOTS}/schedule-360.png`, fullPage: true });
  await staff.getByRole("link", { name: /Pablo Phone/ }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Pablo Phone" })).toBeVisible();
  expect(await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  if (process.env.SCHEDULE_SHOTS) await staff.screenshot({ path: `${process.env.SCHEDULE_SHOTS}/visit-360.png`, fullPage: true });
  await staff.setViewportSize({ width: 1280, height: 800 });
  await visit(staff, `/dashboard/schedule?view=week&date=${day}&doctor=dr-mei-lin`);
  await expect(staff.getByRole("link", { name: /Pablo Phone/ })).toBeVisible();
  if (process.env.SCHEDULE_SHOTS) await staff.screenshot({ path: `${process.env.SCHEDULE_SHOTS}/week-1280.png`, fullPage: true });
});

test.describe("visit notes", () => {
  const status = (page: Page) => page.getByRole("status").filter({ hasText: /^(Saved|Saving…|Not saved — retrying)$/ });
  const draft = (page: Page, id: string) => page.evaluate((visitId) => sessionStorage.getItem(`visit-notes:${visitId}`), id);

  test("a failed save keeps the text (in the box and in sessionStorage) and is retried until it is saved", async ({ request, signedIn }) => {
    const booked = await confirmedVisit(request, signedIn, 17, "Nina Notes");
    const doctor = await signedIn("doctor@free.test");
    await visit(doctor, `/dashboard/schedule/${booked.id}`);

    // The server can't be reached: the text stays in the box and in sessionStorage, and the save is retried.
    await doctor.route("**/dashboard/schedule/**", failingSaves);
    await doctor.getByLabel("Visit notes").fill("Typed while offline.");
    await expect(status(doctor)).toHaveText("Not saved — retrying");
    await expect(doctor.getByLabel("Visit notes")).toHaveValue("Typed while offline.");
    expect(await draft(doctor, booked.id)).toContain("Typed while offline.");
    await doctor.unroute("**/dashboard/schedule/**", failingSaves);
    // The retry waits 2 s, then 4, 8, 15, 30 (notes-editor.tsx); move the page's clock past the longest
    // wait instead of sleeping through it: the pending retry runs now, on a busy machine too.
    await doctor.clock.fastForward(30_000);
    await expect(status(doctor)).toHaveText("Saved");
    expect(await draft(doctor, booked.id)).toBeNull();
  });

  test("a save racing another tab is refused, says who changed the notes, keeps the local text, and can save over theirs", async ({ request, signedIn }) => {
    const booked = await confirmedVisit(request, signedIn, 20, "Rita Race");
    const doctor = await signedIn("doctor@free.test");
    const other = await doctor.context().newPage(); // a second tab, opened before the first one saves
    await Promise.all([visit(doctor, `/dashboard/schedule/${booked.id}`), visit(other, `/dashboard/schedule/${booked.id}`)]);

    // The first tab saves; the second tab's save is then refused and its text kept.
    await doctor.getByLabel("Visit notes").fill("Tab one's longer note.");
    await expect(status(doctor)).toHaveText("Saved");
    await other.getByLabel("Visit notes").fill("Tab two's note.");
    await expect(other.getByRole("alert").filter({ hasText: "These notes were changed elsewhere (Dr. Mei Lin at" })).toBeVisible();
    await expect(other.getByLabel("Visit notes")).toHaveValue("Tab two's note.");
    await other.getByRole("button", { name: "Save mine over theirs" }).click();
    await expect(other.getByRole("status").filter({ hasText: NOTE_SAVED })).toBeVisible();
    await reload(doctor);
    await expect(doctor.getByLabel("Visit notes")).toHaveValue("Tab two's note.");
  });

  test("leaving with text the server doesn't have asks first, and staying keeps the text", async ({ request, signedIn }) => {
    const booked = await confirmedVisit(request, signedIn, 23, "Lea Leaving");
    const doctor = await signedIn("doctor@free.test");
    await visit(doctor, `/dashboard/schedule/${booked.id}`);
    await doctor.route("**/dashboard/schedule/**", failingSaves);
    await doctor.getByLabel("Visit notes").fill("Unsaved when leaving.");
    await expect(status(doctor)).toHaveText("Not saved — retrying");
    const dialog = doctor.waitForEvent("dialog");
    await doctor.close({ runBeforeUnload: true });
    expect((await dialog).type()).toBe("beforeunload");
    await (await dialog).dismiss();
    await expect(doctor.getByLabel("Visit notes")).toHaveValue("Unsaved when leaving.");
  });
});

test.describe("paid", () => {
  // The webhook's first delivery would otherwise wait for the emulator to load the function (stack.ts).
  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(WARM_UP_TIMEOUT_MS);
    const request = await playwright.request.newContext();
    await warmStripeWebhook(request, 1);
    await request.dispose();
  });

test("the whole way: book → approve → pay with the test card → the visit is in the doctor's schedule, paid → a note → completed", async ({ page, request, signedIn }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-amara-okafor", offset: 48, name: "Walter Wholeway", phone: "+1 555 010 4545", reason: "Knee pain." });

  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("Approved. The patient has been asked to pay.")).toBeVisible();
  await staff.close();

  await visit(page, booked.statusPath);
  await page.getByLabel("Test card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $50.00" }).click();
  await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible();

  const doctor = await signedIn("doctor@demo.test");
  await visit(doctor, `/dashboard/schedule?view=week&date=${localDate(Date.parse(booked.start), "America/New_York")}`);
  await doctor.getByRole("link", { name: /Walter Wholeway/ }).click();
  await expect(doctor.getByText("Paid $50.00")).toBeVisible();
  await doctor.getByLabel("Visit notes").fill("Mild strain. Rest and ice.");
  await expect(doctor.getByRole("status").filter({ hasText: NOTE_SAVED })).toBeVisible();
  await letVisitTimeCome(booked.id);
  await reload(doctor);
  await doctor.getByRole("button", { name: "Mark completed" }).click();
  await expect(doctor.getByRole("listitem").filter({ hasText: "marked the visit completed" })).toContainText("Dr. Amara Okafor");
  await expect(doctor.getByLabel("Visit notes")).toHaveValue("Mild strain. Rest and ice.");
});
});
