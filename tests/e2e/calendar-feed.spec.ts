import { Timestamp } from "firebase-admin/firestore";
import { one, parseIcs, parseUtc } from "../../lib/domain/calendar-feed/testing/parse-ics";
import { appNow } from "./support/clock";
import { expect, test, visit } from "./support/fixtures";
import { makeClinic, type NewClinic } from "./support/new-clinic";
import { stackFirestore } from "./support/stack";

// A new clinic's doctor makes their private calendar address on a laptop,
// copies it, and the address serves their confirmed visit as iCalendar; a
// new address stops the old one at once.

const LAPTOP = { viewport: { width: 1280, height: 800 }, permissions: ["clipboard-read", "clipboard-write"] };
let clinic: NewClinic;
let visitStart: number;
let made = false;

test.beforeAll(async () => {
  if (made) return;
  made = true;
  clinic = await makeClinic("feed");
  // A confirmed visit tomorrow, as the confirming verb leaves it.
  visitStart = Math.floor((appNow() + 26 * 3_600_000) / 1_800_000) * 1_800_000;
  const at = Timestamp.fromMillis(appNow());
  await stackFirestore().doc(`visits/feedvisit${clinic.slug.replace(/[^a-z0-9]/g, "")}`).create({
    clinicId: clinic.clinicId, doctorId: clinic.doctorId, doctorName: "Dr. Noor Haddad", appointmentId: "x",
    start: Timestamp.fromMillis(visitStart), end: Timestamp.fromMillis(visitStart + 1_800_000), timezone: clinic.timezone,
    patient: { name: "Maya Lindqvist", email: "maya@example.com", phone: "+1 555 010 1234" }, reason: "Sore throat",
    status: "scheduled", notes: "", createdAt: at, updatedAt: at,
  });
});

test("a doctor copies their calendar address and it serves their visits; a new address stops the old (1280 px)", async ({ signedIn }) => {
  const page = await signedIn(clinic.doctorEmail, LAPTOP);
  await visit(page, "/dashboard");
  await page.getByRole("navigation").getByRole("link", { name: "Calendar feed" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar feed" })).toBeVisible();
  await page.getByRole("button", { name: "Get a calendar address" }).click();
  const address = page.getByRole("textbox", { name: "Your visits: calendar address" });
  await expect(address).toHaveValue(/\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await address.inputValue();
  await page.getByRole("button", { name: "Copy address" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const body = await response.text();
  const events = parseIcs(body).children.filter((c) => c.name === "VEVENT");
  expect(events).toHaveLength(1);
  expect(parseUtc(one(events[0]!, "DTSTART"))).toBe(visitStart);
  expect(one(events[0]!, "STATUS")).toBe("CONFIRMED");
  expect(body).not.toContain("Maya");
  expect(body).not.toContain("Sore throat");

  await page.getByRole("button", { name: "Get a new address" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Replace the address" }).click();
  await expect(address).not.toHaveValue(url);
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.get(await address.inputValue())).status()).toBe(200);
});
