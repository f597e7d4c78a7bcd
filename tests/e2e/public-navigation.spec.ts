import { unique } from "./support/booking";
import { expect, signIn, test, visit, type APIRequestContext, type Page } from "./support/fixtures";

// Finding your way on the public pages: doctors who take
// no online bookings, the booking horizon, readable doctor addresses that
// survive renames, and the pages for addresses that lead nowhere.

test("a doctor with no hours says so on the clinic page, with no link to an empty calendar", async ({ page }) => {
  await page.goto("/book/demo-free");
  const card = page.getByRole("listitem").filter({ hasText: "Dr. Noor Haddad" });
  await expect(card).toContainText("Not taking online bookings");
  await expect(card).not.toContainText("See available times");
  await expect(card.getByRole("link", { name: /Noor Haddad/ })).toHaveCount(0);
  // Doctors with hours still lead to their calendar.
  const bookable = page.getByRole("listitem").filter({ hasText: "Dr. Mei Lin" });
  await expect(bookable).toContainText("See available times");
  await expect(bookable.getByRole("link", { name: "Dr. Mei Lin" })).toHaveAttribute("href", "/book/demo-free/dr-mei-lin");

  // A direct link to that doctor says the same instead of showing an empty calendar.
  await page.goto("/book/demo-free/dr-noor-haddad");
  await expect(page.getByRole("heading", { name: "Not taking online bookings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Choose a day and time" })).toHaveCount(0);
});

test("days past the booking horizon say why they can't be chosen", async ({ page }) => {
  await visit(page, "/book/demo-free/dr-samuel-osei"); // books 60 days ahead
  const note = page.getByText(/^Booking opens up to 60 days ahead/);
  const next = page.getByRole("button", { name: "Next month" });
  // The note shows in the month the horizon ends in (two or three months on).
  for (let i = 0; i < 3 && !(await note.isVisible()); i++) {
    await expect(next).toBeEnabled();
    await next.click();
  }
  await expect(note).toBeVisible();
  await expect(page.getByRole("grid").getByRole("button", { name: /booking not open yet/ }).first()).toBeDisabled();
});

/** Adds a doctor through the admin's dashboard (and stays on its doctors page); returns its name, readable address and id. */
async function addDoctor(page: Page, request: APIRequestContext, label: string) {
  const suffix = unique().replace(/[^a-z0-9]/g, "");
  const name = `Dr. Ines ${label} ${suffix}`;
  const slug = `dr-ines-${label.toLowerCase()}-${suffix}`;
  await signIn(page.context(), "admin@demo.test");
  await visit(page, "/dashboard/doctors");
  await page.getByRole("button", { name: "Add doctor" }).click();
  const add = page.getByRole("dialog", { name: "Add a doctor" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Specialty").fill("Dermatology");
  await add.getByRole("button", { name: "Add doctor" }).click();
  await expect(add).toBeHidden();
  const clinic = (await (await request.get("/api/public/orgs/demo")).json()) as { doctors: { id: string; slug: string; name: string }[] };
  const doctor = clinic.doctors.find((d) => d.name === name);
  expect(doctor?.slug).toBe(slug);
  return { name, slug, id: doctor!.id, suffix };
}

test("a doctor added in the dashboard gets a readable address; the id and another case redirect to it", async ({ page, request }) => {
  const { name, slug, id } = await addDoctor(page, request, "Ortega");

  // The clinic page links to the readable address.
  await visit(page, "/book/demo");
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", `/book/demo/${slug}`);
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/book/demo/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The id (how links looked before slugs) and another case redirect to it.
  const byId = await request.get(`/book/demo/${id}`, { maxRedirects: 0 });
  expect(byId.status()).toBe(307);
  expect(byId.headers().location).toBe(`/book/demo/${slug}`);
  await page.goto(`/book/demo/${id}`);
  await expect(page).toHaveURL(new RegExp(`/book/demo/${slug}$`));
  await page.goto(`/book/DEMO/${slug.toUpperCase()}`);
  await expect(page).toHaveURL(new RegExp(`/book/demo/${slug}$`));
});

test("renaming a doctor's address refuses another doctor's; the old address and the id lead to the new one", async ({ page, request }) => {
  const { name, slug, id, suffix } = await addDoctor(page, request, "Renamed");
  const renamed = `ines-${suffix}`;
  // Still on the doctors page, which lists the new doctor.
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByLabel("Booking page address")).toHaveValue(slug);
  // Another doctor's address is refused.
  await edit.getByLabel("Booking page address").fill("dr-amara-okafor");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("Another doctor of your clinic already uses this address.").first()).toBeVisible();
  await edit.getByLabel("Booking page address").fill(renamed);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();

  for (const old of [slug, id]) {
    await page.goto(`/book/demo/${old}`);
    await expect(page).toHaveURL(new RegExp(`/book/demo/${renamed}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
});

test("an unknown doctor leads back to the clinic's doctors", async ({ page }) => {
  const response = await page.goto("/book/demo/no-such-doctor");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that doctor" })).toBeVisible();
  await page.getByRole("link", { name: "See the clinic's doctors" }).click();
  await expect(page).toHaveURL(/\/book\/demo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Family Clinic" })).toBeVisible();

  // A doctor address under an unknown clinic is the clinic's 404, not a link to it.
  const unknownClinic = await page.goto("/book/no-such-clinic/dr-amara-okafor");
  expect(unknownClinic?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that booking page" })).toBeVisible();
});

test("an unknown address gets the app's own 404 page", async ({ page }) => {
  const response = await page.goto("/nope");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  await expect(page).toHaveTitle(/Page not found/);
});

test("clinic and doctor addresses are case-insensitive", async ({ page }) => {
  await page.goto("/book/DEMO");
  await expect(page).toHaveURL(/\/book\/demo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Family Clinic" })).toBeVisible();
  await page.goto("/book/Demo-Free/DR-MEI-LIN");
  await expect(page).toHaveURL(/\/book\/demo-free\/dr-mei-lin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Mei Lin" })).toBeVisible();
});
