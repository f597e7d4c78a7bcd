import { addDays, appNow, calendarLabel, localDate as localDateIn, weekday } from "./support/clock";
import { expect, expectNoAxeViolations, signIn, test, visit, type APIRequestContext, type Page } from "./support/fixtures";

// The availability editor against the demo seed: Dr. Amara Okafor (doctor@demo.test)
// works weekdays 09:00–12:00 and 13:00–17:00 New York time, 30-minute visits
// plus a 10-minute buffer, 2 hours' notice, 60 days ahead.
//
// Other specs book this doctor's first free times while this runs, so the
// changes here are chosen not to move anyone's first free time (an hour added
// at the end of Mondays, a Thursday five weeks out closed), the checks allow
// for times booked meanwhile, and the test puts everything back before it ends.
// The tests in this file change the same schedule, so they run one at a time.
test.describe.configure({ mode: "serial" });

const ZONE = "America/New_York";
const SLOTS = "/api/public/orgs/demo/doctors/dr-amara-okafor/slots";
const SAVED = "Hours saved. Patients see the new times from now on.";

// ---- dates in the clinic's zone, relative to today

const localDate = (ms: number) => localDateIn(ms, ZONE);
const localTime = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(Date.parse(iso));
/** The first date at least `minDays` after today that falls on `day` (0 = Sunday). */
function upcoming(day: number, minDays: number): string {
  let date = addDays(localDate(appNow()), minDays);
  while (weekday(date) !== day) date = addDays(date, 1);
  return date;
}

const MONDAY = upcoming(1, 14); // clear of the notice, and of the days other specs book first
const THURSDAY = upcoming(4, 35); // inside the 60-day horizon

async function slotTimes(request: APIRequestContext, date: string): Promise<string[]> {
  const response = await request.get(`${SLOTS}?from=${date}&to=${date}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = (await response.json()) as { timezone: string; slots: { start: string }[] };
  expect(body.timezone).toBe(ZONE);
  return body.slots.map((s) => localTime(s.start));
}

async function openEditor(page: Page, email = "doctor@demo.test") {
  await signIn(page.context(), email);
  await visit(page, "/dashboard/availability");
  await expect(page.getByRole("heading", { level: 1, name: "Availability" })).toBeVisible();
}

/** The editor is hydrated (typing before that would be lost). */
async function editorReady(page: Page) {
  await expect(page.locator("form[data-ready]")).toHaveCount(1);
}

async function pickDay(page: Page, date: string) {
  const day = page.getByRole("button", { name: new RegExp(`^(Today, )?${calendarLabel(date, { year: true })}`) });
  for (let i = 0; i < 3 && !(await day.isVisible()); i++) await page.getByRole("button", { name: "Next month" }).click();
  await day.click();
}

const SEED_MONDAY = ["09:00", "09:40", "10:20", "11:00", "13:00", "13:40", "14:20", "15:00", "15:40", "16:20"];

/** Monday's free times are the seed's (less any booked by a parallel spec), plus `extra`. */
async function expectMonday(request: APIRequestContext, extra: string[]) {
  const times = await slotTimes(request, MONDAY);
  for (const time of extra) expect(times).toContain(time);
  expect(times.filter((t) => !extra.includes(t)).every((t) => SEED_MONDAY.includes(t))).toBe(true);
  if (extra.length === 0) expect(times).not.toContain("17:00");
}

test("a doctor changes Monday's hours and closes a day; the public slots show it on the next load", async ({ page, request }) => {
  await expectMonday(request, []);
  expect((await slotTimes(request, THURSDAY)).length).toBeGreaterThan(0);

  await openEditor(page);
  await editorReady(page);
  await expect(page.getByText("All changes saved")).toBeVisible();

  // Mondays now end at 6 PM.
  await page.getByLabel("Monday, hours 2, until").fill("18:00");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // Close the Thursday, with a note.
  await pickDay(page, THURSDAY);
  await page.getByRole("button", { name: "Close this day" }).click();
  await page.getByLabel("Note").fill("Conference");
  const comingUp = page.getByRole("listitem").filter({ hasText: "Conference" });
  await expect(comingUp).toContainText("Closed");

  const save = page.getByRole("button", { name: "Save changes" });
  await save.click();
  await expect(page.getByText(SAVED)).toBeVisible();
  await expect(page.getByText("All changes saved")).toBeVisible();

  await expectMonday(request, ["17:00"]);
  expect(await slotTimes(request, THURSDAY)).toEqual([]);
  // The Thursday before keeps its weekly hours.
  expect((await slotTimes(request, addDays(THURSDAY, -7))).length).toBeGreaterThan(0);

  // After a reload the editor shows what was saved.
  await page.reload();
  await editorReady(page);
  await expect(page.getByLabel("Monday, hours 2, until")).toHaveValue("18:00");
  await expect(page.getByRole("listitem").filter({ hasText: "Conference" })).toBeVisible();

  // Put it back: the override removed, Monday ends at 5 PM again.
  await page.getByRole("button", { name: new RegExp(`^Remove the change on `) }).click();
  await page.getByLabel("Monday, hours 2, until").fill("17:00");
  await save.click();
  await expect(page.getByText(SAVED).first()).toBeVisible();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await expectMonday(request, []);
  expect((await slotTimes(request, THURSDAY)).length).toBeGreaterThan(0);
});

test("an end before the start is explained beside the field, and nothing is saved", async ({ page, request }) => {
  const before = await slotTimes(request, MONDAY);
  await openEditor(page);
  await editorReady(page);
  const actions: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
  });

  const end = page.getByLabel("Monday, hours 1, until");
  await end.fill("08:00");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  const message = page.locator(`#${await end.getAttribute("aria-describedby")}`);
  await expect(message).toHaveText("End must be after start.");
  await expect(page.getByText("Fix the highlighted problems to see a preview.")).toBeVisible();

  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "before you can save" });
  await expect(summary).toContainText("Monday, hours 1: End must be after start.");
  await expect(page.getByText(SAVED)).toHaveCount(0);
  expect(actions).toEqual([]);
  expect(await slotTimes(request, MONDAY)).toEqual(before);

  // Fixing it clears the message.
  await end.fill("12:00");
  await expect(end).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("All changes saved")).toBeVisible();
});

