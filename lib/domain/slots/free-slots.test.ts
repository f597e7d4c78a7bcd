import { describe, expect, it } from "vitest";
import { computeFreeSlots, isBookableStart } from "./free-slots";
import type { DoctorSchedule, SlotQuery, UtcInterval } from "./types";
import { wallClock } from "./testing/wall-clock-oracle";

// 2027-03-01 is a Monday. New York is UTC-5 until 2027-03-14.
const NY = "America/New_York";
const base: DoctorSchedule = {
  timeZone: NY,
  weeklyHours: { mon: [{ start: "09:00", end: "12:00" }] },
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeHours: 0,
  horizonDays: 365,
};
const EARLY = Date.parse("2027-01-01T00:00:00Z");

function query(overrides: Omit<Partial<SlotQuery>, "schedule"> & { schedule?: Partial<DoctorSchedule> } = {}): SlotQuery {
  return {
    busy: [],
    now: EARLY,
    from: "2027-03-01",
    to: "2027-03-01",
    ...overrides,
    schedule: { ...base, ...overrides.schedule },
  };
}

const iso = (q: SlotQuery) => computeFreeSlots(q).map((s) => new Date(s.start).toISOString().slice(0, 16));
const localTimes = (q: SlotQuery) => computeFreeSlots(q).map((s) => wallClock(q.schedule.timeZone, s.start).hhmm);
const at = (text: string) => Date.parse(text);
const busy = (start: string, end: string): UtcInterval => ({ start: at(start), end: at(end) });

describe("computeFreeSlots: basics", () => {
  it("offers a normal morning on the grid, end = start + duration", () => {
    const slots = computeFreeSlots(query());
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual([
      "2027-03-01T14:00:00.000Z",
      "2027-03-01T14:30:00.000Z",
      "2027-03-01T15:00:00.000Z",
      "2027-03-01T15:30:00.000Z",
      "2027-03-01T16:00:00.000Z",
      "2027-03-01T16:30:00.000Z",
    ]);
    for (const s of slots) expect(s.end - s.start).toBe(30 * 60_000);
  });

  it("uses every interval of the day, each with its own grid", () => {
    const weeklyHours = { mon: [{ start: "13:30", end: "15:00" }, { start: "09:00", end: "10:00" }] };
    expect(localTimes(query({ schedule: { weeklyHours } }))).toEqual(["09:00", "09:30", "13:30", "14:00", "14:30"]);
  });

  it("offers nothing on days without hours, and spans several days in order", () => {
    expect(iso(query({ from: "2027-03-02", to: "2027-03-07" }))).toEqual([]);
    const slots = computeFreeSlots(query({ from: "2027-03-01", to: "2027-03-08" }));
    expect(slots).toHaveLength(12);
    expect(wallClock(NY, slots[6]!.start).date).toBe("2027-03-08");
  });

  it("returns nothing when from is after to", () => {
    expect(iso(query({ from: "2027-03-02", to: "2027-03-01" }))).toEqual([]);
  });
});

describe("computeFreeSlots: date overrides", () => {
  it("closes a day", () => {
    expect(iso(query({ schedule: { dateOverrides: { "2027-03-01": { closed: true, note: "Holiday" } } } }))).toEqual([]);
  });

  it("replaces the weekly hours of that date only", () => {
    const dateOverrides = { "2027-03-01": { intervals: [{ start: "10:00", end: "11:00" }] } };
    expect(localTimes(query({ schedule: { dateOverrides } }))).toEqual(["10:00", "10:30"]);
    expect(localTimes(query({ schedule: { dateOverrides }, from: "2027-03-08", to: "2027-03-08" }))).toHaveLength(6);
  });

  it("opens a day that has no weekly hours", () => {
    const dateOverrides = { "2027-03-06": { intervals: [{ start: "08:00", end: "09:00" }] } };
    expect(localTimes(query({ schedule: { dateOverrides }, from: "2027-03-06", to: "2027-03-06" }))).toEqual([
      "08:00",
      "08:30",
    ]);
  });

  it("an override with no intervals is a closed day", () => {
    expect(iso(query({ schedule: { dateOverrides: { "2027-03-01": { intervals: [] } } } }))).toEqual([]);
  });
});

describe("computeFreeSlots: buffer", () => {
  const hours = (...pairs: [string, string][]) => ({ mon: pairs.map(([start, end]) => ({ start, end })) });

  it("steps the grid by duration + buffer", () => {
    const q = query({ schedule: { bufferMinutes: 10, weeklyHours: hours(["09:00", "11:00"]) } });
    expect(localTimes(q)).toEqual(["09:00", "09:40", "10:20"]);
  });

  it("lets the trailing buffer run past the end of the working hours", () => {
    // 10:20–10:50 fits 09:00–10:50; its buffer (10:50–11:00) is after hours.
    const q = query({ schedule: { bufferMinutes: 10, weeklyHours: hours(["09:00", "10:50"]) } });
    expect(localTimes(q)).toEqual(["09:00", "09:40", "10:20"]);
  });

  it("but not into busy time", () => {
    const q = query({
      schedule: { bufferMinutes: 10, weeklyHours: hours(["09:00", "10:50"]) },
      busy: [busy("2027-03-01T15:55:00Z", "2027-03-01T16:30:00Z")], // 10:55–11:30 local
    });
    expect(localTimes(q)).toEqual(["09:00", "09:40"]);
  });

  it("and not into the next working interval, so offered slots never collide", () => {
    const q = query({ schedule: { bufferMinutes: 10, weeklyHours: hours(["09:00", "10:50"], ["10:50", "12:00"]) } });
    expect(localTimes(q)).toEqual(["09:00", "09:40", "10:50", "11:30"]);
  });

  it("checks the next date's first interval at midnight too", () => {
    const weeklyHours = { mon: [{ start: "23:00", end: "24:00" }], tue: [{ start: "00:00", end: "01:00" }] };
    const q = query({ schedule: { slotMinutes: 60, bufferMinutes: 5, weeklyHours }, to: "2027-03-02" });
    expect(localTimes(q)).toEqual(["00:00"]);
    expect(localTimes({ ...q, schedule: { ...q.schedule, bufferMinutes: 0 } })).toEqual(["23:00", "00:00"]);
  });
});

