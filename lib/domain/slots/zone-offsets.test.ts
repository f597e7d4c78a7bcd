import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { computeFreeSlots } from "./free-slots";
import { offsetMinutes, transitionsBetween } from "./testing/wall-clock-oracle";
import { ZoneTimeline, isKnownTimeZone, localDayNumberAt, resolveWallTime, zoneOffsetAt } from "./zone-offsets";

const HOUR = 3_600_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const wall = (text: string) => Date.parse(`${text}Z`); // local date-time encoded as if UTC

describe("ZoneTimeline", () => {
  it.each([
    "America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo",
    "Australia/Lord_Howe", "America/Santiago", "Pacific/Kiritimati", "Asia/Kathmandu", "UTC",
  ])("finds the same transitions as the oracle in %s, 2025–2030", (zone) => {
    expect(new ZoneTimeline(zone, FROM, TO).transitions).toEqual(transitionsBetween(zone, FROM, TO));
  });

  it("agrees with the oracle's offsets at random instants", () => {
    const zones = ["America/New_York", "Pacific/Auckland", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Pago_Pago"];
    const timelines = new Map(zones.map((z) => [z, new ZoneTimeline(z, FROM, TO)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: FROM, max: TO }), (zone, utc) => {
        expect(timelines.get(zone)!.offsetAt(utc)).toBe(offsetMinutes(zone, utc) * 60_000);
      }),
      { numRuns: 500 },
    );
  });

  it("answers outside its span from Intl, but refuses to resolve there", () => {
    const timeline = new ZoneTimeline("America/New_York", Date.UTC(2027, 0, 1), Date.UTC(2027, 0, 10));
    expect(timeline.offsetAt(Date.UTC(2027, 6, 1))).toBe(-4 * HOUR);
    expect(() => timeline.resolve(wall("2027-07-01T09:00"))).toThrow(RangeError);
    expect(() => timeline.constantOffset(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 2))).toThrow(RangeError);
  });
});

describe("resolveWallTime", () => {
  it.each([
    ["an ordinary time", "2027-03-14T01:30", { kind: "unique", utc: Date.parse("2027-03-14T06:30:00Z") }],
    ["a time in the spring-forward gap", "2027-03-14T02:30", { kind: "nonexistent", utc: Date.parse("2027-03-14T07:00:00Z") }],
    ["the first time after the gap", "2027-03-14T03:00", { kind: "unique", utc: Date.parse("2027-03-14T07:00:00Z") }],
    [
      "a time in the repeated hour",
      "2027-11-07T01:30",
      { kind: "ambiguous", utc: Date.parse("2027-11-07T05:30:00Z"), later: Date.parse("2027-11-07T06:30:00Z") },
    ],
    ["the end of the repeated hour", "2027-11-07T02:00", { kind: "unique", utc: Date.parse("2027-11-07T07:00:00Z") }],
  ])("New York: %s", (_why, local, expected) => {
    expect(resolveWallTime("America/New_York", wall(local))).toEqual(expected);
  });

  it("handles a 30-minute change (Lord Howe)", () => {
    expect(resolveWallTime("Australia/Lord_Howe", wall("2027-10-03T02:15")).kind).toBe("nonexistent");
    expect(resolveWallTime("Australia/Lord_Howe", wall("2027-04-04T01:45")).kind).toBe("ambiguous");
  });
});

describe("zoneOffsetAt and localDayNumberAt", () => {
  it("reads offsets far from UTC and ignores milliseconds", () => {
    expect(zoneOffsetAt("Pacific/Kiritimati", Date.UTC(2027, 0, 1, 0, 0, 0, 999))).toBe(14 * HOUR);
    expect(zoneOffsetAt("Pacific/Pago_Pago", Date.UTC(2027, 0, 1))).toBe(-11 * HOUR);
    expect(zoneOffsetAt("Asia/Kathmandu", Date.UTC(2027, 0, 1))).toBe(5.75 * HOUR);
  });

  it("gives the local date in the zone, not in UTC", () => {
    const instant = Date.parse("2027-03-01T10:30:00Z");
    expect(localDayNumberAt("Pacific/Kiritimati", instant) * 86_400_000).toBe(Date.UTC(2027, 2, 2));
    expect(localDayNumberAt("Pacific/Pago_Pago", instant) * 86_400_000).toBe(Date.UTC(2027, 1, 28));
  });

  it("knows IANA names and aliases, and nothing else", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("UTC")).toBe(true);
    expect(isKnownTimeZone("US/Eastern")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("+05:00")).toBe(false);
  });
});

describe("independence from the process time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("gives identical slots whatever TZ the server runs in", () => {
    const query = {
      schedule: {
        timeZone: "America/New_York",
        weeklyHours: { sun: [{ start: "00:00", end: "24:00" }], mon: [{ start: "09:00", end: "17:00" }] },
        slotMinutes: 25,
        bufferMinutes: 5,
        minNoticeHours: 0,
        horizonDays: 30,
      },
      busy: [],
      now: Date.parse("2027-03-10T00:00:00Z"),
      from: "2027-03-13",
      to: "2027-03-16",
    };
    const results = ["UTC", "Pacific/Auckland", "Pacific/Kiritimati", "America/Los_Angeles"].map((tz) => {
      process.env.TZ = tz; // Node re-reads TZ on change, so any local-time leak would show
      return computeFreeSlots(query);
    });
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]!.length).toBeGreaterThan(50);
  });
});
