import { expect, test, type Page } from "@playwright/test";

// The whole path of a new clinic: sign up, add a doctor, invite a staff
// member, who accepts in a fresh browser and can then sign in on their own.

const run = Date.now().toString(36);
const clinic = { name: `Harbour Clinic ${run}`, slug: `harbour-clinic-${run}` };
const admin = { name: "Hana Harbour", email: `hana-${run}@harbour.test`, password: "harbour-password" };
const staff = { name: "Sven Staff", email: `sven-${run}@harbour.test`, password: "sven-password" };

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

test("a new clinic signs up, adds a doctor and invites staff, who joins and signs in", async ({ page, browser }) => {
  test.setTimeout(90_000);

  // Sign up. The address is suggested from the name and checked live.
  await page.goto("/signup");
  await page.getByLabel("Clinic name").fill(clinic.name);
  await expect(page.getByLabel("Booking link")).toHaveValue(clinic.slug);
  await expect(page.getByText(/Available: .*\/book\//)).toBeVisible();
  // A city finds the zone, and the currency follows its country (issue 9, item 8).
  const zone = page.getByLabel("Time zone");
  await zone.fill("London");
  await expect(page.getByRole("option", { name: /^London · United Kingdom · GMT/ })).toBeVisible();
  await zone.press("Enter");
  await expect(zone).toHaveValue("Europe/London");
  await expect(page.getByLabel("Currency")).toHaveValue("GBP");
  // An offset finds zones too.
  await zone.fill("GMT+9");
  await expect(page.getByRole("option", { name: /^Tokyo · Japan · GMT\+9 now/ })).toBeVisible();
  await zone.fill("Europe/London");
  await zone.press("Escape");
  await page.getByLabel("Appointment fee").fill("35.50");
  await page.getByLabel("Phone", { exact: true }).fill("+44 20 7946 0000");
  await page.getByLabel("Email", { exact: true }).fill(`front-${run}@harbour.test`);
  await page.getByLabel("Address").fill("1 Quay Street, London");
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Your email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create clinic" }).click();

  // Signed in as the admin, on the dashboard, with the clinic in view.
  await page.waitForURL("**/dashboard?welcome=1");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Hana" })).toBeVisible();
  // The success redirect is not a network error (issue 9, item 1).
  await expect(page.getByText("We couldn't reach the server")).toHaveCount(0);
  await expect(page.getByText(clinic.name).first()).toBeVisible();
  await expect(page.getByTestId("booking-link")).toHaveText(new RegExp(`/book/${clinic.slug}$`));

  // Add a doctor; they appear in the list and on the public booking page.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Doctors" }).click();
  await expect(page.getByRole("heading", { name: "No doctors yet" })).toBeVisible();
  await page.getByRole("button", { name: "Add doctor" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a doctor" });
  await dialog.getByLabel("Name").fill("Dr. Nia Quay");
  await dialog.getByLabel("Specialty").fill("Family medicine");
  await dialog.getByRole("button", { name: "Add doctor" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Dr. Nia Quay added.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: "Dr. Nia Quay" })).toContainText("Active");
  await page.goto(`/book/${clinic.slug}`);
  await expect(page.getByText("Dr. Nia Quay")).toBeVisible();
  // A London clinic's booking calendar starts its weeks on Monday, as the UK does (issue 9, item 17).
  await page.goto(`/book/${clinic.slug}/dr-nia-quay`);
  // Row 2 is always a whole week (row 1 may start mid-week); its first day is the week's first.
  await expect(page.getByRole("grid").getByRole("row").nth(1).getByRole("gridcell").first()).toHaveAccessibleName(/^Monday,/);

  // Invite a staff member; the link is shown once.
  await page.goto("/dashboard/team");
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Role").selectOption("staff");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to ${staff.email}`).first()).toBeVisible();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.getByText("Waiting to join")).toBeVisible();

  // The invitee opens the link in their own browser and joins.
  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(new URL(link).pathname);
  await expect(invitePage.getByRole("heading", { name: `Join ${clinic.name}` })).toBeVisible();
  await expect(invitePage.getByLabel("Email")).toHaveValue(staff.email);
  await invitePage.getByLabel("Your name").fill(staff.name);
  await invitePage.getByLabel("Choose a password").fill(staff.password);
  await invitePage.getByRole("button", { name: "Create account and join" }).click();
  await invitePage.waitForURL("**/dashboard");
  await expect(invitePage.getByRole("heading", { name: "Welcome, Sven" })).toBeVisible();
  await expect(invitePage.getByText("We couldn't reach the server")).toHaveCount(0);
  await expect(invitePage.getByText("Staff", { exact: true }).first()).toBeVisible();

  // The link works once.
  await invitePage.goto(new URL(link).pathname);
  await expect(invitePage.getByText("This invite has already been used.")).toBeVisible();

  // Sign out, then sign in again with the new password.
  await invitePage.goto("/dashboard");
  await invitePage.getByRole("button", { name: "Sign out" }).click();
  await invitePage.waitForURL("**/login?reason=signed-out");
  await expect(invitePage.getByText("You're signed out.")).toBeVisible();
  await invitePage.goto("/dashboard");
  await invitePage.waitForURL("**/login**");
  await signIn(invitePage, staff.email, staff.password);
  await expect(invitePage.getByText(clinic.name).first()).toBeVisible();
  await invitee.close();

  // The admin sees them on the team.
  await page.goto("/dashboard/team");
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: staff.email })).toContainText("Staff");
});

test("signup explains a taken address and an email that already has an account", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Booking link").fill("demo");
  await expect(page.getByText("That address is taken. Try another one.")).toBeVisible();
  await page.getByLabel("Booking link").fill(`fresh-${run}`);
  await page.getByLabel("Clinic name").fill("Another Clinic");
  await page.getByLabel("Time zone").fill("America/Chicago");
  await page.getByLabel("Appointment fee").fill("0");
  await page.getByLabel("Phone", { exact: true }).fill("+1 312 555 0100");
  await page.getByLabel("Email", { exact: true }).fill("front@another.test");
  await page.getByLabel("Address").fill("9 Lake St, Chicago");
  await page.getByLabel("Your name").fill("Ann Other");
  await page.getByLabel("Your email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("long-enough");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("There's already an account with this email.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("sign-in failures say what happened", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);

  // A dashboard visit without a session goes to sign-in; a stale cookie says it expired.
  await page.goto("/dashboard/team");
  await expect(page).toHaveURL(/\/login$/);
  await page.context().addCookies([{ name: "__session", value: "stale.cookie.value", url: page.url() }]);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?reason=invalid$/);
  await expect(page.getByText("Your session expired. Please sign in again.")).toBeVisible();
});

test("the fee is required, says so with the other fields, and has no value-like placeholder", async ({ page }) => {
  await page.goto("/signup");
  const fee = page.getByLabel("Appointment fee");
  await expect(fee).toHaveAttribute("aria-required", "true");
  expect(await fee.getAttribute("placeholder")).toBeNull();
  await page.getByLabel("Clinic name").fill("Empty Fee Clinic");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("Enter the fee, or 0 for free visits.")).toBeVisible();
  await expect(fee).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup$/);
});
