// Table tests for the time-zone rules: DST days, nonexistent and ambiguous
// wall times, "24:00", and dates in zones far from UTC. Expected instants are
// written out by hand from the published offsets, not computed by the engine.

import { describe, expect, it } from "vitest";
import { computeFreeSlots } from "./free-slots";
import type { DoctorSchedule, LocalInterval, SlotQuery } from "./types";
import { transitionsBetween, wallClock } from "./testing/wall-clock-oracle";

const ALL_WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function everyDay(intervals: LocalInterval[]): DoctorSchedule["weeklyHours"] {
  return Object.fromEntries(ALL_WEEK.map((d) => [d, intervals]));
}

function slots(timeZone: string, from: string, to: string, intervals: LocalInterval[], slotMinutes = 30, bufferMinutes = 0) {
  const q: SlotQuery = {
    schedule: { timeZone, weeklyHours: everyDay(intervals), slotMinutes, bufferMinutes, minNoticeHours: 0, horizonDays: 365 },
    busy: [],
    now: Date.parse(`${from}T00:00:00Z`) - 3 * 86_400_000, // well before, within the horizon
    from,
    to,
  };
  return computeFreeSlots(q).map((s) => new Date(s.start).toISOString().slice(0, 16));
}

const hours = (start: string, end: string): LocalInterval[] => [{ start, end }];

describe("09:00 stays 09:00 local across a change", () => {
  it.each([
    // zone, dates around the change, 09:00 local in UTC on each date
    ["America/New_York", "2027-03-13", "2027-03-15", ["2027-03-13T14:00", "2027-03-14T13:00", "2027-03-15T13:00"]],
    ["America/New_York", "2027-11-06", "2027-11-08", ["2027-11-06T13:00", "2027-11-07T14:00", "2027-11-08T14:00"]],
    ["Europe/London", "2027-03-27", "2027-03-29", ["2027-03-27T09:00", "2027-03-28T08:00", "2027-03-29T08:00"]],
    ["Europe/London", "2027-10-30", "2027-11-01", ["2027-10-30T08:00", "2027-10-31T09:00", "2027-11-01T09:00"]],
    ["Australia/Sydney", "2027-04-03", "2027-04-05", ["2027-04-02T22:00", "2027-04-03T23:00", "2027-04-04T23:00"]],
  ])("%s %s..%s", (zone, from, to, expected) => {
    expect(slots(zone, from, to, hours("09:00", "09:30"))).toEqual(expected);
  });

  it("every Monday of March 2027 in New York starts at 09:00 local", () => {
    const result = slots("America/New_York", "2027-03-01", "2027-03-31", hours("09:00", "09:30"));
    const mondays = result.filter((_, i) => i % 7 === 0);
    expect(mondays.map((s) => wallClock("America/New_York", Date.parse(`${s}Z`)).hhmm)).toEqual(Array(5).fill("09:00"));
    expect(mondays.map((s) => s.slice(11))).toEqual(["14:00", "14:00", "13:00", "13:00", "13:00"]);
  });
});

