import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { joinWaitlist } from "@/lib/server/waitlist/join";
import { waitlistEntryId } from "@/lib/server/waitlist/entries";
import { POST } from "./route";

// A mail app's one-click unsubscribe (RFC 8058): the waiting list's emails carry List-Unsubscribe and
// List-Unsubscribe-Post, and the app POSTs "List-Unsubscribe=One-Click" to that address, without a cookie or Origin.
const NOW = new Date("2030-01-07T12:00:00Z");

beforeAll(async () => {
  await seedClinic({ id: "clinic-u", slug: "clinic-u", doctors: [{ id: "dr-u" }] });
});

const oneClick = (url: string) =>
  POST(new NextRequest(url, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }));

async function joinedHeaders(email: string) {
  await joinWaitlist("clinic-u", "dr-u", { email, days: [] }, { ip: null, now: NOW });
  const [mail] = (await testDb().collection("mail").where("to", "==", email).get()).docs;
  return mail!.get("headers") as Record<string, string>;
}

const entryExists = async (email: string) => (await testDb().doc(`waitlist/${waitlistEntryId("clinic-u", "dr-u", email)}`).get()).exists;

describe("POST /api/waitlist/leave (one-click, from the email's List-Unsubscribe header)", () => {
  it("leaves at once from the address in the queued email's headers, and a second click finds nothing", async () => {
    const headers = await joinedHeaders("una@example.com");
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(http[^>]+\/api\/waitlist\/leave\?w=[^>]+)>$/.exec(headers["List-Unsubscribe"]!)![1]!;
    expect(await entryExists("una@example.com")).toBe(true);

    const first = await oneClick(url);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ left: true });
    expect(await entryExists("una@example.com")).toBe(false);
    expect(await (await oneClick(url)).json()).toEqual({ left: false });
  });

  it("refuses a malformed address (400) and a secret that doesn't match (404), leaving the place as it was", async () => {
    const headers = await joinedHeaders("vic@example.com");
    const url = new URL(/^<([^>]+)>$/.exec(headers["List-Unsubscribe"]!)![1]!);
    const wrongSecret = new URL(url);
    wrongSecret.searchParams.set("t", `${url.searchParams.get("t")!.slice(0, -2)}AA`);
    const noSecret = new URL(url);
    noSecret.searchParams.delete("t");
    const badEntry = new URL(url);
    badEntry.searchParams.set("w", "../members/x");

    expect((await oneClick(wrongSecret.href)).status).toBe(404);
    expect((await oneClick(noSecret.href)).status).toBe(400);
    expect((await oneClick(badEntry.href)).status).toBe(400);
    expect(await entryExists("vic@example.com")).toBe(true);
  });
});
