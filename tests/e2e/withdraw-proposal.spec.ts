import { expect, expectNoAxeViolations, reload, test, visit, type Page } from "./support/fixtures";
import { book } from "./support/booking";

// Staff withdraw or replace a proposal while it awaits the patient, and the
// patient's status page follows. Dr. Priya Raman has 7 times a day; these
// offsets (80, 87) are a day apart from each other and from the other specs'
// (review.spec.ts 3, status-page-review.spec.ts 10–52 and 66), so no two
// tests race for one time.

const DOCTOR = { slug: "demo", doctorId: "dr-priya-raman", phone: "+1 555 010 3333", reason: "Follow-up visit." };

/** Opens the propose dialog (`name` is its button and title) and sends the request day's `slotIndex`-th free time. */
async function proposeFromDialog(staff: Page, name: string, slotIndex: number) {
  await staff.getByRole("button", { name }).click();
  const dialog = staff.getByRole("dialog", { name });
  await expect(dialog.getByRole("grid").locator('button[aria-label*="selected"]')).toHaveCount(1);
  await dialog.locator("[data-slot]").nth(slotIndex).click();
  await dialog.getByRole("button", { name: "Propose this time" }).click();
  await expect(dialog).toBeHidden();
}

test("staff withdraw a proposal: the request needs review again and the patient's page stops asking for an answer", async ({ page: patient, request, signedIn }) => {
  const booked = await book(request, { ...DOCTOR, offset: 80, name: "Wren Withdrawn" });
  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await proposeFromDialog(staff, "Propose a new time", 0);
  await visit(patient, booked.statusPath);
  await expect(patient.getByRole("button", { name: "Accept new time" })).toBeVisible();

  const decision = staff.getByRole("region", { name: "Decision" });
  await decision.getByRole("button", { name: "Withdraw proposal" }).click();
  const dialog = staff.getByRole("dialog", { name: "Withdraw the proposed time?" });
  await expect(dialog).toContainText("goes back to its original time");
  await dialog.getByRole("button", { name: "Withdraw proposal" }).click();
  await expect(staff.getByText(/Proposal withdrawn\. The request needs review again/).first()).toBeVisible();
  await expect(staff.getByText("withdrew the proposed time").first()).toBeVisible();
  await expect(decision.getByRole("button", { name: "Approve" })).toBeVisible();

  await reload(patient);
  await expect(patient.getByText(/The clinic withdrew the time it proposed/)).toBeVisible();
  await expect(patient.getByRole("button", { name: "Accept new time" })).toHaveCount(0);
  await expectNoAxeViolations(patient, "status page after a withdrawn proposal");
});

test("staff propose a different time: the patient's stale answer is refused and the page shows the new time", async ({ page: patient, request, signedIn }) => {
  const booked = await book(request, { ...DOCTOR, offset: 87, name: "Rory Replaced" });
  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await proposeFromDialog(staff, "Propose a new time", 0);
  await visit(patient, booked.statusPath);
  const panel = patient.getByRole("region", { name: "The clinic proposed a new time" });
  const first = (await panel.getByRole("definition").nth(1).innerText()).trim();

  await proposeFromDialog(staff, "Propose a different time", 1);
  await expect(staff.getByText(/New time proposed/).first()).toBeVisible();

  // The patient's open page still shows the first proposal: accepting it is refused.
  await patient.getByRole("button", { name: "Accept new time" }).click();
  await expect(patient.getByText(/The clinic proposed a different time after this page was loaded/).first()).toBeVisible();
  await expect(panel.getByRole("definition").nth(1)).not.toHaveText(first);
  await expect(patient.getByRole("button", { name: "Accept new time" })).toBeVisible();
  await expectNoAxeViolations(patient, "status page after a different time was proposed");
});
