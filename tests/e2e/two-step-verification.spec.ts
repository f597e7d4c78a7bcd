import { getApps } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { FieldValue } from "firebase-admin/firestore";
import { e2eBackendPorts } from "../../scripts/lib/e2e-ports";
import { unique } from "./support/booking";
import { DEMO_PASSWORD, emulatorIdToken, expect, signIn, test, visit, type APIRequestContext, type Page } from "./support/fixtures";
import { stackFirestore } from "./support/stack";

// Two-step verification by SMS against the stack's Auth emulator, which
// "texts" its codes to /emulator/v1/projects/<id>/verificationCodes. Each test
// has a clinic and member of its own (a seeded clinic that required a second
// factor would change every other spec); the sign-in under test goes through
// the page, the set-up through the API.

async function clinicWithMember(options: { requireSecondFactor: boolean }) {
  const db = stackFirestore();
  const id = unique().replace(/[^a-z0-9]/g, "");
  const clinicId = `clinic-2fa-${id}`;
  const email = `member-${id}@two-step.test`;
  const now = FieldValue.serverTimestamp();
  await db.doc(`clinics/${clinicId}`).create({
    slug: `two-step-${id}`, name: "Two-Step Clinic", description: "", address: "1 Harbour Road, Portland, ME 04101",
    phone: "+1 (207) 555-0100", email: "desk@two-step.test", timezone: "America/New_York", feeCents: 0, currency: "USD",
    requireSecondFactor: options.requireSecondFactor, createdAt: now, updatedAt: now,
  });
  // Firebase enrols a second factor only for a verified email.
  const user = await getAuth(getApps().find((app) => app.name === "e2e")!).createUser({ email, password: DEMO_PASSWORD, emailVerified: true, displayName: "Tess Twostep" });
  await db.doc(`members/${user.uid}`).create({ clinicId, role: "staff", email, name: "Tess Twostep", createdAt: now });
  // A mobile number of this test's own, so its codes are told apart from other tests'.
  const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  return { clinicId, email, phone };
}

/** The latest unused code the emulator "texted" to `phone` (a code is gone once used), waiting for the page's request to reach it. */
async function textedCode(page: Page, phone: string): Promise<string> {
  const project = process.env.FIREBASE_PROJECT_ID ?? "demo-clinic";
  const url = `http://127.0.0.1:${e2eBackendPorts().auth}/emulator/v1/projects/${project}/verificationCodes`;
  let code: string | undefined;
  await expect
    .poll(async () => {
      const { verificationCodes } = (await (await page.request.get(url)).json()) as { verificationCodes: { phoneNumber: string; code: string }[] };
      code = verificationCodes.filter((entry) => entry.phoneNumber === phone).at(-1)?.code;
      return code;
    }, { message: `a code texted to ${phone}` })
    .toBeDefined();
  return code!;
}

/** Enrols `phone` through the emulator's MFA REST API, as the account page's SDK does (set-up for the sign-in test). */
async function enrolThroughApi(page: Page, email: string, phone: string) {
  const request: APIRequestContext = page.request;
  const idToken = await emulatorIdToken(page.context(), email);
  const v2 = `http://127.0.0.1:${e2eBackendPorts().auth}/identitytoolkit.googleapis.com/v2/accounts`;
  const started = await request.post(`${v2}/mfaEnrollment:start?key=demo-local-key`, { data: { idToken, phoneEnrollmentInfo: { phoneNumber: phone } } });
  const { sessionInfo } = ((await started.json()) as { phoneSessionInfo: { sessionInfo: string } }).phoneSessionInfo;
  const code = await textedCode(page, phone);
  const finished = await request.post(`${v2}/mfaEnrollment:finalize?key=demo-local-key`, { data: { idToken, phoneVerificationInfo: { sessionInfo, code } } });
  expect(finished.status(), await finished.text()).toBe(200);
}

async function signInWithPassword(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a member turns on SMS two-step verification on the account page", async ({ browser }) => {
  const member = await clinicWithMember({ requireSecondFactor: false });
  const context = await browser.newContext();
  await signIn(context, member.email);
  const page = await context.newPage();

  await visit(page, "/dashboard");
  await page.getByRole("link", { name: "Your account and two-step verification" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await page.getByLabel("Your password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByLabel("Mobile number").fill(`${member.phone.slice(0, 2)} ${member.phone.slice(2, 5)} ${member.phone.slice(5)}`);
  await page.getByRole("button", { name: "Text me a code" }).click();
  await page.getByLabel("Code from the text message").fill(await textedCode(page, member.phone));
  await page.getByRole("button", { name: "Turn on", exact: true }).click();
  const lastFour = member.phone.slice(-4);
  await expect(page.getByText(`Two-step verification is on. We'll text a code to •••• ${lastFour}`)).toBeVisible();
  // The server's own view (the enrolled factor), after the page refreshed its data.
  await expect(page.getByText(`Codes go to •••• ${lastFour}.`)).toBeVisible();
  await context.close();
});

test("the next sign-in asks for the texted code, refusing a wrong one with its own words", async ({ page }) => {
  const member = await clinicWithMember({ requireSecondFactor: false });
  await enrolThroughApi(page, member.email, member.phone);
  await visit(page, "/login");
  await signInWithPassword(page, member.email);
  await expect(page.getByText(`We texted a 6-digit code to your phone (•••• ${member.phone.slice(-4)})`)).toBeVisible();
  const code = await textedCode(page, member.phone);
  await page.getByLabel("Code from the text message").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That code isn't right. Check the text message and try again.")).toBeVisible();
  await page.getByLabel("Code from the text message").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
});

test("once the clinic requires it, a member's session without it opens no page, and signing in has them add a phone first", async ({ browser }) => {
  const member = await clinicWithMember({ requireSecondFactor: false });
  const context = await browser.newContext();
  await signIn(context, member.email);
  await stackFirestore().doc(`clinics/${member.clinicId}`).update({ requireSecondFactor: true });
  const page = await context.newPage();

  await page.goto("/dashboard/schedule");
  await page.waitForURL("**/login?reason=second-factor");
  await expect(page.getByText("Your clinic now requires two-step verification.")).toBeVisible();
  await signInWithPassword(page, member.email);
  await expect(page.getByText("Your clinic requires two-step verification. Add your mobile phone")).toBeVisible();
  // No session yet: the dashboard still sends the member back.
  const elsewhere = await context.newPage();
  await elsewhere.goto("/dashboard");
  await elsewhere.waitForURL("**/login?reason=second-factor");
  await elsewhere.close();
  await page.getByLabel("Mobile number").fill(member.phone);
  await page.getByRole("button", { name: "Text me a code" }).click();
  await page.getByLabel("Code from the text message").fill(await textedCode(page, member.phone));
  await page.getByRole("button", { name: "Turn on and sign in" }).click();
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
  await context.close();
});
