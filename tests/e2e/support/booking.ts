import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import { addDays, appNow, localDate } from "./clock";

// Patients book through the public JSON API. Each spec takes times no other
// spec takes: some count forward from the first free time, the others back
// from the end of the bookable window, each with its own doctor or offset.

export type Booked = { id: string; start: string; statusPath: string; email: string; name: string };

export const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const ZONES: Record<string, string> = { demo: "America/New_York", "demo-free": "America/Chicago" };

/** The doctor's free times from today (the app's clock, in the clinic's zone) through the next 55 days. */
export async function freeSlots(request: APIRequestContext, slug: string, doctorId: string): Promise<{ start: string; end: string }[]> {
  const today = localDate(appNow(), ZONES[slug] ?? "UTC");
  const response = await request.get(`/api/public/orgs/${slug}/doctors/${doctorId}/slots?from=${today}&to=${addDays(today, 55)}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { slots: { start: string; end: string }[] }).slots;
}

export interface BookingRequest {
  slug: string;
  doctorId: string;
  /** How many free times to skip, counted from the end of the window ("last") or from the first free time ("first"). */
  offset: number;
  from?: "first" | "last";
  name?: string;
  email?: string;
  phone?: string;
  reason?: string;
  headers?: Record<string, string>;
}

/** Requests the `offset`-th free time (skipping any taken meanwhile). */
export async function book(request: APIRequestContext, want: BookingRequest): Promise<Booked> {
  const slots = await freeSlots(request, want.slug, want.doctorId);
  const ordered = want.from === "first" ? slots : slots.reverse();
  const name = want.name ?? "Robin Patient";
  const email = want.email ?? `patient-${unique()}@example.com`;
  for (const slot of ordered.slice(want.offset)) {
    const response = await request.post(`/api/public/orgs/${want.slug}/doctors/${want.doctorId}/requests`, {
      data: { start: slot.start, patient: { name, email, phone: want.phone ?? "+1 555 010 7777" }, reason: want.reason ?? "Persistent cough for two weeks." },
      headers: want.headers,
    });
    if (response.status() === 409) continue;
    expect(response.status(), await response.text()).toBe(201);
    const body = (await response.json()) as { id: string; statusUrl: string };
    const url = new URL(body.statusUrl);
    return { id: body.id, start: slot.start, statusPath: url.pathname + url.search, email, name };
  }
  throw new Error(`No free time left to request with ${want.doctorId}`);
}

/** Requests exactly `start` (it must be free: anything else fails the test), as another patient. */
export async function bookTime(request: APIRequestContext, slug: string, doctorId: string, start: string, name = "Otto Other"): Promise<{ id: string }> {
  const response = await request.post(`/api/public/orgs/${slug}/doctors/${doctorId}/requests`, {
    data: { start, patient: { name, email: `patient-${unique()}@example.com`, phone: "+1 555 010 8888" }, reason: "Booked the freed time." },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id };
}
