import { Timestamp } from "firebase-admin/firestore";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/domain/roles";
import { defaultSchedule, seedClinic, testDb } from "@/tests/helpers/clinic-fixtures";
import { clearFirestore } from "@/tests/setup/firestore-clear";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";
import { getDoctorScheduleForEditing, updateDoctorSchedule } from "./schedule";
import { db } from "@/lib/server/firebase";

// Clinic A (New York) has doctors dr-a1 and dr-a2; clinic B has dr-b1.
// Callers are built as lib/server/auth/caller.ts builds them; the verbs only read
// the caller, never the members collection.
const base = { clinicId: "clinic-a", clinicName: "Clinic A" };
const callers = {
  admin: { ...base, uid: "a-admin", email: "admin@a.test", name: "Ann Admin", role: "admin" },
  staff: { ...base, uid: "a-staff", email: "staff@a.test", name: "Sid Staff", role: "staff" },
  doctor: { ...base, uid: "a-doctor", email: "doctor@a.test", name: "Dr. A1", role: "doctor", doctorId: "dr-a1" },
  otherAdmin: { clinicId: "clinic-b", clinicName: "Clinic B", uid: "b-admin", email: "admin@b.test", name: "Bea Admin", role: "admin" },
} satisfies Record<string, Caller>;

// Monday 2030-01-07, 07:00 in New York (EST, UTC-5).
const now = new Date("2030-01-07T12:00:00Z");
const MONDAY = "2030-01-14";
const TUESDAY = "2030-01-15";

/** Saves as of `now` (the dates below are in 2030). */
const save = (caller: Caller | null, doctorId: string, body: unknown, at = now) => updateDoctorSchedule(caller, doctorId, body, at);

const doctorPath = (clinic: string, doctor: string) => `clinics/${clinic}/doctors/${doctor}`;
const read = async (path: string) => (await testDb().doc(path).get()).data();

/** A valid schedule in the stored shape, with the given changes. */
const input = (changes: Record<string, unknown> = {}) => ({
  weeklyHours: {
    mon: [{ start: "10:00", end: "11:00" }],
    tue: [{ start: "09:00", end: "12:00" }],
    wed: [],
    thu: [],
    fri: [],
    sat: [],
    sun: [],
  },
  dateOverrides: {},
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 2,
  horizonDays: 60,
  ...changes,
});

const localTimes = (slots: { start: string }[]) =>
  slots.map((s) => new Date(s.start).toLocaleTimeString("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit" }));

beforeAll(() => {
  // Let the app's db() create the Firestore instance (with its settings)
  // before the fixtures touch it, so the verbs run as they do in production.
  db();
});

beforeEach(async () => {
  await clearFirestore();
  await seedClinic({ id: "clinic-a", slug: "clinic-a", doctors: [{ id: "dr-a1" }, { id: "dr-a2" }] });
  await seedClinic({ id: "clinic-b", slug: "clinic-b", doctors: [{ id: "dr-b1" }] });
});

describe("getDoctorScheduleForEditing", () => {
  it("gives a doctor their own schedule with the clinic's zone", async () => {
    const result = await getDoctorScheduleForEditing(callers.doctor, "dr-a1");
    expect(result).toMatchObject({
      doctor: { id: "dr-a1", name: "Dr. dr-a1", active: true },
      timezone: "America/New_York",
      schedule: defaultSchedule,
      valid: true,
      updatedAt: null,
    });
  });

  it("gives an admin any doctor of their clinic", async () => {
    expect((await getDoctorScheduleForEditing(callers.admin, "dr-a2")).doctor.id).toBe("dr-a2");
  });

  it.each([
    ["anonymous", null, "dr-a1", "unauthenticated"],
    ["staff", callers.staff, "dr-a1", "forbidden"],
    ["a doctor, for another doctor", callers.doctor, "dr-a2", "forbidden"],
    ["a doctor, for another clinic's doctor", callers.doctor, "dr-b1", "forbidden"],
    ["another clinic's admin", callers.otherAdmin, "dr-a1", "not_found"],
    ["an admin, for another clinic's doctor", callers.admin, "dr-b1", "not_found"],
    ["an admin, for an unknown id", callers.admin, "dr-nobody", "not_found"],
    ["an admin, for a path-like id", callers.admin, "../../clinic-b/doctors/dr-b1", "not_found"],
  ] as const)("refuses %s", async (_who, caller, doctorId, code) => {
    await expect(getDoctorScheduleForEditing(caller, doctorId)).rejects.toMatchObject({ code });
  });

  it("flags a stored schedule the engine would refuse, and still opens it", async () => {
    await testDb().doc(doctorPath("clinic-a", "dr-a1")).update({ "schedule.slotMinutes": 7 });
    const result = await getDoctorScheduleForEditing(callers.doctor, "dr-a1");
    expect(result.valid).toBe(false);
    expect(result.schedule).toMatchObject({ slotMinutes: 7 });
  });
});

