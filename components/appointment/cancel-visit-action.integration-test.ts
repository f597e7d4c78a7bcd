import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PATIENT_COOKIE } from "@/lib/server/auth/patient-link";
import { approveAppointment } from "@/lib/server/appointments/review";
import { appointment, at, book, callers, later, seedReviewWorld, snapshotAll } from "@/tests/helpers/review-fixtures";
import { cancelVisit } from "./actions";

// "Cancel my visit" is a public input: the server action's body (the
// appointment id and the refund the page quoted) comes from anyone's browser,
// and its credential is the patient's link cookie. Like the booking form, a
// malformed body or a missing or wrong credential gets one clear answer and
// writes nothing; only the link's own cookie with a quote the policy honours
// cancels.

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ refresh: () => {} }));

const NOT_FOUND = "We couldn't find that request. Please open the link from your email again.";

/** A free clinic's confirmed visit, and the action's clock three hours after its request (the visit is the next day). */
async function confirmedFreeVisit() {
  const booked = await book(at("09:00"), { slug: "clinic-f", doctorId: "dr-f1" });
  await approveAppointment(callers.freeStaff, booked.id, { now: later(1) });
  expect(await appointment(booked.id)).toMatchObject({ status: "confirmed" });
  return booked;
}

beforeEach(async () => {
  await seedReviewWorld();
  jar.clear();
  // The action reads the app's clock (appNow), which the emulators let a test set: the review world's day.
  vi.stubEnv("APP_CLOCK_OFFSET_MS", String(later(3).getTime() - Date.now()));
});
afterEach(() => vi.unstubAllEnvs());

describe("cancelVisit, the status page's server action", () => {
  it("refuses a malformed quoted refund with the not-found answer, writing nothing", async () => {
    const { id, token } = await confirmedFreeVisit();
    jar.set(PATIENT_COOKIE, token);
    const before = await snapshotAll();
    for (const quote of [undefined, null, "0", -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, {}, [0]]) {
      const result = await cancelVisit(id, quote);
      expect(result, String(quote)).toEqual({ ok: false, code: "not_found", message: NOT_FOUND, fields: {} });
    }
    expect(await snapshotAll()).toEqual(before);
  });

  it("refuses a malformed id, a missing cookie or another link's token the same way, writing nothing", async () => {
    const { id, token } = await confirmedFreeVisit();
    const other = await book(at("09:40"), { slug: "clinic-f", doctorId: "dr-f1" });
    const before = await snapshotAll();
    jar.set(PATIENT_COOKIE, token);
    for (const badId of [42, null, "", "../x", `${id}/`, `${id}x`, other.id, "a".repeat(5000)]) {
      const result = await cancelVisit(badId, 0);
      expect(result, String(badId).slice(0, 40)).toMatchObject({ ok: false, code: "not_found", message: NOT_FOUND });
    }
    jar.clear();
    expect(await cancelVisit(id, 0)).toMatchObject({ ok: false, code: "not_found", message: NOT_FOUND });
    jar.set(PATIENT_COOKIE, other.token);
    expect(await cancelVisit(id, 0)).toMatchObject({ ok: false, code: "not_found", message: NOT_FOUND });
    jar.set(PATIENT_COOKIE, `${token}x`);
    expect(await cancelVisit(id, 0)).toMatchObject({ ok: false, code: "not_found", message: NOT_FOUND });
    expect(await snapshotAll()).toEqual(before);
  });

  it("with the link's cookie and the quote the policy gives, cancels once; a second send changes nothing", async () => {
    const { id, token } = await confirmedFreeVisit();
    jar.set(PATIENT_COOKIE, token);
    expect(await cancelVisit(id, 0)).toEqual({ ok: true, message: "" });
    expect(await appointment(id)).toMatchObject({ status: "cancelled", lockIds: [] });
    const after = await snapshotAll();
    expect((await cancelVisit(id, 0)).ok).toBe(false);
    expect(await snapshotAll()).toEqual(after);
  });
});
