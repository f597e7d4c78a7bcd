// Property tests around every DST transition from 2025 to 2030 in six zones.
// Transitions are found programmatically by the test oracle (not the engine),
// and every property is checked with the oracle's independent wall clock.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFreeSlots, isBookableStart } from "./free-slots";
import type { DateOverride, LocalInterval, SlotQuery, UtcMs, WeeklyHours } from "./types";
import { fitsInHours, intervalsOn, referenceFreeSlots } from "./testing/reference-free-slots";
import { addDays, instantsShowing, offsetMinutes, transitionsBetween, wallClock } from "./testing/wall-clock-oracle";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo"];
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const RUNS_PER_TRANSITION = 25;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** 0–3 intervals, often early in the day where the changes happen; touching allowed; may end at 24:00. */
const dayIntervals: fc.Arbitrary<LocalInterval[]> = fc.oneof(
  fc.constant<LocalInterval[]>([{ start: "00:00", end: "24:00" }]),
  fc
    .array(fc.record({ gap: fc.integer({ min: 0, max: 72 }), length: fc.integer({ min: 1, max: 96 }) }), { maxLength: 3 })
    .map((parts) => {
      const out: LocalInterval[] = [];
      let t = 0;
      for (const { gap, length } of parts) {
        const start = t + gap * 5;
        const end = start + length * 5;
        if (end > 1440) break;
        out.push({ start: hhmm(start), end: hhmm(end) });
        t = end;
      }
      return out;
    }),
);

const weeklyHours: fc.Arbitrary<WeeklyHours> = fc.record({
  mon: dayIntervals, tue: dayIntervals, wed: dayIntervals, thu: dayIntervals, fri: dayIntervals, sat: dayIntervals, sun: dayIntervals,
});

/**
 * The transition date's override: none, closed, random hours, or one interval
 * with its edges close to the wall time of the change, where slots straddle
 * the gap or the repeated hour and the rules are most easily got wrong.
 */
function overrideNear(changeMinute: number, gapMinutes: number): fc.Arbitrary<DateOverride | null> {
  const nearChange = fc
    .record({ from: fc.integer({ min: -24, max: 12 }), length: fc.integer({ min: 1, max: 36 }) })
    .map(({ from, length }): DateOverride => {
      const start = Math.min(Math.max(changeMinute + from * 5, 0), 1435);
      return { intervals: [{ start: hhmm(start), end: hhmm(Math.min(start + length * 5, 1440)) }] };
    });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant<DateOverride>({ closed: true }) },
    { weight: 1, arbitrary: dayIntervals.map((intervals): DateOverride => ({ intervals, note: "override" })) },
    { weight: 3, arbitrary: nearChange },
    { weight: gapMinutes > 0 ? 3 : 0, arbitrary: aroundGap(changeMinute, gapMinutes) },
  );
}

/**
 * Hours up to the change, hours lying wholly inside the spring-forward gap
 * (no instant shows them, so nobody works then), and maybe hours after it:
 * the gap hours must not cost the slot before them its place (rule 4).
 */
function aroundGap(changeMinute: number, gapMinutes: number): fc.Arbitrary<DateOverride> {
  const gapSteps = Math.max(1, gapMinutes / 5);
  return fc
    .record({
      before: fc.integer({ min: 1, max: 36 }),
      gapFrom: fc.integer({ min: 0, max: gapSteps - 1 }),
      gapLength: fc.integer({ min: 1, max: gapSteps }),
      after: fc.option(fc.record({ gap: fc.integer({ min: 0, max: 12 }), length: fc.integer({ min: 1, max: 24 }) })),
    })
    .map(({ before, gapFrom, gapLength, after }): DateOverride => {
      const intervals: LocalInterval[] = [];
      if (changeMinute > 0) intervals.push({ start: hhmm(Math.max(changeMinute - before * 5, 0)), end: hhmm(changeMinute) });
      const inGap = changeMinute + gapFrom * 5;
      intervals.push({ start: hhmm(inGap), end: hhmm(Math.min(inGap + gapLength * 5, changeMinute + gapMinutes)) });
      if (after) {
        const start = changeMinute + gapMinutes + after.gap * 5;
        const end = Math.min(start + after.length * 5, 1440);
        if (end > start) intervals.push({ start: hhmm(start), end: hhmm(end) });
      }
      return { intervals };
    });
}