describe("spring forward: nonexistent wall times are skipped", () => {
  // New York, Sunday 2027-03-14: 02:00 EST (07:00Z) jumps to 03:00 EDT.
  const day = "2027-03-14";

  it("drops 02:00 and 02:30, keeps the rest on the wall-clock grid", () => {
    expect(slots("America/New_York", day, day, hours("00:00", "04:00"))).toEqual([
      "2027-03-14T05:00", "2027-03-14T05:30", "2027-03-14T06:00", "2027-03-14T06:30", // 00:00–01:30 EST
      "2027-03-14T07:00", "2027-03-14T07:30", // 03:00, 03:30 EDT
    ]);
  });

  it("an interval starting in the gap opens when the clock reaches it (03:00 EDT)", () => {
    expect(slots("America/New_York", day, day, hours("02:30", "04:00"))).toEqual(["2027-03-14T07:00", "2027-03-14T07:30"]);
  });

  it("an interval ending in the gap closes at the jump; 01:30 EST fits (it shows 01:30–01:59)", () => {
    expect(slots("America/New_York", day, day, hours("01:00", "02:30"))).toEqual(["2027-03-14T06:00", "2027-03-14T06:30"]);
  });

  it("a slot crossing the gap must still end inside the hours on the wall clock", () => {
    // 30 + 15 min: 01:45 EST + 30 min ends 03:15 EDT, after the 02:30 close.
    expect(slots("America/New_York", day, day, hours("01:00", "02:30"), 30, 15)).toEqual(["2027-03-14T06:00"]);
  });

  it("a grid slot colliding with the previous one after the gap is dropped", () => {
    // 40 + 5 min: grid 00:00, 00:45, 01:30, (02:15 missing), 03:00. 01:30 EST
    // ends 07:10Z + 5 min buffer, after 03:00 EDT = 07:00Z, so 03:00 goes.
    expect(slots("America/New_York", day, day, hours("00:00", "04:00"), 40, 5)).toEqual([
      "2027-03-14T05:00", "2027-03-14T05:45", "2027-03-14T06:30",
    ]);
  });

  it("London, 2027-03-28: 01:00 GMT jumps to 02:00 BST", () => {
    expect(slots("Europe/London", "2027-03-28", "2027-03-28", hours("00:00", "03:00"))).toEqual([
      "2027-03-28T00:00", "2027-03-28T00:30", "2027-03-28T01:00", "2027-03-28T01:30",
    ]);
  });

  it("Lord Howe's 30-minute change: 02:00 jumps to 02:30", () => {
    // 2027-10-03 02:00 +10:30 = 2027-10-02T15:30Z.
    expect(slots("Australia/Lord_Howe", "2027-10-03", "2027-10-03", hours("01:30", "03:00"))).toEqual([
      "2027-10-02T15:00", // 01:30 +10:30
      "2027-10-02T15:30", // 02:30 +11:00; 02:00 does not exist
    ]);
  });

  it("a change at midnight (Santiago) removes the start of the day, not the end of the previous one", () => {
    const [change] = transitionsBetween("America/Santiago", Date.UTC(2027, 7, 1), Date.UTC(2027, 9, 1));
    const after = wallClock("America/Santiago", change!); // first instant of DST: 01:00 on the Sunday
    expect(after.hhmm).toBe("01:00");
    const sunday = after.date;
    const saturday = new Date(Date.parse(`${sunday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const result = slots("America/Santiago", saturday, sunday, hours("00:00", "24:00"), 60);
    const saturdaySlots = result.filter((s) => wallClock("America/Santiago", Date.parse(`${s}Z`)).date === saturday);
    expect(saturdaySlots).toHaveLength(24);
    expect(Date.parse(`${saturdaySlots[23]}Z`) + 3_600_000).toBe(change); // 23:00 slot ends at "24:00"
    expect(result).toHaveLength(24 + 23);
    expect(new Date(change!).toISOString().slice(0, 16)).toBe(result[24]); // Sunday opens at 01:00
  });
});

describe("fall back: a repeated wall time is offered once, at its first occurrence", () => {
  // New York, Sunday 2027-11-07: 02:00 EDT (06:00Z) falls back to 01:00 EST.
  const day = "2027-11-07";

  it("offers 01:00 and 01:30 in EDT only", () => {
    expect(slots("America/New_York", day, day, hours("00:00", "04:00"))).toEqual([
      "2027-11-07T04:00", "2027-11-07T04:30", "2027-11-07T05:00", "2027-11-07T05:30", // 00:00–01:30 EDT
      "2027-11-07T07:00", "2027-11-07T07:30", "2027-11-07T08:00", "2027-11-07T08:30", // 02:00–03:30 EST
    ]);
  });

  it("an interval inside the repeated hour uses its first occurrence", () => {
    expect(slots("America/New_York", day, day, hours("01:00", "02:00"))).toEqual(["2027-11-07T05:00", "2027-11-07T05:30"]);
  });

  it("a slot may span the change when the wall clock stays inside the hours", () => {
    // 00:30 EDT + 90 min shows 00:30–01:59 EDT, then 01:00 EST: inside 00:30–03:00.
    expect(slots("America/New_York", day, day, hours("00:30", "03:00"), 90)).toEqual(["2027-11-07T04:30"]);
  });

  it("but not when the clock falls back to before the interval's start", () => {
    // 01:30 EDT + 60 min would show 01:00–01:29 EST, before 01:30.
    expect(slots("America/New_York", day, day, hours("01:30", "03:00"), 60)).toEqual([]);
  });

  it("London, 2027-10-31: 02:00 BST falls back to 01:00 GMT", () => {
    expect(slots("Europe/London", "2027-10-31", "2027-10-31", hours("00:00", "03:00"))).toEqual([
      "2027-10-30T23:00", "2027-10-30T23:30", "2027-10-31T00:00", "2027-10-31T00:30", // 00:00–01:30 BST
      "2027-10-31T02:00", "2027-10-31T02:30", // 02:00, 02:30 GMT
    ]);
  });
});

describe("a local date's slots belong to that local date", () => {
  it.each([
    // Kiritimati is UTC+14: Monday 00:00–02:00 local is Sunday in UTC.
    ["Pacific/Kiritimati", "00:00", "02:00", ["2027-02-28T10:00", "2027-02-28T11:00"]],
    // Pago Pago is UTC-11: Monday 22:00–24:00 local is Tuesday in UTC.
    ["Pacific/Pago_Pago", "22:00", "24:00", ["2027-03-02T09:00", "2027-03-02T10:00"]],
    // Auckland is UTC+13 (NZDT) on 1 March.
    ["Pacific/Auckland", "00:00", "02:00", ["2027-02-28T11:00", "2027-02-28T12:00"]],
  ])("%s %s–%s on 2027-03-01", (zone, start, end, expected) => {
    const q: SlotQuery = {
      schedule: { timeZone: zone, weeklyHours: { mon: hours(start, end) }, slotMinutes: 60, bufferMinutes: 0, minNoticeHours: 0, horizonDays: 365 },
      busy: [],
      now: Date.parse("2027-01-01T00:00:00Z"),
      from: "2027-03-01",
      to: "2027-03-01",
    };
    expect(computeFreeSlots(q).map((s) => new Date(s.start).toISOString().slice(0, 16))).toEqual(expected);
    // The neighbouring local dates (Sunday, Tuesday) have no hours, whatever UTC says.
    expect(computeFreeSlots({ ...q, from: "2027-02-28", to: "2027-02-28" })).toEqual([]);
    expect(computeFreeSlots({ ...q, from: "2027-03-02", to: "2027-03-02" })).toEqual([]);
  });

  it("'24:00' ends the day: the last slot ends at the next local midnight", () => {
    const result = slots("America/New_York", "2027-03-01", "2027-03-01", hours("22:00", "24:00"), 60);
    expect(result).toEqual(["2027-03-02T03:00", "2027-03-02T04:00"]); // 22:00, 23:00 EST
  });

  it("'24:00' on a fall-back eve in London ends at the next midnight", () => {
    expect(slots("Europe/London", "2027-10-30", "2027-10-30", hours("23:00", "24:00"), 60)).toEqual(["2027-10-30T22:00"]);
  });

  it("Sao Paulo has no DST any more: November days are plain UTC-3", () => {
    expect(slots("America/Sao_Paulo", "2027-11-06", "2027-11-08", hours("00:00", "00:30"))).toEqual([
      "2027-11-06T03:00", "2027-11-07T03:00", "2027-11-08T03:00",
    ]);
  });
});

describe("rule 4 looks past hours that have no time on the clock", () => {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  function query(timeZone: string, weeklyHours: DoctorSchedule["weeklyHours"], from: string, to: string, slotMinutes: number, bufferMinutes: number, dateOverrides: DoctorSchedule["dateOverrides"] = {}): SlotQuery {
    return {
      schedule: { timeZone, weeklyHours, dateOverrides, slotMinutes, bufferMinutes, minNoticeHours: 0, horizonDays: 365 },
      busy: [],
      now: Date.parse(`${from}T00:00:00Z`) - 3 * 86_400_000,
      from,
      to,
    };
  }

  it("an interval wholly inside a spring-forward gap does not drop the slot before it", () => {
    // New York 2027-03-14: 02:00–02:30 never shows on the clock, so nobody works then.
    // 01:30 EST (06:30Z) + 30 min + 15 min buffer ends 07:15Z; the next working time is 03:30 EDT (07:30Z).
    const day = "2027-03-14";
    const override = { [day]: { intervals: [{ start: "00:00", end: "02:00" }, { start: "02:00", end: "02:30" }, { start: "03:30", end: "04:30" }] } };
    const result = computeFreeSlots(query("America/New_York", {}, day, day, 30, 15, override)).map((s) => iso(s.start));
    expect(result).toEqual(["2027-03-14T05:00", "2027-03-14T05:45", "2027-03-14T06:30", "2027-03-14T07:30"]);
  });

  it("a gap interval on the next date does not hide the day's last slot either", () => {
    // Santiago skips 00:00–00:59 on its spring-forward Sunday; 00:00–00:30 that day is no working time.
    const [change] = transitionsBetween("America/Santiago", Date.UTC(2027, 7, 1), Date.UTC(2027, 9, 1));
    const sunday = wallClock("America/Santiago", change!).date;
    const saturday = new Date(Date.parse(`${sunday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const overrides = {
      [saturday]: { intervals: [{ start: "23:00", end: "24:00" }] },
      [sunday]: { intervals: [{ start: "00:00", end: "00:30" }, { start: "02:00", end: "03:00" }] },
    };
    const result = computeFreeSlots(query("America/Santiago", {}, saturday, saturday, 60, 15, overrides));
    expect(result.map((s) => s.end)).toEqual([change]); // 23:00–24:00, its buffer runs into time nobody works
  });

  it("a date the zone skips (Apia, 2011-12-30) does not let a buffer run into the next date's first slot", () => {
    // Thursday 2011-12-29 23:59:59 -10:00 was followed by Saturday 2011-12-31 00:00 +14:00 (10:00Z).
    // Thu 21:45–24:00, no Friday hours, Sat 00:00–02:00; 60-minute slots, 15-minute buffer (grid step 75).
    const weekly = { thu: [{ start: "21:45", end: "24:00" }], sat: [{ start: "00:00", end: "02:00" }] };
    const result = computeFreeSlots(query("Pacific/Apia", weekly, "2011-12-29", "2011-12-31", 60, 15)).map((s) => iso(s.start));
    // Thu 23:00 (09:00Z) ends at 10:00Z and its buffer would cover Sat 00:00–00:15: not offered.
    expect(result).toEqual(["2011-12-30T07:45", "2011-12-30T10:00"]);
  });

  it("the skipped date's own hours are no working time: Thursday's last slot stays when Saturday starts later", () => {
    const weekly = { thu: [{ start: "21:45", end: "24:00" }], fri: [{ start: "09:00", end: "17:00" }], sat: [{ start: "09:00", end: "10:00" }] };
    const result = computeFreeSlots(query("Pacific/Apia", weekly, "2011-12-29", "2011-12-31", 60, 15)).map((s) => iso(s.start));
    expect(result).toEqual(["2011-12-30T07:45", "2011-12-30T09:00", "2011-12-30T19:00"]);
  });
});
