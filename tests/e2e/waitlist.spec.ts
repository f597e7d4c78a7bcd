import { expect, hydrated, test, visit, type APIRequestContext, type Page } from "./support/fixtures";
import { unique } from "./support/booking";
import { addDays, appNow, calendarLabel, localDate, weekday } from "./support/clock";
import { makeClinic, type NewClinic } from "./support/new-clinic";
import { stackFirestore } from "./support/stack";

// The waiting list on a new patient's path. Each test has a clinic of its
// own whose doctor works one half-hour a day, so booking this week's few
// times through the public API fills the week. The patient joins on the
// booking page; a booked patient cancels; the waiting patient's email in
// /dev/mailbox opens the calendar at the freed date; its leave link leaves.

type Slot = { start: string };

async function clinicWithOneTimeADay(prefix: string): Promise<NewClinic> {
  const clinic = await makeClinic(prefix);
  const half = [{ start: "09:00", end: "09:30" }];
  // Before any page of it loads, so no server holds the older hours.
  await stackFirestore()
    .doc(`clinics/${clinic.clinicId}/doctors/${clinic.doctorId}`)
    .update({ "schedule.weeklyHours": { mon: half, tue: half, wed: half, thu: half, fri: half, sat: half, sun: half } });
  return clinic;
}

async function freeTimes(request: APIRequestContext, clinic: NewClinic, from: string, to: string): Promise<Slot[]> {
  const response = await request.get(`/api/public/orgs/${clinic.slug}/doctors/${clinic.doctorId}/slots?from=${from}&to=${to}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slots: Slot[] }).slots;
}

async function bookAt(request: APIRequestContext, clinic: NewClinic, start: string): Promise<{ statusPath: string }> {
  const response = await request.post(`/api/public/orgs/${clinic.slug}/doctors/${clinic.doctorId}/requests`, {
    data: { start, patient: { name: "Otto Early", email: `otto-${unique()}@example.com`, phone: "+1 555 010 8888" }, reason: "Check-up." },
  });
  expect(response.status(), await response.text()).toBe(201);
  const url = new URL(((await response.json()) as { statusUrl: string }).statusUrl);
  return { statusPath: url.pathname + url.search };
}

/**
 * Books every time left this week (the clinic's weeks start on Sunday) and
 * returns the first booking, to cancel later. A week with no time left at all
 * (a late Saturday) books next week's first instead: there must be one to free.
 */
async function fillThisWeek(request: APIRequestContext, clinic: NewClinic): Promise<{ statusPath: string; date: string }> {
  const today = localDate(appNow(), clinic.timezone);
  const weekEnd = addDays(today, 6 - weekday(today));
  const thisWeek = await freeTimes(request, clinic, today, weekEnd);
  const times = thisWeek.length > 0 ? thisWeek : (await freeTimes(request, clinic, addDays(weekEnd, 1), addDays(weekEnd, 7))).slice(0, 1);
  const booked = [];
  for (const slot of times) booked.push({ ...(await bookAt(request, clinic, slot.start)), date: localDate(Date.parse(slot.start), clinic.timezone) });
  return booked[0]!;
}

async function cancelAsPatient(page: Page, statusPath: string) {
  await visit(page, statusPath);
  await page.getByRole("button", { name: "Cancel request" }).click();
  await page.getByRole("button", { name: "Yes, cancel request" }).click();
  await expect(page.getByRole("heading", { name: "You cancelled this request" })).toBeVisible();
}

const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const width of [360, 1280]) {
  test(`at ${width} px: a full week offers the waiting list; a cancelled visit emails the person a link to the calendar at that date`, async ({ page, request, browser }) => {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    const clinic = await clinicWithOneTimeADay(`waitlist-${width}`);
    const freed = await fillThisWeek(request, clinic);
    const email = `waiting-${unique()}@example.com`;

    await visit(page, `/book/${clinic.slug}/${clinic.doctorId}`);
    const offer = page.getByRole("region", { name: "Tell me if a time opens" });
    await expect(offer).toContainText("No free times with Dr. Noor Haddad this week.");
    await offer.getByLabel("Email").fill(email);
    // The day the time will free up, as one of the person's days.
    const day = new Intl.DateTimeFormat("en-US", { weekday: "long", timeZone: "UTC" }).format(Date.parse(`${freed.date}T12:00:00Z`));
    // The chip is the visible control (its checkbox is for assistive technology).
    await offer.getByText(day.slice(0, 3), { exact: true }).click();
    await expect(offer.getByRole("checkbox", { name: day })).toBeChecked();
    expect(await fitsTheScreen(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`offer-${width}.png`), fullPage: true });
    await offer.getByRole("button", { name: "Tell me if a time opens" }).click();
    await expect(offer.getByText("You're on the waiting list")).toBeVisible();
    await expect(offer).toContainText(email);
    await page.screenshot({ path: test.info().outputPath(`joined-${width}.png`), fullPage: true });

    const patient = await browser.newPage();
    await cancelAsPatient(patient, freed.statusPath);
    await patient.close();

    await visit(page, `/dev/mailbox?to=${encodeURIComponent(email)}`);
    const opened = page.getByRole("article").filter({ hasText: "A time opened with Dr. Noor Haddad" });
    await expect(opened).toHaveCount(1);
    const calendar = opened.getByRole("link", { name: new RegExp(`/book/${clinic.slug}/${clinic.doctorId}\\?date=${freed.date}$`) });
    await page.goto((await calendar.getAttribute("href"))!);
    await hydrated(page);
    // The freed date is the chosen one, its time listed.
    await expect(page.getByRole("gridcell", { selected: true }).getByRole("button", { name: new RegExp(`^(Today, )?${calendarLabel(freed.date)},`) })).toBeVisible();
    await expect(page.getByRole("button", { name: /^9:00 AM/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`calendar-${width}.png`), fullPage: true });
  });
}

test("at 360 px: the form says what is wrong and keeps what was typed; nothing is joined", async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const clinic = await clinicWithOneTimeADay("waitlist-form");
  await fillThisWeek(request, clinic);
  await visit(page, `/book/${clinic.slug}/${clinic.doctorId}`);
  const offer = page.getByRole("region", { name: "Tell me if a time opens" });
  await offer.getByLabel("Email").fill("ann@example");
  await offer.getByRole("button", { name: "Tell me if a time opens" }).click();
  await expect(offer.getByText("Please enter a valid email address, like name@example.com")).toBeVisible();
  await expect(offer.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(offer.getByLabel("Email")).toHaveValue("ann@example");
  await page.screenshot({ path: test.info().outputPath("offer-error-360.png"), fullPage: true });
  expect((await stackFirestore().collection("waitlist").where("clinicId", "==", clinic.clinicId).get()).size).toBe(0);
});

test("at 360 px: the leave link shows a page whose button leaves; opening it again says so", async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const clinic = await clinicWithOneTimeADay("waitlist-leave");
  const email = `leaving-${unique()}@example.com`;
  const joined = await request.post(`/api/public/orgs/${clinic.slug}/doctors/${clinic.doctorId}/waitlist`, { data: { email } });
  expect(joined.status()).toBe(201);

  await visit(page, `/dev/mailbox?to=${encodeURIComponent(email)}`);
  const mail = page.getByRole("article").filter({ hasText: "You're on the waiting list for Dr. Noor Haddad" });
  const leaveHref = (await mail.getByRole("link", { name: /\/waitlist\/leave\?w=/ }).getAttribute("href"))!;
  await page.goto(leaveHref);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Leave the waiting list" })).toBeVisible();
  // Opening the link left nothing (mail scanners open links).
  expect((await stackFirestore().collection("waitlist").where("email", "==", email).get()).size).toBe(1);
  await page.screenshot({ path: test.info().outputPath("leave-360.png"), fullPage: true });
  await page.getByRole("button", { name: "Leave the waiting list" }).click();
  await expect(page.getByText("You've left the waiting list")).toBeVisible();
  expect((await stackFirestore().collection("waitlist").where("email", "==", email).get()).size).toBe(0);
  await page.goto(leaveHref);
  await expect(page.getByText("You're not on this waiting list")).toBeVisible();
});
