import { FieldValue } from "firebase-admin/firestore";
import { e2eBackendPorts } from "../../scripts/lib/e2e-ports";
import { unique } from "./support/booking";
import { DEMO_PASSWORD, expect, test, visit } from "./support/fixtures";
import { stackFirestore } from "./support/stack";

// A member removed while their dashboard is open is out on their very next
// request: the page they go to next lands on the sign-in page, which says they
// are no longer part of a clinic.

test("a removed member's open dashboard sends them to sign-in on their next navigation, saying why", async ({ request, signedIn }) => {
  // The member, set up past the UI: an account in the Auth emulator and a staff membership of the demo clinic.
  const email = `removed-${unique().replace(/[^a-z0-9]/g, "")}@demo.test`;
  const name = `Rory Removed ${unique()}`;
  const signUp = await request.post(`http://127.0.0.1:${e2eBackendPorts().auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-local-key`, {
    data: { email, password: DEMO_PASSWORD, returnSecureToken: true },
  });
  expect(signUp.status()).toBe(200);
  const { localId } = (await signUp.json()) as { localId: string };
  await stackFirestore().doc(`members/${localId}`).create({ clinicId: "clinic-demo", role: "staff", email, name, createdAt: FieldValue.serverTimestamp() });

  const member = await signedIn(email);
  await visit(member, "/dashboard");
  await expect(member.getByRole("heading", { level: 1, name: "Welcome, Rory" })).toBeVisible();

  const admin = await signedIn("admin@demo.test");
  await visit(admin, "/dashboard/team");
  const row = admin.getByRole("main").getByRole("listitem").filter({ hasText: email });
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  await admin.getByRole("dialog", { name: `Remove ${name}?` }).getByRole("button", { name: "Remove", exact: true }).click();
  // The action's own answer: the removal is committed. (The row alone can't tell: while the dialog is open the rest
  // of the page is hidden from the accessibility tree, so the row "is gone" before the action has even run.)
  await expect(admin.getByText("Removed from the clinic. Their sessions have ended.")).toBeVisible();
  await expect(admin.getByRole("dialog")).toHaveCount(0);
  await expect(row).toHaveCount(0);

  // The member's page is still open; their next navigation is refused.
  await member.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Requests" }).click();
  await member.waitForURL("**/login?reason=no-clinic");
  await expect(member.getByText("Your account isn't part of a clinic any more.")).toBeVisible();
});
