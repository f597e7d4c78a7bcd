import { Timestamp } from "firebase-admin/firestore";
import { expect, expectNoAxeViolations, reload, test, visit } from "./support/fixtures";
import { book } from "./support/booking";
import { appNow } from "./support/clock";
import { runExpiry, stackFirestore, warmStack } from "./support/stack";

// The patient's status page in the "Expired" state. The test moves the hold's
// deadline into the past on the app's clock (set-up only, as schedule.spec.ts
// does for a visit's time), then runs the app's own expiry: the scheduled
// function's handler from the functions bundle, the way
// scripts/expiry-ticker.ts runs it in the dev stack. The status, the released
// locks, the history and the email all come from that code. Dr. Priya Raman's
// 36th free time counted from the first (status-page.spec.ts takes 20–32).

// Loads firebase-admin and the functions bundle before the test, not inside it.
test.beforeAll(() => warmStack({ expiry: true }));

test("an expired request says so, links back to the clinic's booking page, and is axe-clean", async ({ page, request }) => {
  const booked = await book(request, { slug: "demo", doctorId: "dr-priya-raman", offset: 36, from: "first", name: "Eli Expired", phone: "+1 555 010 5555", reason: "Mole check." });
  await visit(page, booked.statusPath);
  await expect(page.getByText("Waiting for the clinic to review")).toBeVisible();

  // Test set-up only: the hold's deadline passes (as if its time had run out).
  const db = stackFirestore();
  await db.doc(`appointments/${booked.id}`).update({ expiresAt: Timestamp.fromMillis(appNow() - 60_000) });
  await runExpiry();

  await reload(page);
  await expect(page.getByText("Expired — please book again")).toBeVisible();
  await expect(page.getByRole("heading", { name: "This request expired" })).toBeVisible();
  const bookAgain = page.getByRole("link", { name: "Book another time" });
  await expect(bookAgain).toHaveAttribute("href", "/book/demo");
  // The app's expiry wrote the history entry (nothing here set the status).
  const history = await db.collection(`appointments/${booked.id}/history`).get();
  expect(history.docs.map((d) => d.get("action"))).toContain("expire");

  await expectNoAxeViolations(page, "expired");

  await bookAgain.click();
  await expect(page).toHaveURL(/\/book\/demo$/);
});
