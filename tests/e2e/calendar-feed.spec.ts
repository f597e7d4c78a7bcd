import { Timestamp } from "firebase-admin/firestore";
import { one, parseIcs, parseUtc } from "../../lib/domain/calendar-feed/testing/parse-ics";
import { appNow } from "./support/clock";
import { expect, test, visit, type APIResponse } from "./support/fixtures";
import { makeClinic, type NewClinic } from "./support/new-clinic";
import { stackFirestore } from "./support/stack";

// A new clinic's doctor makes their private calendar address on a phone and
// on a laptop, copies it, and the address serves their confirmed visit as
// iCalendar; a new address stops the old one at once. A malformed, unknown or
// replaced address gets one plain 404 that says nothing more. Each test has a
// clinic of its own, so no test replaces another's address.

const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 800 },
] as const;

/** A new clinic with a confirmed visit tomorrow, as the confirming verb leaves it; its start in ms. */
async function clinicWithVisit(): Promise<{ clinic: NewClinic; visitStart: number }> {
  const clinic = await makeClinic("feed");
  const visitStart = Math.floor((appNow() + 26 * 3_600_000) / 1_800_000) * 1_800_000;
  const at = Timestamp.fromMillis(appNow());
  await stackFirestore().doc(`visits/feedvisit${clinic.slug.replace(/[^a-z0-9]/g, "")}`).create({
    clinicId: clinic.clinicId, doctorId: clinic.doctorId, doctorName: "Dr. Noor Haddad", appointmentId: "x",
    start: Timestamp.fromMillis(visitStart), end: Timestamp.fromMillis(visitStart + 1_800_000), timezone: clinic.timezone,
    patient: { name: "Maya Lindqvist", email: "maya@example.com", phone: "+1 555 010 1234" }, reason: "Sore throat",
    status: "scheduled", notes: "", createdAt: at, updatedAt: at,
  });
  return { clinic, visitStart };
}

/** The answer every bad address gets: a plain 404, never cached, and nothing about why. */
async function expectPlainNotFound(response: APIResponse, what: string) {
  expect(response.status(), what).toBe(404);
  expect(await response.text(), what).toBe("Not found.");
  expect(response.headers()["cache-control"], what).toBe("no-store");
  expect(response.headers()["content-type"], what).toBe("text/plain; charset=utf-8");
}

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width} px: a doctor copies their calendar address and it serves their visits; a new address stops the old at once`, async ({ signedIn }) => {
    const { clinic, visitStart } = await clinicWithVisit();
    const page = await signedIn(clinic.doctorEmail, { viewport, permissions: ["clipboard-read", "clipboard-write"] });
    await visit(page, "/dashboard");
    // A phone reaches the page through the top bar's menu; a laptop, the sidebar.
    if (viewport.width < 1024) await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Calendar feed" }).filter({ visible: true }).click();
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
    await expectPlainNotFound(await page.request.get(url), "the replaced address");
    expect((await page.request.get(await address.inputValue())).status()).toBe(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
}

test("a malformed or unknown calendar address gets the replaced one's plain 404, and the real one still works", async ({ signedIn, request }) => {
  const { clinic } = await clinicWithVisit();
  const page = await signedIn(clinic.doctorEmail);
  await visit(page, "/dashboard/calendar-feed");
  await page.getByRole("button", { name: "Get a calendar address" }).click();
  const address = page.getByRole("textbox", { name: "Your visits: calendar address" });
  await expect(address).toHaveValue(/\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  const path = new URL(await address.inputValue()).pathname;
  const token = path.slice("/api/feeds/".length, -".ics".length);
  // The same shape as a real token, never issued: 43 base64url characters.
  const unknown = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
  const bad: Record<string, string> = {
    "an unknown token": `/api/feeds/${unknown}.ics`,
    "one character short": `/api/feeds/${token.slice(1)}.ics`,
    "one character more": `/api/feeds/${token}A.ics`,
    "not base64url": `/api/feeds/${token.slice(0, -1)}%21.ics`,
    "another extension": `/api/feeds/${token}.ICS`,
    "no extension": `/api/feeds/${token}`,
    "a very long token": `/api/feeds/${"A".repeat(4000)}.ics`,
  };
  for (const [what, badPath] of Object.entries(bad)) await expectPlainNotFound(await request.get(badPath), what);
  expect((await request.get(path)).status()).toBe(200);
});