/**
 * A random schedule, busy time, `now` and probes around instant `t`, listing
 * the local dates around the one t shows (from `daysBefore` before to one after).
 * `overrideDate` (default: t's date) gets the random override.
 */
function caseAround(zone: string, t: UtcMs, daysBefore = 1, overrideDate?: string) {
  const date = wallClock(zone, t).date;
  // Wall time just before the change, on the 5-minute grid (e.g. 02:00 in New York).
  // A change at the very end of a date (Apia skipping a whole date) is, for the
  // overridden date that follows, a change at its 00:00.
  const changeMinute = Math.ceil(wallClock(zone, t - 1).msOfDay / (5 * MINUTE)) * 5 % 1440;
  // Minutes the clock skips at t (0 on a fall-back or ordinary day).
  const gapMinutes = Math.max(0, offsetMinutes(zone, t) - offsetMinutes(zone, t - MINUTE));
  return fc
    .record({
      weeklyHours,
      override: overrideNear(changeMinute, gapMinutes),
      slotMinutes: fc.oneof(fc.constantFrom(15, 20, 30, 60), fc.integer({ min: 1, max: 48 }).map((x) => x * 5)),
      bufferMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 24 }).map((x) => x * 5)),
      minNoticeHours: fc.integer({ min: 0, max: 48 }),
      horizonDays: fc.integer({ min: 1, max: 10 }),
      nowOffsetMinutes: fc.integer({ min: -4 * 1440, max: 1440 }),
      busy: fc.array(fc.record({ at: fc.integer({ min: -2880, max: 2880 }), length: fc.integer({ min: 1, max: 240 }) }), { maxLength: 10 }),
      probes: fc.array(fc.integer({ min: -2 * 288, max: 2 * 288 }), { maxLength: 5 }),
    })
    .map((c) => {
      const query: SlotQuery = {
        schedule: {
          timeZone: zone,
          weeklyHours: c.weeklyHours,
          dateOverrides: c.override ? { [overrideDate ?? date]: c.override } : {},
          slotMinutes: c.slotMinutes,
          bufferMinutes: c.bufferMinutes,
          minNoticeHours: c.minNoticeHours,
          horizonDays: c.horizonDays,
        },
        busy: c.busy.map((b) => ({ start: t + b.at * MINUTE, end: t + (b.at + b.length) * MINUTE })),
        now: t + c.nowOffsetMinutes * MINUTE,
        from: addDays(date, -daysBefore),
        to: addDays(date, 1),
      };
      return { query, probes: c.probes.map((k) => t + k * 5 * MINUTE) };
    });
}

// Plain throws instead of expect() in the per-slot loops: vitest's expect
// costs ~10 µs a call, which dominated the run time of these properties.
function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

function checkProperties({ query, probes }: { query: SlotQuery; probes: UtcMs[] }): void {
  const { schedule, busy } = query;
  const zone = schedule.timeZone;
  const dur = schedule.slotMinutes * MINUTE;
  const buf = schedule.bufferMinutes * MINUTE;
  const step = schedule.slotMinutes + schedule.bufferMinutes;
  const slots = computeFreeSlots(query);
  const show = (utc: UtcMs) => new Date(utc).toISOString();

  slots.forEach((slot, i) => {
    const at = () => `slot ${show(slot.start)}`;
    // Ordered, end = start + duration, and no two offered slots (with buffers) collide.
    ensure(slot.end - slot.start === dur, () => `${at()}: wrong length`);
    const next = slots[i + 1];
    ensure(!next || next.start >= slot.end + buf, () => `${at()}: collides with ${show(next!.start)}`);

    // No overlap with busy time, buffer included.
    for (const b of busy) {
      ensure(!(b.start < slot.end + buf && slot.start < b.end), () => `${at()}: overlaps busy ${show(b.start)}`);
    }

    // Inside the configured hours of its own local date, on the wall-clock grid.
    const shown = wallClock(zone, slot.start);
    ensure(shown.date >= query.from && shown.date <= query.to, () => `${at()}: local date ${shown.date} out of range`);
    ensure(shown.msOfDay % MINUTE === 0, () => `${at()}: not on a minute`);
    const minute = shown.msOfDay / MINUTE;
    const interval = intervalsOn(query, shown.date).find(({ a, b }) => a <= minute && minute < b);
    ensure(interval !== undefined, () => `${at()}: no interval holds ${shown.date} ${shown.hhmm}`);
    ensure((minute - interval!.a) % step === 0, () => `${at()}: ${shown.hhmm} is off the grid`);
    ensure(fitsInHours(zone, slot.start, slot.end, shown.date, interval!.a, interval!.b), () => `${at()}: leaves the hours`);
    // A repeated wall time is offered at its first occurrence.
    ensure(instantsShowing(zone, shown.date, minute)[0] === slot.start, () => `${at()}: not the first occurrence`);

    // Notice.
    ensure(slot.start >= query.now + schedule.minNoticeHours * 3_600_000, () => `${at()}: inside the notice period`);
  });

  // Same answer as the slow transcription of the rules.
  expect(slots).toEqual(referenceFreeSlots(query));

  // The server's re-check agrees with the list.
  const starts = new Set(slots.map((s) => s.start));
  for (const slot of [slots[0], slots[slots.length >> 1], slots[slots.length - 1]]) {
    if (slot) ensure(isBookableStart(query, slot.start), () => `isBookableStart false for ${show(slot.start)}`);
  }
  for (const probe of probes) {
    const date = wallClock(zone, probe).date;
    if (date >= query.from && date <= query.to) {
      ensure(isBookableStart(query, probe) === starts.has(probe), () => `isBookableStart wrong for ${show(probe)}`);
    }
  }
}

