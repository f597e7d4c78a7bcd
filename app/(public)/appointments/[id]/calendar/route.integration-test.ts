import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { approveAppointment } from "@/lib/server/appointments/review";
import { at, book, callers, NOW, seedReviewWorld } from "@/tests/helpers/review-fixtures";
import { GET } from "./route";

// "Add to calendar": the .ics only for the browser holding the appointment's
// cookie (the emailed link, exchanged), and only once the visit is confirmed.

const APP = process.env.APP_URL!.replace(/\/$/, "");

const download = (id: string, cookie?: string) =>
  GET(new NextRequest(`${APP}/appointments/${id}/calendar`, { headers: cookie ? { cookie } : {} }), {
    params: Promise.resolve({ id }),
  });

beforeEach(async () => {
  await seedReviewWorld();
});

describe("GET /appointments/[id]/calendar", () => {
  it("is a 404 until the visit is confirmed, then the .ics as an attachment, never cached", async () => {
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    const pending = await download(id, `patient_link=${token}`);
    expect(pending.status).toBe(404);
    expect(await pending.text()).not.toContain("BEGIN:VCALENDAR");

    await approveAppointment(callers.freeStaff, id, { now: new Date(NOW.getTime() + 3600_000) });
    const response = await download(id, `patient_link=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+\.ics"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const ics = await response.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`UID:${id}`);
  });

  it("is a 404 without the cookie, with a wrong one, or with the token in the query string instead", async () => {
    const { id, token } = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
    await approveAppointment(callers.freeStaff, id, { now: new Date(NOW.getTime() + 3600_000) });
    for (const response of [
      await download(id),
      await download(id, `patient_link=${token.slice(0, -2)}xx`),
      await GET(new NextRequest(`${APP}/appointments/${id}/calendar?t=${token}`), { params: Promise.resolve({ id }) }),
      await download("nosuchrequest", `patient_link=${token}`),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("We couldn't find that appointment. Please open the link from your email again.");
    }
  });
});
