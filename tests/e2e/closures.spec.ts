import { expect, test, visit, type APIRequestContext } from "./support/fixtures";
import { appNow, calendarLabel, localDate, workdayAhead } from "./support/clock";
import { makeClinic, type NewClinic } from "./support/new-clinic";

// An admin of a new clinic closes it for a day, on a phone and on a laptop;
// the appointment already on that day is listed for staff, and patients see
// the note and no times that day, on the clinic's page and the doctor's. Each
// test has a clinic of its own, so neither sees the other's closure.

const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 800 },
] as const;

const slotsOn = async (request: APIRequestContext, clinic: NewClinic, date: string) => {
  const response = await request.get(`/api/public/orgs/${clinic.slug}/doctors/${clinic.doctorId}/slots?from=${date}&to=${date}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slots: { start: string }[] }).slots;
};

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width} px: an admin closes a day: the appointment on it is listed, and patients see the note and no times that day`, async ({ signedIn, browser, request }) => {
    const clinic = await makeClinic("closures");
    const day = workdayAhead(clinic.timezone, 3);
    // A patient already booked that day, through the public API.
    const first = (await slotsOn(request, clinic, day))[0]!;
    const booked = await request.post(`/api/public/orgs/${clinic.slug}/doctors/${clinic.doctorId}/requests`, {
      data: { start: first.start, patient: { name: "Otto Early", email: `otto-${clinic.slug}@example.com`, phone: "+1 555 010 8888" }, reason: "Check-up." },
    });
    expect(booked.status()).toBe(201);
    const { id } = (await booked.json()) as { id: string };

    const admin = await signedIn(clinic.adminEmail, { viewport });
    await visit(admin, "/dashboard/closures");
    // Nothing chosen: the form says what is missing and saves nothing.
    await admin.getByRole("button", { name: "Close the clinic" }).click();
    await expect(admin.getByText("Pick the first day the clinic is closed.")).toBeVisible();

    await admin.getByLabel("First day").fill(day);
    await admin.getByLabel(/Note for patients/).fill("Staff training day");
    await admin.getByRole("button", { name: "Close the clinic" }).click();
    const label = `${calendarLabel(day)}, ${day.slice(0, 4)}`;
    const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: label }) });
    await expect(card.getByText("Staff training day")).toBeVisible();
    const link = card.getByRole("link", { name: /Otto Early with Dr\. Noor Haddad/ });
    await expect(link).toHaveAttribute("href", `/dashboard/requests/${id}`);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const patient = await (await browser.newContext({ viewport })).newPage();
    await visit(patient, `/book/${clinic.slug}`);
    await expect(patient.getByTestId("closure-notice")).toContainText(`${label}: Staff training day`);
    await visit(patient, `/book/${clinic.slug}/${clinic.doctorId}`);
    await expect(patient.getByTestId("closure-notice")).toContainText("Staff training day");
    const grid = patient.getByRole("grid");
    const dayButton = grid.getByRole("button", { name: new RegExp(`^${calendarLabel(day)},`) });
    for (let month = 0; month < 2 && (await dayButton.count()) === 0; month++) await patient.getByRole("button", { name: "Next month" }).click();
    await expect(dayButton).toHaveAccessibleName(`${calendarLabel(day)}, no free times`);
    // Only that day: the next workday still has times.
    const daysAhead = Math.round((Date.parse(day) - Date.parse(localDate(appNow(), clinic.timezone))) / 86_400_000);
    expect(await slotsOn(request, clinic, workdayAhead(clinic.timezone, daysAhead + 1))).not.toHaveLength(0);
    expect(await slotsOn(request, clinic, day)).toEqual([]);
    expect(await patient.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
}
