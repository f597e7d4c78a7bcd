import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { patient, seedClinic, setSchedule, testDb } from "@/tests/helpers/clinic-fixtures";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";
import { cancelAppointmentByPatient, getPatientAppointment } from "./patient";
import { requestAppointment } from "./request";

// Monday 2030-01-07, 07:00 in New York. Slots below are on Tuesday the 8th (EST, UTC-5).
const now = new Date("2030-01-07T12:00:00Z");
const at = (hhmm: string) => new Date(`2030-01-08T${hhmm}:00-05:00`).toISOString();
const body = (start: string, email = patient.email) => ({ start, patient: { ...patient, email }, reason: "Annual check-up" });
const request = (start: string, when = now, email = patient.email) =>
  requestAppointment("test-clinic", "dr-test", body(start, email), { source: "web", now: when });
const settle = (ps: Promise<unknown>[]) => Promise.allSettled(ps);

async function activeAppointments() {
  const snap = await testDb().collection("appointments").where("status", "in", ["pending", "approved", "rescheduled", "confirmed"]).get();
  return snap.docs.map((d) => d.data());
}

beforeEach(async () => {
  await clearFirestore();
  await seedClinic();
});

describe("requestAppointment", () => {
  it("holds the slot: 50 concurrent requests give exactly 1 appointment and 49 slot_unavailable", async () => {
    const results = await settle(Array.from({ length: 50 }, () => request(at("09:00"))));
    const created = results.filter((r) => r.status === "fulfilled");
    const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    expect(created).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill("slot_unavailable"));
    expect(await activeAppointments()).toHaveLength(1);
    // 09:00–09:30 plus a 10-minute buffer: 8 granules of 5 minutes, all owned by the winner.
    const locks = await testDb().collection("slotLocks").get();
    expect(locks.size).toBe(8);
    const winner = (created[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    expect(new Set(locks.docs.map((d) => d.get("appointmentId")))).toEqual(new Set([winner]));
  });

  it("writes the appointment, its first history entry and the email in the same commit", async () => {
    const created = await request(at("10:20"));
    expect(created).toMatchObject({ status: "pending", expiresAt: "2030-01-08T12:00:00.000Z" });
    expect(created.statusUrl).toMatch(new RegExp(`^http://localhost:3000/appointments/${created.id}\\?t=[\\w-]{43}$`));
    const doc = (await testDb().doc(`appointments/${created.id}`).get()).data()!;
    expect(doc).toMatchObject({ status: "pending", feeCents: 5000, currency: "USD", reason: "Annual check-up", version: 1 });
    expect(doc.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(doc)).not.toContain(new URL(created.statusUrl).searchParams.get("t"));
    const history = await testDb().collection(`appointments/${created.id}/history`).get();
    expect(history.docs.map((d) => d.data())).toMatchObject([{ action: "request", from: null, to: "pending", actor: "patient" }]);
    const mail = await testDb().collection("mail").where("appointmentId", "==", created.id).where("to", "==", "ada@example.com").get();
    expect(mail.size).toBe(1);
    expect(mail.docs[0]!.get("message.text")).toContain(created.statusUrl);
    expect(mail.docs[0]!.get("message.html")).toContain(created.statusUrl.replace(/&/g, "&amp;"));
  });

  it("refuses a time that is not one of the doctor's slots, writing nothing", async () => {
    await expect(request(at("09:07"))).rejects.toMatchObject({ code: "invalid_request" });
    await expect(request(at("18:00"))).rejects.toMatchObject({ code: "invalid_request" });
    await expect(request("2030-01-07T13:00:00.000Z")).rejects.toMatchObject({ code: "invalid_request" }); // inside minimum notice
    for (const name of ["appointments", "slotLocks", "mail"]) expect((await testDb().collection(name).get()).size).toBe(0);
  });

  it("never lets bookings of different lengths overlap when the doctor's grid changes between them", async () => {
    const durations = [
      { slotMinutes: 30, bufferMinutes: 10 },
      { slotMinutes: 20, bufferMinutes: 0 },
      { slotMinutes: 45, bufferMinutes: 5 },
      { slotMinutes: 15, bufferMinutes: 5 },
    ];
    for (const schedule of durations) {
      await setSchedule("clinic-test", "dr-test", schedule);
      const step = schedule.slotMinutes + schedule.bufferMinutes;
      // Every grid start of the morning, twice, all at once.
      const starts = Array.from({ length: Math.floor(180 / step) }, (_, i) => {
        const minutes = 9 * 60 + i * step;
        return at(`${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
      });
      // One patient each: a patient may hold only 3 requests at once.
      await settle([...starts, ...starts].map((s, i) => request(s, now, `p${schedule.slotMinutes}-${i}@example.com`)));
    }
    const booked = (await activeAppointments())
      .map((a) => ({ start: a.start.toMillis(), end: a.end.toMillis() + a.bufferMinutes * 60_000 }))
      .sort((a, b) => a.start - b.start);
    expect(booked.length).toBeGreaterThan(4);
    for (let i = 1; i < booked.length; i++) expect(booked[i]!.start).toBeGreaterThanOrEqual(booked[i - 1]!.end);
  });

  it("takes over a hold that lapsed, expiring the old request", async () => {
    const first = await request(at("11:00"));
    const later = new Date(now.getTime() + 25 * 3600_000);
    const second = await request(at("11:00"), later);
    expect((await testDb().doc(`appointments/${first.id}`).get()).get("status")).toBe("expired");
    expect((await testDb().doc(`appointments/${second.id}`).get()).get("status")).toBe("pending");
    const owners = new Set((await testDb().collection("slotLocks").get()).docs.map((d) => d.get("appointmentId")));
    expect(owners).toEqual(new Set([second.id]));
  });
});

describe("slots and cancellation", () => {
  it("hides held time from the public slots at once, and cancelling frees it for a new booking", async () => {
    const before = await listFreeSlots("test-clinic", "dr-test", "2030-01-08", "2030-01-08", now);
    expect(before.slots.map((s) => s.start)).toContain(at("09:00"));

    const created = await request(at("09:00"));
    const held = await listFreeSlots("test-clinic", "dr-test", "2030-01-08", "2030-01-08", now);
    expect(held.slots.map((s) => s.start)).not.toContain(at("09:00"));
    expect(held.slots).toHaveLength(before.slots.length - 1);

    const token = new URL(created.statusUrl).searchParams.get("t");
    await expect(cancelAppointmentByPatient(created.id, "wrong-token", now)).rejects.toMatchObject({ code: "not_found" });
    expect(await cancelAppointmentByPatient(created.id, token, now)).toBe("cancelled");
    expect((await testDb().collection("slotLocks").get()).size).toBe(0);
    const after = await listFreeSlots("test-clinic", "dr-test", "2030-01-08", "2030-01-08", now);
    expect(after.slots).toEqual(before.slots);

    const again = await request(at("09:00"));
    expect(again.status).toBe("pending");
    const history = await testDb().collection(`appointments/${created.id}/history`).get();
    expect(history.docs.map((d) => d.get("action"))).toEqual(["request", "cancel"]);
    await expect(cancelAppointmentByPatient(created.id, token, now)).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows the patient their request only with the right token", async () => {
    const created = await request(at("13:00"));
    const token = new URL(created.statusUrl).searchParams.get("t");
    const view = await getPatientAppointment(created.id, token);
    expect(view).toMatchObject({ status: "pending", doctorName: "Dr. dr-test", feeCents: 5000, next: { step: "wait", canCancel: true } });
    await expect(getPatientAppointment(created.id, null)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPatientAppointment(created.id, token + "x")).rejects.toMatchObject({ code: "not_found" });
    await expect(getPatientAppointment("nope", token)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses unknown or deactivated doctors and ranges over 62 days", async () => {
    await seedClinic({ id: "clinic-2", slug: "other-clinic", doctors: [{ id: "dr-off", active: false }] });
    await expect(listFreeSlots("other-clinic", "dr-off", "2030-01-08", "2030-01-08", now)).rejects.toMatchObject({ code: "not_found" });
    await expect(listFreeSlots("test-clinic", "dr-nobody", "2030-01-08", "2030-01-08", now)).rejects.toMatchObject({ code: "not_found" });
    await expect(listFreeSlots("no-such-clinic", "dr-test", "2030-01-08", "2030-01-08", now)).rejects.toMatchObject({ code: "not_found" });
    await expect(listFreeSlots("test-clinic", "dr-test", "2030-01-01", "2030-03-04", now)).rejects.toMatchObject({ code: "invalid_request" });
    expect((await listFreeSlots("test-clinic", "dr-test", "2030-01-01", "2030-03-03", now)).slots.length).toBeGreaterThan(0);
  });
});
