import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { patient, seedClinic } from "@/tests/helpers/clinic-fixtures";
import { requestAppointment } from "@/lib/server/appointments/request";
import { GET } from "./route";

// The status link's ?t= token is traded for a cookie scoped to the one
// appointment, and the browser is sent to the clean URL.

const APP = process.env.APP_URL!.replace(/\/$/, "");
const now = new Date("2030-01-07T12:00:00Z");

async function book() {
  const created = await requestAppointment(
    "test-clinic",
    "dr-test",
    { start: "2030-01-08T14:00:00.000Z", patient, reason: "Annual check-up" },
    { source: "web", now },
  );
  return { id: created.id, token: new URL(created.statusUrl).searchParams.get("t")! };
}

const open = (id: string, query: string) =>
  GET(new NextRequest(`${APP}/appointments/${id}/open${query}`), { params: Promise.resolve({ id }) });

const linkCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("patient_link="));

beforeEach(async () => {
  await clearFirestore();
  await seedClinic();
});

describe("GET /appointments/[id]/open", () => {
  it("sets an httpOnly, Secure, SameSite=Lax cookie on the appointment's path and redirects to the clean URL", async () => {
    const { id, token } = await book();
    const response = await open(id, `?t=${token}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/appointments/${id}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const cookie = linkCookie(response)!;
    expect(cookie.split(";")[0]).toBe(`patient_link=${token}`);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(new RegExp(`; Path=/appointments/${id}(;|$)`));
    expect(cookie).toMatch(/; Max-Age=2592000/);
  });

  it("keeps the Request sent flag and drops everything else", async () => {
    const { id, token } = await book();
    const response = await open(id, `?t=${token}&sent=1&utm_source=x`);
    expect(response.headers.get("location")).toBe(`/appointments/${id}?sent=1`);
    expect(linkCookie(response)).toBeDefined();
  });

  it("sets nothing for a wrong, missing or other appointment's token, and still leaves the token out of the URL", async () => {
    const { id, token } = await book();
    const other = await requestAppointment(
      "test-clinic",
      "dr-test",
      { start: "2030-01-08T15:20:00.000Z", patient, reason: "Second" },
      { source: "web", now },
    );
    const otherToken = new URL(other.statusUrl).searchParams.get("t")!;
    for (const [target, query] of [
      [id, `?t=${token.slice(0, -2)}xx`],
      [id, ""],
      [id, "?t="],
      [id, `?t=${otherToken}`],
      ["nosuchrequest", `?t=${token}`],
      ["__x__", `?t=${token}`],
    ] as const) {
      const response = await open(target, query);
      expect(response.status, `${target}${query}`).toBe(303);
      expect(response.headers.get("location")).toBe(`/appointments/${target}`);
      expect(linkCookie(response), `${target}${query}`).toBeUndefined();
    }
  });
});
