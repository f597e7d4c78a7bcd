import { unique } from "./support/booking";
import { expect, test, visit, type Page } from "./support/fixtures";

// A new clinic's booking page opens once its admin has verified their email:
// until then a patient gets a 404 saying it isn't open yet; the dashboard says
// what is waiting, and "I've verified it" re-checks with Firebase Auth.

async function signUp(page: Page) {
  const id = unique().replace(/[^a-z0-9]/g, "");
  const clinic = { name: `Lantern Clinic ${id}`, slug: `lantern-clinic-${id}`, admin: `lena-${id}@lantern.test` };
  await visit(page, "/signup");
  await page.getByLabel("Clinic name").fill(clinic.name);
  await expect(page.getByLabel("Booking link")).toHaveValue(clinic.slug);
  await page.getByLabel("Time zone").fill("America/New_York");
  await page.getByLabel("Time zone").press("Escape");
  await page.getByLabel("Appointment fee").fill("0");
  await page.getByLabel("Phone", { exact: true }).fill("+1 212 555 0199");
  await page.getByLabel("Email", { exact: true }).fill(`front-${id}@lantern.test`);
  await page.getByLabel("Address").fill("9 Lantern Lane, New York");
  await page.getByLabel("Your name").fill("Lena Lantern");
  await page.getByLabel("Your email").fill(clinic.admin);
  await page.getByLabel("Password").fill("lantern-password");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await page.waitForURL("**/dashboard?welcome=1");
  return clinic;
}

test("a new clinic's booking page opens only after its admin follows the verification link and re-checks", async ({ page, browser }) => {
  const clinic = await signUp(page);
  const banner = page.getByTestId("verify-email-banner");
  await expect(banner).toContainText("Verify your email to open your booking page");
  await expect(banner).toContainText(clinic.admin);

  // A patient: a 404 that names the clinic and says why, and nothing else about it.
  const patient = await (await browser.newContext()).newPage();
  const closed = await patient.goto(`/book/${clinic.slug}`);
  expect(closed?.status()).toBe(404);
  await expect(patient.getByRole("heading", { level: 1 })).toHaveText("This clinic's booking page isn't open yet.");
  await expect(patient.getByText(clinic.name)).toBeVisible();
  // The tab says so too (not "Clinic not found").
  await expect(patient).toHaveTitle(new RegExp(`^${clinic.name}: booking isn't open yet`));
  await expect(patient.getByText("9 Lantern Lane")).toHaveCount(0);

  // Sign-up has just sent the email: a resend is refused, saying when to try again.
  await banner.getByRole("button", { name: "Resend the email" }).click();
  await expect(banner.getByRole("status")).toHaveText(/We just sent it\. .*try again in \d+ seconds\./);
  // Not verified yet: the re-check says so, and the page stays closed.
  await banner.getByRole("button", { name: "I've verified it" }).click();
  await expect(banner.getByRole("status")).toHaveText(`Your email isn't verified yet. Open the link in the email we sent to ${clinic.admin}, then press "I've verified it" again.`);

  // The admin opens the email elsewhere (not signed in there) and follows its link: the Auth emulator verifies.
  const inbox = await (await browser.newContext()).newPage();
  await inbox.goto(`/dev/mailbox?to=${encodeURIComponent(clinic.admin)}`);
  const mail = inbox.getByRole("article").filter({ hasText: "Verify your email to open your booking page" });
  await expect(mail).toHaveCount(1);
  await mail.getByRole("link", { name: /mode=verifyEmail/ }).click();
  // The emulator's page continues to the dashboard, which asks this browser to sign in.
  await inbox.waitForURL(/\/login/);

  // Back on the dashboard: the re-check opens the booking page.
  await banner.getByRole("button", { name: "I've verified it" }).click();
  await expect(page.getByText("Your email is verified: your booking page is open to patients.")).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);

  const open = await patient.goto(`/book/${clinic.slug}`);
  expect(open?.status()).toBe(200);
  await expect(patient.getByRole("heading", { level: 1, name: clinic.name })).toBeVisible();
  await expect(patient.getByText("9 Lantern Lane, New York")).toBeVisible();
  await patient.context().close();
  await inbox.context().close();
});
