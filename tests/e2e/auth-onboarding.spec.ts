import { unique } from "./support/booking";
import { verifyEmailInEmulator } from "./support/email-verification";
import { emulatorIdToken, expect, test, visit, type Browser, type Page } from "./support/fixtures";

// The path of a new clinic, a step a test: sign up; add a doctor; invite a
// staff member, who accepts in a fresh browser and can then sign in on their
// own. Each test signs up its own clinic.

const run = unique().replace(/[^a-z0-9]/g, "");

function newClinic(label: string) {
  const id = `${label}-${unique().replace(/[^a-z0-9]/g, "")}`;
  return {
    name: `Harbour Clinic ${id}`,
    slug: `harbour-clinic-${id}`,
    admin: { name: "Hana Harbour", email: `hana-${id}@harbour.test`, password: "harbour-password" },
    staff: { name: "Sven Staff", email: `sven-${id}@harbour.test`, password: "sven-password" },
    front: `front-${id}@harbour.test`,
  };
}
type NewClinic = ReturnType<typeof newClinic>;

async function signIn(page: Page, email: string, password: string) {
  await visit(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

/** Fills the signup form's other fields (a London clinic, £35.50) and creates the clinic; lands signed in. */
async function finishSignup(page: Page, clinic: NewClinic) {
  await page.getByLabel("Appointment fee").fill("35.50");
  await page.getByLabel("Phone", { exact: true }).fill("+44 20 7946 0000");
  await page.getByLabel("Email", { exact: true }).fill(clinic.front);
  await page.getByLabel("Address").fill("1 Quay Street, London");
  await page.getByLabel("Your name").fill(clinic.admin.name);
  await page.getByLabel("Your email").fill(clinic.admin.email);
  await page.getByLabel("Password").fill(clinic.admin.password);
  await page.getByRole("button", { name: "Create clinic" }).click();
  await page.waitForURL("**/dashboard?welcome=1");
}

async function signUp(page: Page, clinic: NewClinic) {
  await visit(page, "/signup");
  await page.getByLabel("Clinic name").fill(clinic.name);
  await expect(page.getByLabel("Booking link")).toHaveValue(clinic.slug);
  const zone = page.getByLabel("Time zone");
  await zone.fill("Europe/London");
  await zone.press("Escape");
  await finishSignup(page, clinic);
}

test("a new clinic signs up: the address is suggested, a city or an offset finds the zone, the currency follows", async ({ page }) => {
  const clinic = newClinic("signup");
  await visit(page, "/signup");
  await page.getByLabel("Clinic name").fill(clinic.name);
  await expect(page.getByLabel("Booking link")).toHaveValue(clinic.slug);
  await expect(page.getByText(/Available: .*\/book\//)).toBeVisible();
  // A city finds the zone, and the currency follows its country.
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
  await finishSignup(page, clinic);

  // Signed in as the admin, on the dashboard, with the clinic in view.
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Hana" })).toBeVisible();
  // The success redirect is not a network error.
  await expect(page.getByText("We couldn't reach the server")).toHaveCount(0);
  await expect(page.getByText(clinic.name).first()).toBeVisible();
  await expect(page.getByTestId("booking-link")).toHaveText(new RegExp(`/book/${clinic.slug}$`));
});

test("a new clinic adds a doctor, who is on its booking page; a London calendar starts weeks on Monday", async ({ page, request }) => {
  const clinic = newClinic("doctor");
  await signUp(page, clinic);
  // The booking page opens once the admin's email is verified (booking-page-opening.spec.ts): the next dashboard load re-checks.
  await verifyEmailInEmulator(request, clinic.admin.email);
  await visit(page, "/dashboard");
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
  // A London clinic's booking calendar starts its weeks on Monday, as the UK does.
  await page.goto(`/book/${clinic.slug}/dr-nia-quay`);
  // Row 2 is always a whole week (row 1 may start mid-week); its first day is the week's first.
  await expect(page.getByRole("grid").getByRole("row").nth(1).getByRole("gridcell").first()).toHaveAccessibleName(/^Monday,/);
});

/** The demo admin invites a new staff member from the team page; returns the page, the invitee and the link shown once. */
async function inviteStaff(signedIn: (email: string) => Promise<Page>, label: string) {
  const admin = await signedIn("admin@demo.test");
  const staff = { name: "Sven Staff", email: `sven-${label}-${unique().replace(/[^a-z0-9]/g, "")}@demo.test`, password: "sven-password" };
  await visit(admin, "/dashboard/team");
  await admin.getByLabel("Email").fill(staff.email);
  await admin.getByLabel("Role").selectOption("staff");
  await admin.getByRole("button", { name: "Send invite" }).click();
  await expect(admin.getByText(`Invite sent to ${staff.email}`).first()).toBeVisible();
  const link = await admin.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return { admin, staff, link };
}

test("an admin invites a staff member: the link is shown once, and the invite waits on the team page", async ({ signedIn }) => {
  const { admin, staff } = await inviteStaff(signedIn, "waits");
  await admin.reload();
  await expect(admin.getByTestId("invite-link")).toHaveCount(0);
  await expect(admin.getByText("Waiting to join")).toBeVisible();
  await expect(admin.getByText(staff.email).first()).toBeVisible(); // among the invites waiting
});

/** The invitee opens the link in a browser of their own and joins; returns that page, on the dashboard. */
async function join(browser: Browser, link: string, staff: { name: string; email: string; password: string }) {
  const invitePage = await (await browser.newContext()).newPage();
  await visit(invitePage, new URL(link).pathname);
  await expect(invitePage.getByRole("heading", { name: "Join Demo Family Clinic" })).toBeVisible();
  await expect(invitePage.getByLabel("Email")).toHaveValue(staff.email);
  await invitePage.getByLabel("Your name").fill(staff.name);
  await invitePage.getByLabel("Choose a password").fill(staff.password);
  await invitePage.getByRole("button", { name: "Create account and join" }).click();
  await invitePage.waitForURL("**/dashboard");
  return invitePage;
}

test("an invited staff member joins from the link in their own browser; the link works once; their password signs them in", async ({ browser, signedIn }) => {
  const { admin, staff, link } = await inviteStaff(signedIn, "joins");
  const invitePage = await join(browser, link, staff);
  await expect(invitePage.getByRole("heading", { name: "Welcome, Sven" })).toBeVisible();
  await expect(invitePage.getByText("We couldn't reach the server")).toHaveCount(0);
  await expect(invitePage.getByText("Staff", { exact: true }).first()).toBeVisible();

  // The link works once.
  await invitePage.goto(new URL(link).pathname);
  await expect(invitePage.getByText("This invite has already been used.")).toBeVisible();
  await invitePage.context().close();

  // The password they chose signs them in (the form itself: the next test).
  const fresh = await browser.newContext();
  const idToken = await emulatorIdToken(fresh, staff.email, staff.password);
  const signedInAgain = await fresh.request.post("/api/session", { data: { idToken }, headers: { origin: new URL(admin.url()).origin } });
  expect(signedInAgain.status()).toBe(200);
  await fresh.close();
});

test("the admin sees an invitee who joined among the members, with their role", async ({ browser, signedIn }) => {
  const { admin, staff, link } = await inviteStaff(signedIn, "member");
  await (await join(browser, link, staff)).context().close();
  await admin.reload();
  await expect(admin.getByRole("main").getByRole("listitem").filter({ hasText: staff.email })).toContainText("Staff");
});

test("a new member signs out, is kept out of the dashboard, and signs back in with their password", async ({ page }) => {
  const clinic = newClinic("signout");
  await signUp(page, clinic);
  await visit(page, "/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login?reason=signed-out");
  await expect(page.getByText("You're signed out.")).toBeVisible();
  // The same browser (its cookies) in a new tab: a goto from the page the sign-out just landed on was once aborted
  // (net::ERR_ABORTED) by that page's own navigation still finishing.
  const again = await page.context().newPage();
  await again.goto("/dashboard");
  await again.waitForURL("**/login**");
  await signIn(again, clinic.admin.email, clinic.admin.password);
  await expect(again.getByText(clinic.name).first()).toBeVisible();
});

test("signup explains a taken address and an email that already has an account", async ({ page }) => {
  await visit(page, "/signup");
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
  await visit(page, "/login");
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
  await visit(page, "/signup");
  const fee = page.getByLabel("Appointment fee");
  await expect(fee).toHaveAttribute("aria-required", "true");
  expect(await fee.getAttribute("placeholder")).toBeNull();
  await page.getByLabel("Clinic name").fill("Empty Fee Clinic");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("Enter the fee, or 0 for free visits.")).toBeVisible();
  await expect(fee).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup$/);
});