/** Sao Paulo's DST began on the first Sunday of November and ended on the third Sunday of February, at local midnight. */
function formerSaoPauloChangeDays(): UtcMs[] {
  const sundays = (year: number, month: number, nth: number) => {
    const first = new Date(Date.UTC(year, month, 1));
    return Date.UTC(year, month, 1 + ((7 - first.getUTCDay()) % 7) + 7 * (nth - 1), 3); // 00:00 at UTC-3
  };
  return YEARS.flatMap((y) => [sundays(y, 1, 3), sundays(y, 10, 1)]);
}

describe.each(ZONES)("DST properties in %s", (zone) => {
  const transitions = transitionsBetween(zone, Date.UTC(YEARS[0]!, 0, 1), Date.UTC(YEARS[YEARS.length - 1]! + 1, 0, 1));

  it("has two transitions a year (none in Sao Paulo since 2019)", () => {
    expect(transitions).toHaveLength(zone === "America/Sao_Paulo" ? 0 : 2 * YEARS.length);
  });

  const points = transitions.length > 0 ? transitions : formerSaoPauloChangeDays();
  it.each(points.map((t) => [new Date(t).toISOString(), t] as const))("around %s", (_label, t) => {
    fc.assert(fc.property(caseAround(zone, t), checkProperties), { numRuns: RUNS_PER_TRANSITION });
  });
});

describe("properties on ordinary days, any busy layout", () => {
  it("hold for random dates in 2025–2030 in the same zones", () => {
    const arb = fc
      .record({ zone: fc.constantFrom(...ZONES), day: fc.integer({ min: 0, max: 6 * 365 }) })
      .chain(({ zone, day }) => caseAround(zone, Date.UTC(2025, 0, 1, 12) + day * DAY));
    fc.assert(fc.property(arb, checkProperties), { numRuns: 200 });
  });
});

describe("a date the zone skips: Pacific/Apia, 2011-12-30", () => {
  // 2011-12-29 23:59:59 -10:00 was followed by 2011-12-31 00:00 +14:00: the
  // buffer of Thursday's last slot must not run into Saturday's first one.
  const [skip] = transitionsBetween("Pacific/Apia", Date.UTC(2011, 11, 29), Date.UTC(2011, 11, 31));

  it("is found by the oracle", () => {
    expect(wallClock("Pacific/Apia", skip! - MINUTE).date).toBe("2011-12-29");
    expect(wallClock("Pacific/Apia", skip!).date).toBe("2011-12-31");
  });

  it("properties hold from the 28th to 1 January, with random hours on the skipped date", () => {
    fc.assert(fc.property(caseAround("Pacific/Apia", skip!, 3, "2011-12-30"), checkProperties), { numRuns: 300 });
  });

  it("properties hold around Apia's ordinary changes of 2011 and 2012", () => {
    for (const t of transitionsBetween("Pacific/Apia", Date.UTC(2011, 0, 1), Date.UTC(2012, 11, 31)).filter((x) => x !== skip)) {
      fc.assert(fc.property(caseAround("Pacific/Apia", t), checkProperties), { numRuns: RUNS_PER_TRANSITION });
    }
  });
});
