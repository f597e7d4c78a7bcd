import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore, Timestamp } from "firebase-admin/firestore";

// The doctor's schedule: a visit confirmed on the free clinic (booked through
// the public API, approved by staff@free.test) appears in Dr. Mei Lin's
// schedule; she writes a note that autosaves and survives a reload; once the
// visit's time has come she marks it completed and the history says so.
// Bookings count back from the end of the bookable window so parallel specs
// (which take the first free times) never race for ours.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const ZONE = "America/Chicago"; // the free clinic's
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

type Booked = { id: string; start: string; name: string };

async function book(request: APIRequestContext, offset: number, name: string): Promise<Booked> {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 55 * 86_400_000).toISOString().slice(0, 10);
  const free = await request.get(`/api/public/orgs/demo-free/doctors/dr-mei-lin/slots?from=${today}&to=${to}`);
  expect(free.ok()).toBe(true);
  const { slots } = (await free.json()) as { slots: { start: string }[] };
  for (const slot of slots.reverse().slice(offset)) {
    const response = await request.post("/api/public/orgs/demo-free/doctors/dr-mei-lin/requests", {
      data: { start: slot.start, patient: { name, email: `schedule-${unique()}@example.com`, phone: "+1 555 010 4444" }, reason: "Annual check-up." },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    return { id: ((await response.json()) as { id: string }).id, start: slot.start, name };
  }
  throw new Error("No free time left with Dr. Mei Lin");
}

async function memberPage(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
  return page;
}

/** Books and approves (the free clinic confirms at once): a scheduled visit. */
async function confirmedVisit(browser: Browser, request: APIRequestContext, offset: number, name: string): Promise<Booked> {
  const booked = await book(request, offset, name);
  const staff = await memberPage(browser, "staff@free.test");
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("Approved. The visit is confirmed and the patient has been told.")).toBeVisible();
  await staff.context().close();
  return booked;
}

const localDate = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

/**
 * Test set-up only: moves the visit's time to the last half hour, as if its
 * day had come (the app refuses an outcome before the start). Written to the
 * e2e stack's Firestore directly; the app's code paths are unchanged.
 */
async function letVisitTimeCome(visitId: string) {
  process.env.FIRESTORE_EMULATOR_HOST ??= `127.0.0.1:${8180 + Number(process.env.E2E_PORT_OFFSET ?? 0)}`;
  const app = getApps().find((a) => a.name === "e2e-schedule") ?? initializeApp({ projectId: process.env.FIREBASE_PROJECT_ID ?? "demo-clinic" }, "e2e-schedule");
  const now = Date.now();
  await getFirestore(app).doc(`visits/${visitId}`).update({ start: Timestamp.fromMillis(now - 30 * 60_000), end: Timestamp.fromMillis(now) });
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a confirmed visit is in the doctor's schedule; her note autosaves and stays; completed shows in the history", async ({ browser, request }) => {
  test.setTimeout(60_000); // three members' pages, two axe runs and the request page before and after the outcome
  const booked = await confirmedVisit(browser, request, 2, "Sally Schedule");
  const doctor = await memberPage(browser, "doctor@free.test");
  const nav = doctor.getByRole("navigation", { name: "Dashboard" });
  await nav.getByRole("link", { name: "Schedule" }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expect(doctor.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "date");
  await expectNoAxeViolations(doctor);

  await doctor.goto(`/dashboard/schedule?date=${localDate(booked.start)}`);
  const row = doctor.getByRole("link", { name: /Sally Schedule/ });
  await expect(row).toContainText("Annual check-up.");
  await expect(doctor.getByRole("link", { name: "Week" })).toBeVisible();
  await expectNoAxeViolations(doctor);
  await doctor.getByRole("link", { name: "Week" }).click();
  await expect(doctor.getByRole("link", { name: /Sally Schedule/ })).toBeVisible();
  await doctor.getByRole("link", { name: /Sally Schedule/ }).click();

  await expect(doctor.getByRole("heading", { level: 1, name: "Sally Schedule" })).toBeVisible();
  await expect(doctor.getByText("No fee")).toBeVisible();
  await expect(doctor.getByText("You can mark the visit completed or a no-show once its start time has come.")).toBeVisible();
  const notes = doctor.getByLabel("Visit notes");
  await notes.fill("Blood pressure 120/80. Follow up in a year.");
  await expect(doctor.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expectNoAxeViolations(doctor);
  await doctor.reload();
  await expect(doctor.getByLabel("Visit notes")).toHaveValue("Blood pressure 120/80. Follow up in a year.");

  // Before its outcome, a confirmed visit can still be moved or called off.
  await doctor.goto(`/dashboard/requests/${booked.id}`);
  await expect(doctor.getByRole("button", { name: "Propose a new time" })).toBeVisible();
  await expect(doctor.getByRole("button", { name: "Cancel appointment" })).toBeVisible();
  await doctor.goto(`/dashboard/schedule/${booked.id}`);

  await letVisitTimeCome(booked.id);
  await doctor.reload();
  await doctor.getByRole("button", { name: "Mark completed" }).click();
  await expect(doctor.getByRole("listitem").filter({ hasText: "marked the visit completed" })).toContainText("Dr. Mei Lin");
  await expect(doctor.getByText("Completed", { exact: true }).first()).toBeVisible();
  await expect(doctor.getByRole("button", { name: "Mark completed" })).toHaveCount(0);
  await doctor.context().close();

  // Staff see the visit and its note, read-only.
  const staff = await memberPage(browser, "staff@free.test");
  await staff.goto(`/dashboard/schedule/${booked.id}`);
  await expect(staff.getByText("Blood pressure 120/80. Follow up in a year.")).toBeVisible();
  await expect(staff.getByLabel("Visit notes")).toHaveCount(0);
  await expect(staff.getByText("Only the visit's doctor or an admin can edit these notes.")).toBeVisible();
  // A visit that took place can't be moved or cancelled: the request page offers neither.
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await expect(staff.getByText("Nothing to decide: this request is settled.")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Propose a new time" })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Cancel appointment" })).toHaveCount(0);
  await staff.context().close();
});