describe("updateDoctorSchedule: who may save", () => {
  it.each([
    ["a doctor, their own", callers.doctor, "dr-a1"],
    ["an admin, any doctor of the clinic", callers.admin, "dr-a2"],
  ] as const)("lets %s", async (_who, caller, doctorId) => {
    await save(caller, doctorId, input());
    const doc = await read(doctorPath("clinic-a", doctorId));
    expect(doc!.schedule).toEqual(input());
    expect(doc!.updatedAt).toBeInstanceOf(Timestamp);
  });

  it.each([
    ["anonymous", null, "clinic-a", "dr-a1", "unauthenticated"],
    ["staff", callers.staff, "clinic-a", "dr-a1", "forbidden"],
    ["a doctor, for another doctor", callers.doctor, "clinic-a", "dr-a2", "forbidden"],
    ["another clinic's admin", callers.otherAdmin, "clinic-a", "dr-a1", "not_found"],
    ["an admin, for another clinic's doctor", callers.admin, "clinic-b", "dr-b1", "not_found"],
    ["an admin, for an unknown id", callers.admin, "clinic-a", "dr-nobody", "not_found"],
  ] as const)("refuses %s and writes nothing", async (_who, caller, clinic, doctorId, code) => {
    const before = await read(doctorPath(clinic, doctorId));
    await expect(save(caller, doctorId, input())).rejects.toMatchObject({ code });
    expect(await read(doctorPath(clinic, doctorId))).toEqual(before);
    // Nor does an unknown id create a document, in either clinic.
    expect((await testDb().collectionGroup("doctors").get()).size).toBe(3);
  });
});

