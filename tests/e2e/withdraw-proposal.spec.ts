import { expect, expectNoAxeViolations, reload, test, visit, type APIRequestContext, type Page } from "./support/fixtures";
import { book, bookTime } from "./support/booking";

// Staff withdraw or replace a proposal while it awaits the patient, and both
// pages follow. Each test books through the public API and proposes through
// the staff's own Decision card (staff actions have no API), then checks one
// thing; the two new page states (the staff page with no time held after a
// withdrawal, the patient's page after one) get the axe scans. Dr. Priya Raman has 7 times a day; these offsets (73, 80, 87, 94,
// 101) are a day apart from each other and from the other specs' (review.spec.ts
// 3, status-page-review.spec.ts 10–52 and 66), so no two tests race for one time.

const DOCTOR = { slug: "demo", doctorId: "dr-priya-raman", phone: "+1 555 010 3333", reason: "Follow-up visit." };

/** Opens the propose dialog (`name` is its button and title) and sends the request day's `slotIndex`-th free time; it closes once the server has answered. */
async function proposeFromDialog(staff: Page, name: string, slotIndex: number) {
  await staff.getByRole("button", { name }).click();
  const dialog = staff.getByRole("dialog", { name });
  await expect(dialog.getByRole("grid").locator('button[aria-label*="selected"]')).toHaveCount(1);
  await dialog.locator("[data-slot]").nth(slotIndex).click();
  await dialog.getByRole("button", { name: "Propose this time" }).click();
  await expect(dialog).toBeHidden();
}

/** A request with a proposed time awaiting its patient; `staff` is on its page. */
async function withProposal(request: APIRequestContext, signedIn: (email: string) => Promise<Page>, offset: number, name: string) {
  const booked = await book(request, { ...DOCTOR, offset, name });
  const staff = await signedIn("staff@demo.test");
  await visit(staff, `/dashboard/requests/${booked.id}`);
  await proposeFromDialog(staff, "Propose a new time", 0);
  return { booked, staff };
}

/** Withdraws through the confirmation dialog; it closes once the server has answered. */
async function withdraw(staff: Page) {
  await staff.getByRole("region", { name: "Decision" }).getByRole("button", { name: "Withdraw proposal" }).click();
  const dialog = staff.getByRole("dialog", { name: "Withdraw the proposed time?" });
  await dialog.getByRole("button", { name: "Withdraw proposal" }).click();
  await expect(dialog).toBeHidden();
}

/** The proposed time on the patient's open status page. */
const proposedOn = (patient: Page) =>
  patient.getByRole("region", { name: "The clinic proposed a new time" }).getByText("Proposed time", { exact: true }).locator("xpath=following-sibling::dd");

test("staff withdraw a proposal whose original time is free: the request needs review again, that time held", async ({ request, signedIn }) => {
  const { staff } = await withProposal(request, signedIn, 80, "Wren Withdrawn");
  await withdraw(staff);
  await expect(staff.getByText(/Proposal withdrawn\. The request needs review again at its original time/).first()).toBeVisible();
  const decision = staff.getByRole("region", { name: "Decision" });
  await expect(decision.getByRole("button", { name: "Approve" })).toBeVisible();
  await expect(staff.getByText("withdrew the proposed time").first()).toBeVisible();
  await expect(staff.getByText(/No time is held|Patient declined|turned down/)).toHaveCount(0);
});

test("staff withdraw a proposal whose original time was taken meanwhile: the staff page says so, never that the patient declined", async ({ request, signedIn }) => {
  const { booked, staff } = await withProposal(request, signedIn, 73, "Tess Taken");
  // The proposal released the original time; another patient takes it.
  await bookTime(request, DOCTOR.slug, DOCTOR.doctorId, booked.start);
  await withdraw(staff);
  await expect(staff.getByText(/Proposal withdrawn\. The original time could not be held again/).first()).toBeVisible();

  const decision = staff.getByRole("region", { name: "Decision" });
  await expect(decision.getByText("Proposal withdrawn — no time held; propose a time or decline.")).toBeVisible();
  await expect(decision.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(decision.getByRole("button", { name: "Propose a new time" })).toBeVisible();
  await expect(staff.getByText(/^The clinic withdrew its proposal of /)).toBeVisible();
  await expect(staff.getByText(/^No time is held\. Unless you propose another time or decline, the request expires /)).toBeVisible();
  await expect(staff.getByText(/Patient declined|turned down/)).toHaveCount(0);
  await expectNoAxeViolations(staff, "request page after a withdrawal left no time held");
});

test("after staff withdraw a proposal the patient's page stops asking for an answer and names the withdrawn time", async ({ page: patient, request, signedIn }) => {
  const { booked, staff } = await withProposal(request, signedIn, 87, "Willa Withdrawn");
  await withdraw(staff);
  await visit(patient, booked.statusPath);
  await expect(patient.getByText(/^The clinic withdrew the time it proposed, .+: your request is for its original time again\.$/)).toBeVisible();
  await expect(patient.getByText(/We're holding this time for you/)).toBeVisible();
  await expect(patient.getByRole("button", { name: "Accept new time" })).toHaveCount(0);
  await expectNoAxeViolations(patient, "status page after a withdrawn proposal");
});

/** The time the proposal replaced, on the patient's open status page. */
const originalOn = (patient: Page) =>
  patient.getByRole("region", { name: "The clinic proposed a new time" }).getByText("Original time", { exact: true }).locator("xpath=following-sibling::dd");

/** A proposal the patient's page shows (`first`, replacing `original`), then replaced by staff with the day's next free time. */
async function replacedProposal(request: APIRequestContext, signedIn: (email: string) => Promise<Page>, patient: Page, offset: number, name: string) {
  const { booked, staff } = await withProposal(request, signedIn, offset, name);
  await visit(patient, booked.statusPath);
  const first = (await proposedOn(patient).innerText()).trim();
  const original = (await originalOn(patient).innerText()).trim();
  await proposeFromDialog(staff, "Propose a different time", 1);
  return { first, original };
}

test("staff propose a different time: the patient's page shows the new one, against the same original", async ({ page: patient, request, signedIn }) => {
  const { first, original } = await replacedProposal(request, signedIn, patient, 94, "Rory Replaced");
  await reload(patient);
  await expect(proposedOn(patient)).not.toHaveText(first);
  await expect(originalOn(patient)).toHaveText(original);
  await expect(patient.getByRole("button", { name: "Accept new time" })).toBeVisible();
});

test("the patient's answer to a proposal staff replaced is refused, and the page then shows the new time", async ({ page: patient, request, signedIn }) => {
  const { first } = await replacedProposal(request, signedIn, patient, 101, "Stella Stale");
  // The patient's open page still shows the first proposal.
  await patient.getByRole("button", { name: "Accept new time" }).click();
  await expect(patient.getByText(/The clinic proposed a different time after this page was loaded/).first()).toBeVisible();
  await expect(proposedOn(patient)).not.toHaveText(first);
  await expect(patient.getByRole("button", { name: "Accept new time" })).toBeVisible();
});
