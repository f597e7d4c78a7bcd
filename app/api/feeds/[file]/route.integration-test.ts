import { Timestamp } from "firebase-admin/firestore";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { contentLines, one, parseIcs } from "@/lib/domain/calendar-feed/testing/parse-ics";
import { createCalendarFeed } from "@/lib/server/calendar-feeds/feeds";
import { appNow } from "@/lib/server/clock";
import { db } from "@/lib/server/firebase";
import { visits } from "@/lib/server/visits/visit-docs";
import { seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { GET } from "./route";

// The feed's route: the verb's answer as text/calendar, or one plain 404 for
// every token that is not a live feed's (lib/server/calendar-feeds has the rest).

const doctor = { clinicId: "clinic-test", clinicName: "Test Clinic", uid: "doc-two", email: "two@test.test", name: "Dr. Two", role: "doctor", doctorId: "dr-two" } satisfies Caller;
const tokenOf = (url: string) => /\/api\/feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
const events = (ics: string) => parseIcs(ics).children.filter((c) => c.name === "VEVENT");

beforeAll(() => {
  db();
});

beforeEach(async () => {
  await clearFirestore();
  await seedClinic({ doctors: [{ id: "dr-two" }] });
  await testDb().doc("members/doc-two").set({ clinicId: "clinic-test", role: "doctor", doctorId: "dr-two", email: doctor.email, name: doctor.name });
  const start = appNow().getTime() + 86_400_000;
  await visits().doc("v3").set({
    clinicId: "clinic-test", doctorId: "dr-two", doctorName: "Dr. Two", appointmentId: "v3",
    start: Timestamp.fromMillis(start), end: Timestamp.fromMillis(start + 1_800_000), timezone: "America/New_York",
    patient: { name: "Ada Lovelace", email: "ada@example.com", phone: "" }, reason: "", status: "scheduled", notes: "",
    createdAt: Timestamp.fromMillis(start - 86_400_000), updatedAt: Timestamp.fromMillis(start - 86_400_000),
  });
});

describe("GET /api/feeds/[token].ics", () => {
  const get = (file: string) => GET(new Request(`http://localhost/api/feeds/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) });

  it("answers the feed as text/calendar, never cached, well formed to the octet", async () => {
    const token = tokenOf((await createCalendarFeed(doctor, "doctor")).url);
    const response = await get(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    expect(contentLines(text)[0]).toBe("BEGIN:VCALENDAR");
    expect(events(text).map((e) => one(e, "UID"))).toEqual(["visit-v3@clinic-booking"]);
  });

  it("is the same plain 404 for every bad token, saying nothing", async () => {
    const token = tokenOf((await createCalendarFeed(doctor, "doctor")).url);
    const unknown = Buffer.alloc(32, 7).toString("base64url");
    const bad = ["", ".ics", "x.ics", token, `${token}.ICS`, `${token}=.ics`, `${token}a.ics`, `${token.slice(1)}.ics`, `${unknown}.ics`, `${token.slice(0, -1)}!.ics`, `../${token}.ics`, `${"A".repeat(5000)}.ics`, `${token}.ics\u0000`];
    for (const file of bad) {
      const response = await get(file);
      expect(response.status, file).toBe(404);
      expect(await response.text()).toBe("Not found.");
    }
  });
});
