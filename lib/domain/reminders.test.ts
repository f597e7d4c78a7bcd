import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  doctorDayDue,
  doctorDayKey,
  firstName,
  reminderDue,
  reminderDueFrom,
  reminderSettingsOf,
  reminderSettingsSchema,
  visitReminderKey,
} from "./reminders";

const HOUR = 3_600_000;
const T0 = Date.parse("2030-01-08T14:00:00Z");

const timing = fc.record({
  start: fc.integer({ min: T0, max: T0 + 30 * 24 * HOUR }),
  hours: fc.integer({ min: 1, max: 72 }),
  // Confirmed up to two weeks before the visit, or (never in practice) after it.
  confirmedBefore: fc.integer({ min: -2 * HOUR, max: 14 * 24 * HOUR }),
  nowOffset: fc.integer({ min: -100 * HOUR, max: 4 * HOUR }),
});

describe("reminderDue: who is due at time t", () => {
  it("never before start − N h, never at or after the start, never for a visit confirmed inside the window", () => {
    fc.assert(
      fc.property(timing, ({ start, hours, confirmedBefore, nowOffset }) => {
        const now = start + nowOffset;
        const confirmedAt = start - confirmedBefore;
        const due = reminderDue({ start, confirmedAt }, hours, now);
        if (now < start - hours * HOUR) expect(due).toBe(false);
        if (now >= start) expect(due).toBe(false);
        if (confirmedAt > start - hours * HOUR) expect(due).toBe(false);
        // And every visit confirmed in time is due throughout its window: none is missed.
        if (confirmedAt <= start - hours * HOUR && now >= start - hours * HOUR && now < start) expect(due).toBe(true);
      }),
    );
  });

  it("due from the window's first instant, confirmed exactly then still counts as before", () => {
    const start = T0;
    const from = reminderDueFrom(start, 24);
    expect(from).toBe(start - 24 * HOUR);
    expect(reminderDue({ start, confirmedAt: from }, 24, from)).toBe(true);
    expect(reminderDue({ start, confirmedAt: from + 1 }, 24, from + 1)).toBe(false);
    expect(reminderDue({ start, confirmedAt: from - HOUR }, 24, from - 1)).toBe(false);
    expect(reminderDue({ start, confirmedAt: from - HOUR }, 24, start - 1)).toBe(true);
    expect(reminderDue({ start, confirmedAt: from - HOUR }, 24, start)).toBe(false);
  });
});

describe("marker keys", () => {
  it("a moved visit is a new key; the same visit and time is always the same key", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 1, max: 2 ** 30 }), (id, start, moved) => {
        expect(visitReminderKey(id, start)).toBe(visitReminderKey(id, start));
        expect(visitReminderKey(id, start + moved)).not.toBe(visitReminderKey(id, start));
      }),
    );
  });
  it("one doctor's-day key per clinic, doctor and date", () => {
    expect(doctorDayKey("c1", "d1", "2030-01-08")).not.toBe(doctorDayKey("c1", "d1", "2030-01-09"));
    expect(doctorDayKey("c1", "d1", "2030-01-08")).not.toBe(doctorDayKey("c1", "d2", "2030-01-08"));
  });
});

describe("doctorDayDue: the morning window in the clinic's zone", () => {
  it("from 07:00 to before 12:00 local time, naming the local date", () => {
    // 2030-01-08 07:00 in New York (EST, UTC−5) is 12:00Z.
    expect(doctorDayDue("America/New_York", Date.parse("2030-01-08T11:59:59Z"))).toBeNull();
    expect(doctorDayDue("America/New_York", Date.parse("2030-01-08T12:00:00Z"))).toBe("2030-01-08");
    expect(doctorDayDue("America/New_York", Date.parse("2030-01-08T16:59:59Z"))).toBe("2030-01-08");
    expect(doctorDayDue("America/New_York", Date.parse("2030-01-08T17:00:00Z"))).toBeNull();
    // Auckland (NZDT, UTC+13): 07:00 on Jan 9 is 18:00Z on Jan 8.
    expect(doctorDayDue("Pacific/Auckland", Date.parse("2030-01-08T18:00:00Z"))).toBe("2030-01-09");
  });
  it("every local date gets exactly five hours of due quarter hours, also on a daylight-saving day", () => {
    // 2030-03-10 is the day New York's clocks go forward; London's and Kolkata's are ordinary days.
    for (const zone of ["America/New_York", "Asia/Kolkata", "Europe/London"]) {
      let count = 0;
      for (let t = Date.parse("2030-03-09T00:00:00Z"); t < Date.parse("2030-03-12T00:00:00Z"); t += 15 * 60_000) {
        if (doctorDayDue(zone, t) === "2030-03-10") count += 1;
      }
      expect(count, zone).toBe(20);
    }
  });
});

describe("firstName", () => {
  it("keeps the first word only", () => {
    expect(firstName("Ada Lovelace")).toBe("Ada");
    expect(firstName("  Mary  Ann Smith ")).toBe("Mary");
    expect(firstName("Cher")).toBe("Cher");
  });
});

describe("reminder settings", () => {
  const clinic = (fields: Record<string, unknown>) => ({ get: (field: string) => fields[field] });
  it("missing fields read as: reminders on, 24 h, no doctor's-day email", () => {
    expect(reminderSettingsOf(clinic({}))).toEqual({ visitReminders: true, reminderHours: 24, doctorDayEmail: false });
    expect(reminderSettingsOf(clinic({ visitReminders: false, reminderHours: 48, doctorDayEmail: true }))).toEqual({
      visitReminders: false,
      reminderHours: 48,
      doctorDayEmail: true,
    });
    expect(reminderSettingsOf(clinic({ reminderHours: 0 })).reminderHours).toBe(24);
    expect(reminderSettingsOf(clinic({ reminderHours: "12" })).reminderHours).toBe(12);
  });
  it("the form: checkboxes and a whole number of hours, 1 to 72, with plain errors", () => {
    expect(reminderSettingsSchema.parse({ visitReminders: "on", reminderHours: " 24 " })).toEqual({
      visitReminders: true,
      reminderHours: 24,
      doctorDayEmail: false,
    });
    expect(reminderSettingsSchema.parse({ reminderHours: "72", doctorDayEmail: "on" })).toEqual({
      visitReminders: false,
      reminderHours: 72,
      doctorDayEmail: true,
    });
    for (const reminderHours of ["0", "73", "1.5", "", "x", "-3"]) {
      expect(reminderSettingsSchema.safeParse({ reminderHours }).success, reminderHours).toBe(false);
    }
    const result = reminderSettingsSchema.safeParse({ reminderHours: "100" });
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reminderHours", "Use 1 to 72."]]);
    expect(reminderSettingsSchema.safeParse({ reminderHours: "soon" }).error!.issues[0]!.message).toBe(
      "Enter the hours before the visit as a whole number.",
    );
  });
});