describe("updateDoctorSchedule: what is saved", () => {
  it("refuses invalid input with the engine's messages per field, and writes nothing", async () => {
    const before = await read(doctorPath("clinic-a", "dr-a1"));
    const bad = input({
      weeklyHours: { mon: [{ start: "12:00", end: "09:00" }, { start: "13:00", end: "15:00" }, { start: "14:00", end: "16:00" }] },
      dateOverrides: { "2030-01-20": { intervals: [{ start: "10:00", end: "10:03" }] }, "not-a-date": { closed: true } },
      slotMinutes: 300,
    });
    const error = await save(callers.doctor, "dr-a1", bad).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "invalid_request",
      fields: {
        "weeklyHours.mon.0.end": "End must be after start.",
        "weeklyHours.mon.2.start": "Overlaps 13:00–15:00.",
        "dateOverrides.2030-01-20.intervals.0.end": "Use a multiple of 5 minutes.",
        "dateOverrides.not-a-date": "Use a date like 2027-03-01.",
        slotMinutes: "Slot length must be between 5 and 240 minutes.",
      },
    });
    expect(await read(doctorPath("clinic-a", "dr-a1"))).toEqual(before);
  });

  it.each([
    ["nothing", undefined],
    ["a string", "mon 9-5"],
    ["an array", []],
    ["missing numbers", { weeklyHours: {} }],
  ])("refuses %s as invalid_request", async (_what, body) => {
    await expect(save(callers.admin, "dr-a1", body)).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("replaces the whole schedule: removed overrides and rows are gone, unknown keys and timeZone are not stored", async () => {
    await save(callers.doctor, "dr-a1", input({ dateOverrides: { [TUESDAY]: { closed: true, note: "Holiday" }, "2030-01-16": { intervals: [] } } }));
    expect((await read(doctorPath("clinic-a", "dr-a1")))!.schedule.dateOverrides).toEqual({
      [TUESDAY]: { closed: true, note: "Holiday" },
      "2030-01-16": { intervals: [] },
    });

    await save(callers.doctor, "dr-a1", {
      ...input({ weeklyHours: { mon: [{ start: "08:00", end: "09:00", extra: 1 }] } }),
      timeZone: "Asia/Tokyo",
      hacked: true,
    });
    const schedule = (await read(doctorPath("clinic-a", "dr-a1")))!.schedule;
    expect(schedule).toEqual({
      ...input(),
      weeklyHours: { mon: [{ start: "08:00", end: "09:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      dateOverrides: {},
    });
    // The clinic's zone still applies.
    expect((await listFreeSlots("clinic-a", "dr-a1", MONDAY, MONDAY, now)).timezone).toBe("America/New_York");
  });

  it("leaves appointments and held slot locks alone", async () => {
    const lock = { clinicId: "clinic-a", doctorId: "dr-a1", appointmentId: "appt-1", start: Timestamp.fromDate(new Date("2030-01-14T14:00:00Z")) };
    const appointment = { clinicId: "clinic-a", doctorId: "dr-a1", status: "pending", start: lock.start };
    await testDb().doc("slotLocks/dr-a1_203001141400").set(lock);
    await testDb().doc("appointments/appt-1").set(appointment);
    await save(callers.doctor, "dr-a1", input({ weeklyHours: { mon: [] } }));
    expect(await read("slotLocks/dr-a1_203001141400")).toEqual(lock);
    expect(await read("appointments/appt-1")).toEqual(appointment);
  });
});

describe("the public calendar sees a save on its next load", () => {
  it("new Monday hours and a closed Tuesday show in listFreeSlots straight away", async () => {
    const before = await listFreeSlots("clinic-a", "dr-a1", MONDAY, TUESDAY, now);
    // The fixture's 09:00–17:00 with 30 + 10 minutes: 12 slots a day.
    expect(before.slots).toHaveLength(24);
    expect(localTimes(before.slots).slice(0, 2)).toEqual(["09:00", "09:40"]);

    await save(callers.doctor, "dr-a1", input({ dateOverrides: { [TUESDAY]: { closed: true, note: "Holiday" } } }));

    const monday = await listFreeSlots("clinic-a", "dr-a1", MONDAY, MONDAY, now);
    expect(localTimes(monday.slots)).toEqual(["10:00", "10:30"]);
    expect((await listFreeSlots("clinic-a", "dr-a1", TUESDAY, TUESDAY, now)).slots).toEqual([]);
    // The Tuesday after still has its weekly hours (09:00–12:00, 30-minute visits).
    expect(localTimes((await listFreeSlots("clinic-a", "dr-a1", "2030-01-22", "2030-01-22", now)).slots)).toHaveLength(6);
    // The other doctor is unchanged.
    expect((await listFreeSlots("clinic-a", "dr-a2", MONDAY, MONDAY, now)).slots).toHaveLength(12);
  });

  it("an admin's save for a doctor shows the same way, and removing the override reopens the day", async () => {
    await save(callers.admin, "dr-a1", input({ dateOverrides: { [TUESDAY]: { closed: true } } }));
    expect((await listFreeSlots("clinic-a", "dr-a1", TUESDAY, TUESDAY, now)).slots).toEqual([]);
    await save(callers.admin, "dr-a1", input());
    expect(localTimes((await listFreeSlots("clinic-a", "dr-a1", TUESDAY, TUESDAY, now)).slots)).toEqual([
      "09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
    ]);
  });
});

describe("reserved ids", () => {
  it("treats a __x__ doctor id (reserved by Firestore) as not found", async () => {
    await expect(save(callers.admin, "__x__", input())).rejects.toMatchObject({ code: "not_found" });
    await expect(getDoctorScheduleForEditing(callers.admin, "__x__")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateDoctorSchedule: date override range", () => {
  it("drops past dates and refuses one beyond the booking horizon, writing nothing", async () => {
    // `now` is Monday 2030-01-07 in New York; horizonDays 60 ends on 2030-03-08.
    await save(callers.doctor, "dr-a1", input({ dateOverrides: { "2029-12-31": { closed: true }, "2030-01-06": { closed: true }, [TUESDAY]: { closed: true }, "2030-03-08": { closed: true } } }));
    expect(Object.keys((await read(doctorPath("clinic-a", "dr-a1")))!.schedule.dateOverrides).sort()).toEqual([TUESDAY, "2030-03-08"]);

    const before = await read(doctorPath("clinic-a", "dr-a1"));
    await expect(save(callers.doctor, "dr-a1", input({ dateOverrides: { "2030-03-09": { closed: true } } }))).rejects.toMatchObject({
      code: "invalid_request",
      fields: { "dateOverrides.2030-03-09": expect.stringContaining("after your booking horizon") },
    });
    expect(await read(doctorPath("clinic-a", "dr-a1"))).toEqual(before);
  });

  it("refuses a thousand overrides", async () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), { closed: true }]));
    await expect(save(callers.doctor, "dr-a1", input({ dateOverrides: many }))).rejects.toMatchObject({
      code: "invalid_request",
      fields: { dateOverrides: "Use at most 730 date overrides (this has 1000)." },
    });
  });
});