test("staff pick a doctor; a bad link says what was wrong; the schedule fits a 360 px phone", async ({ browser, request }) => {
  const booked = await confirmedVisit(browser, request, 5, "Pablo Phone");
  const staff = await memberPage(browser, "staff@free.test", { width: 360, height: 740 });
  await staff.goto(`/dashboard/schedule?view=month`);
  await expect(staff.getByText("The view must be day or week. Showing today instead.")).toBeVisible();
  await staff.goto(`/dashboard/schedule?doctor=dr-nobody`);
  await expect(staff.getByText("That doctor isn't in your clinic. Showing the first doctor instead.")).toBeVisible();

  await staff.goto(`/dashboard/schedule?date=${localDate(booked.start)}`);
  await staff.getByLabel("Doctor", { exact: true }).selectOption("dr-mei-lin");
  await staff.getByRole("button", { name: "Show schedule" }).click();
  await expect(staff.getByRole("link", { name: /Pablo Phone/ })).toBeVisible();
  const overflow = await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(staff);
  if (process.env.SCHEDULE_SHOTS) await staff.screenshot({ path: `${process.env.SCHEDULE_SHOTS}/schedule-360.png`, fullPage: true });
  await staff.getByRole("link", { name: /Pablo Phone/ }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Pablo Phone" })).toBeVisible();
  expect(await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  if (process.env.SCHEDULE_SHOTS) await staff.screenshot({ path: `${process.env.SCHEDULE_SHOTS}/visit-360.png`, fullPage: true });
  await staff.setViewportSize({ width: 1280, height: 800 });
  await staff.goto(`/dashboard/schedule?view=week&date=${localDate(booked.start)}&doctor=dr-mei-lin`);
  await expect(staff.getByRole("link", { name: /Pablo Phone/ })).toBeVisible();
  if (process.env.SCHEDULE_SHOTS) await staff.screenshot({ path: `${process.env.SCHEDULE_SHOTS}/week-1280.png`, fullPage: true });
  await staff.context().close();
});

test("a failed save keeps the text and retries; a save racing another tab says so and keeps the local text; leaving unsaved asks", async ({ browser, request }) => {
  const booked = await confirmedVisit(browser, request, 8, "Nina Notes");
  const doctor = await memberPage(browser, "doctor@free.test");
  await doctor.goto(`/dashboard/schedule/${booked.id}`);
  const status = doctor.getByRole("status").filter({ hasText: /^(Saved|Saving…|Not saved — retrying)$/ });

  // The server can't be reached: the text stays in the box and in sessionStorage, and the save is retried.
  const failing = (route: import("@playwright/test").Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.continue();
  await doctor.route("**/dashboard/schedule/**", failing);
  await doctor.getByLabel("Visit notes").fill("Typed while offline.");
  await expect(status).toHaveText("Not saved — retrying");
  await expect(doctor.getByLabel("Visit notes")).toHaveValue("Typed while offline.");
  expect(await doctor.evaluate((id) => sessionStorage.getItem(`visit-notes:${id}`), booked.id)).toContain("Typed while offline.");
  await doctor.unroute("**/dashboard/schedule/**", failing);
  await expect(status).toHaveText("Saved", { timeout: 15_000 });
  expect(await doctor.evaluate((id) => sessionStorage.getItem(`visit-notes:${id}`), booked.id)).toBeNull();

  // A second tab saves first; this tab's next save is refused and its text kept.
  const other = await doctor.context().newPage();
  await other.goto(`/dashboard/schedule/${booked.id}`);
  await doctor.getByLabel("Visit notes").fill("Tab one's longer note.");
  await expect(status).toHaveText("Saved");
  await other.getByLabel("Visit notes").fill("Tab two's note.");
  await expect(other.getByRole("alert").filter({ hasText: "These notes were changed elsewhere (Dr. Mei Lin at" })).toBeVisible();
  await expect(other.getByLabel("Visit notes")).toHaveValue("Tab two's note.");
  await other.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(other.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await doctor.reload();
  await expect(doctor.getByLabel("Visit notes")).toHaveValue("Tab two's note.");

  // Leaving with text the server doesn't have asks first.
  await other.route("**/dashboard/schedule/**", failing);
  await other.getByLabel("Visit notes").fill("Unsaved when leaving.");
  await expect(other.getByRole("status").filter({ hasText: "Not saved — retrying" })).toBeVisible();
  const dialog = other.waitForEvent("dialog");
  await other.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe("beforeunload");
  await (await dialog).dismiss();
  await expect(other.getByLabel("Visit notes")).toHaveValue("Unsaved when leaving.");
  await doctor.context().close();
});

test("the whole way: book → approve → pay with the test card → the visit is in the doctor's schedule, paid → a note → completed", async ({ page, browser, request }) => {
  test.slow(); // booking, approval, a webhook through the Functions emulator, then three pages
  const ZONE_NY = "America/New_York";
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 55 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = (await (await request.get(`/api/public/orgs/demo/doctors/dr-amara-okafor/slots?from=${today}&to=${to}`)).json()) as { slots: { start: string }[] };
  let booked: { id: string; statusPath: string; start: string } | null = null;
  for (const slot of slots.reverse().slice(48)) {
    const response = await request.post("/api/public/orgs/demo/doctors/dr-amara-okafor/requests", {
      data: { start: slot.start, patient: { name: "Walter Wholeway", email: `schedule-${unique()}@example.com`, phone: "+1 555 010 4545" }, reason: "Knee pain." },
    });
    if (response.status() === 409) continue;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; statusUrl: string };
    booked = { id: body.id, statusPath: new URL(body.statusUrl).pathname + new URL(body.statusUrl).search, start: slot.start };
    break;
  }
  if (!booked) throw new Error("No free time left with Dr. Amara Okafor");

  const staff = await memberPage(browser, "staff@demo.test");
  await staff.goto(`/dashboard/requests/${booked.id}`);
  await staff.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(staff.getByText("Approved. The patient has been asked to pay.")).toBeVisible();
  await staff.context().close();

  await page.goto(booked.statusPath);
  await page.getByLabel("Test card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $50.00" }).click();
  await expect(page.getByRole("heading", { name: "Your visit is confirmed" })).toBeVisible({ timeout: 30_000 });

  const doctor = await memberPage(browser, "doctor@demo.test");
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE_NY, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(booked.start));
  await doctor.goto(`/dashboard/schedule?view=week&date=${day}`);
  await doctor.getByRole("link", { name: /Walter Wholeway/ }).click();
  await expect(doctor.getByText("Paid $50.00")).toBeVisible();
  await doctor.getByLabel("Visit notes").fill("Mild strain. Rest and ice.");
  await expect(doctor.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await letVisitTimeCome(booked.id);
  await doctor.reload();
  await doctor.getByRole("button", { name: "Mark completed" }).click();
  await expect(doctor.getByRole("listitem").filter({ hasText: "marked the visit completed" })).toContainText("Dr. Amara Okafor");
  await expect(doctor.getByLabel("Visit notes")).toHaveValue("Mild strain. Rest and ice.");
  await doctor.context().close();
});