describe("computeFreeSlots: busy time", () => {
  it("knocks out only the grid slots it overlaps", () => {
    const q = query({ busy: [busy("2027-03-01T14:10:00Z", "2027-03-01T14:20:00Z")] }); // 09:10–09:20
    expect(localTimes(q)).toEqual(["09:30", "10:00", "10:30", "11:00", "11:30"]);
  });

  it("is half-open: touching busy time does not block", () => {
    const q = query({ busy: [busy("2027-03-01T14:00:00Z", "2027-03-01T14:30:00Z"), busy("2027-03-01T15:00:00Z", "2027-03-01T15:30:00Z")] });
    expect(localTimes(q)).toEqual(["09:30", "10:30", "11:00", "11:30"]);
  });

  it("accepts unsorted, overlapping and empty busy intervals", () => {
    const q = query({
      busy: [
        busy("2027-03-01T16:00:00Z", "2027-03-01T16:40:00Z"),
        busy("2027-03-01T14:40:00Z", "2027-03-01T15:10:00Z"),
        busy("2027-03-01T14:50:00Z", "2027-03-01T14:55:00Z"),
        busy("2027-03-01T15:30:00Z", "2027-03-01T15:30:00Z"),
      ],
    });
    expect(localTimes(q)).toEqual(["09:00", "10:30"]);
  });
});

describe("computeFreeSlots: minimum notice and horizon", () => {
  it("drops slots starting before now + notice (the boundary itself is offered)", () => {
    const q = query({ now: at("2027-03-01T13:00:00Z"), schedule: { minNoticeHours: 2 } }); // 08:00 + 2 h
    expect(localTimes(q)).toEqual(["10:00", "10:30", "11:00", "11:30"]);
    expect(localTimes(query({ now: at("2027-03-01T14:10:00Z") }))[0]).toBe("09:30");
  });

  it("offers today .. today + horizonDays - 1 in the clinic zone", () => {
    const weeklyHours = { mon: [{ start: "09:00", end: "10:00" }], tue: [{ start: "09:00", end: "10:00" }] };
    const now = at("2027-03-01T13:00:00Z");
    const q = (horizonDays: number) => query({ now, schedule: { weeklyHours, horizonDays }, to: "2027-03-09" });
    expect(computeFreeSlots(q(1)).map((s) => wallClock(NY, s.start).date)).toEqual(["2027-03-01", "2027-03-01"]);
    expect(computeFreeSlots(q(2))).toHaveLength(4);
    expect(computeFreeSlots(q(8))).toHaveLength(6);
  });

  it("takes 'today' from the clinic zone, not UTC", () => {
    // 09:00Z on 1 March is already 23:00 on 1 March in Kiritimati (+14), so
    // with a one-day horizon local 2 March is closed, though UTC is still on 1 March.
    const allDay = [{ start: "00:00", end: "24:00" }];
    const q = query({
      now: at("2027-03-01T09:00:00Z"),
      from: "2027-02-28",
      to: "2027-03-03",
      schedule: { timeZone: "Pacific/Kiritimati", slotMinutes: 60, horizonDays: 1, weeklyHours: { mon: allDay, tue: allDay } },
    });
    expect(iso(q)).toEqual(["2027-03-01T09:00"]); // local 23:00–24:00
  });
});

describe("isBookableStart", () => {
  const q = query({ now: at("2027-03-01T14:10:00Z"), busy: [busy("2027-03-01T15:00:00Z", "2027-03-01T15:30:00Z")] });

  it("is true exactly for the free slot starts", () => {
    for (const slot of computeFreeSlots(q)) expect(isBookableStart(q, slot.start)).toBe(true);
  });

  it.each([
    ["before now + notice", "2027-03-01T14:00:00Z"],
    ["busy", "2027-03-01T15:00:00Z"],
    ["off the grid", "2027-03-01T14:35:00Z"],
    ["outside working hours", "2027-03-01T17:00:00Z"],
    ["a closed day", "2027-03-02T14:00:00Z"],
    ["beyond the horizon", "2028-03-06T14:00:00Z"],
  ])("is false when %s", (_why, start) => {
    expect(isBookableStart(q, at(start))).toBe(false);
  });

  it("is false for non-finite input", () => {
    expect(isBookableStart(q, Number.NaN)).toBe(false);
  });
});

describe("computeFreeSlots: refuses input it cannot compute with", () => {
  it.each([
    ["overlapping intervals", { weeklyHours: { mon: [{ start: "09:00", end: "11:00" }, { start: "10:00", end: "12:00" }] } }],
    ["a malformed time", { weeklyHours: { mon: [{ start: "9:00", end: "11:00" }] } }],
    ["a zero slot length", { slotMinutes: 0 }],
  ])("%s", (_why, schedule) => {
    expect(() => computeFreeSlots(query({ schedule }))).toThrow(RangeError);
  });

  it("a malformed date", () => {
    expect(() => computeFreeSlots(query({ from: "2027-3-1" }))).toThrow(RangeError);
  });
});