test("the editor has no axe violations", async ({ page }) => {
  await openEditor(page);
  await editorReady(page);
  await expectNoAxeViolations(page, "editor");
});

test("the editor has no axe violations with a day picked and an error showing", async ({ page }) => {
  await openEditor(page);
  await editorReady(page);
  await pickDay(page, THURSDAY);
  await page.getByRole("button", { name: "Set special hours" }).click();
  await page.getByLabel("Monday, hours 1, until").fill("08:00");
  await expect(page.getByLabel("Monday, hours 1, until")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "editor with an error");
});

test("staff have no access, and a doctor can't open another doctor's hours", async ({ page }) => {
  await openEditor(page, "staff@demo.test");
  await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await expect(page.getByLabel("Monday, hours 1, from")).toHaveCount(0);

  await page.context().clearCookies();
  await openEditor(page);
  await visit(page, "/dashboard/availability?doctor=dr-lucas-moreau");
  await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await expect(page.getByText("You can only change your own hours.")).toBeVisible();
});

test("an admin picks the doctor whose hours to edit", async ({ page }) => {
  await openEditor(page, "admin@demo.test");
  await editorReady(page);
  await page.getByLabel("Doctor").selectOption({ label: "Dr. Lucas Moreau" });
  await page.getByRole("button", { name: "Show hours" }).click();
  await expect(page).toHaveURL(/doctor=dr-lucas-moreau/);
  await expect(page.getByText("When patients can book Dr. Lucas Moreau.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Monday, hours 1, from")).toHaveValue("08:30");
});

test("unsaved changes: leaving by a dashboard link or the tab asks first, and Stay keeps them", async ({ page }) => {
  await openEditor(page);
  await editorReady(page);
  const overview = page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" });
  const until = page.getByLabel("Monday, hours 2, until");

  // The first question is answered "Stay", the second "Leave".
  const prompts: string[] = [];
  page.on("dialog", (dialog) => {
    prompts.push(dialog.message());
    void (prompts.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  await until.fill("18:00");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // The browser's own prompt is armed for reloads and closing the tab.
  const armed = await page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(armed).toBe(true);

  // An in-app link: "Stay" (dismiss) keeps the page and the edit.
  await overview.click();
  await expect.poll(() => prompts.length).toBe(1);
  expect(prompts[0]).toContain("unsaved changes");
  await expect(page).toHaveURL(/\/dashboard\/availability/);
  await expect(until).toHaveValue("18:00");

  // "Leave" (accept) goes, and nothing was saved.
  await overview.click();
  await page.waitForURL(/\/dashboard$/);
  expect(prompts).toHaveLength(2);
  await page.goto("/dashboard/availability");
  await editorReady(page);
  await expect(until).toHaveValue("17:00");
});

test("the days-off calendar starts the week as the clinic's country does (Sunday in New York, as the booking page)", async ({ page }) => {
  await openEditor(page);
  await editorReady(page);
  const grid = page.getByRole("grid").first();
  await expect(grid.locator("th[scope=col]").first()).toHaveAttribute("aria-label", "Sunday");
});

test("the clinic country's public holidays are offered as days off", async ({ page }) => {
  await openEditor(page);
  await editorReady(page);
  const section = page.getByRole("region", { name: "Public holidays in United States" });
  // Always within the next 12 months. In a year it falls on a weekend, the observed weekday is offered too.
  const christmas = section.getByRole("listitem").filter({ hasText: "Christmas Day", hasNotText: "substitute" });
  await expect(christmas).toBeVisible();
  await christmas.getByRole("button", { name: /^Close / }).click();

  // Now a planned day off with the holiday as its note, and no longer offered.
  await expect(christmas).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Christmas Day", hasNotText: "substitute" })).toContainText("Closed");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // Put it back without saving (other specs book this doctor).
  await page.getByRole("button", { name: "Discard" }).click();
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();
});
