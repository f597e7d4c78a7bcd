import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, monthBounds } from "./booking-calendar";
import {
  columnOf,
  dayAvailability,
  dayLabel,
  keyTarget,
  monthHeading,
  monthWeeks,
  movedDate,
  resolveFocus,
  sameDayInMonth,
  tabStopDay,
  weekdayColumns,
  weekdayName,
  weekdayOf,
  type GridContext,
  type GridMove,
} from "./month-grid";
import { dayNumberToLocalDate, localDateToDayNumber } from "./slots/local-time";
import type { WeekStart } from "./week-start";

const weekStart = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<WeekStart>;
// 1900-01 … 2199-12: far past any booking window, and across leap-year rules (1900, 2000, 2100).
const month = fc.integer({ min: 1900 * 12, max: 2199 * 12 + 11 }).map((i) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
const dayOf = (m: string) => fc.integer({ min: 1, max: Number(monthBounds(m).to.slice(8)) }).map((d) => `${m}-${String(d).padStart(2, "0")}`);
const monthAndDay = month.chain((m) => dayOf(m).map((date) => ({ month: m, date })));
const daysOf = (m: string) => {
  const { from, to } = monthBounds(m);
  const days: string[] = [];
  for (let n = localDateToDayNumber(from); n <= localDateToDayNumber(to); n++) days.push(dayNumberToLocalDate(n));
  return days;
};
const context = (m: string, weekStartsOn: WeekStart, choosable: (date: string) => boolean, span = 0): GridContext => ({
  month: m,
  firstMonth: addMonths(m, -span),
  lastMonth: addMonths(m, span),
  weekStartsOn,
  choosable,
});
// A random set of choosable days: a day-of-month bit mask, the same rule for every month.
const choosableMask = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((mask) => (date: string) => ((mask >>> (Number(date.slice(8)) - 1)) & 1) === 1);

describe("weekdays", () => {
  it("knows the weekday of a date (0 = Sunday), as the calendar prints it", () => {
    expect(weekdayOf("1970-01-01")).toBe(4); // a Thursday
    expect(weekdayOf("2026-12-06")).toBe(0);
    expect(weekdayOf("2000-02-29")).toBe(2);
    expect(weekdayName(0)).toBe("Sunday");
    expect(weekdayName(6)).toBe("Saturday");
  });

  it("orders the columns from the week start", () => {
    expect(weekdayColumns(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekdayColumns(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(weekdayColumns(6)).toEqual([6, 0, 1, 2, 3, 4, 5]);
  });
});

describe("monthWeeks", () => {
  it("lays out December 2026 from Sunday (US) and from Monday (UK)", () => {
    const sunday = monthWeeks("2026-12", 0);
    expect(sunday[0]).toEqual([null, null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"]);
    expect(sunday.at(-1)).toEqual(["2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null]);
    const monday = monthWeeks("2026-12", 1);
    expect(monday[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(monday).toHaveLength(5);
  });

  it("shows every day of the month exactly once, in its weekday's column, in order, with no empty week", () => {
    fc.assert(
      fc.property(month, weekStart, (m, weekStartsOn) => {
        const weeks = monthWeeks(m, weekStartsOn);
        expect(weeks.every((week) => week.length === 7 && week.some((date) => date !== null))).toBe(true);
        expect(weeks.flat().filter((date) => date !== null)).toEqual(daysOf(m));
        for (const week of weeks) {
          week.forEach((date, column) => {
            if (date) expect((weekdayOf(date) - weekStartsOn + 7) % 7).toBe(column);
          });
        }
        expect(weeks.length).toBeGreaterThanOrEqual(4);
        expect(weeks.length).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe("movedDate", () => {
  const opposite: [GridMove, GridMove][] = [
    ["nextDay", "previousDay"],
    ["previousDay", "nextDay"],
    ["nextWeek", "previousWeek"],
    ["previousWeek", "nextWeek"],
  ];

  it("a day or week move and its opposite come back to the start", () => {
    fc.assert(
      fc.property(monthAndDay, weekStart, fc.constantFrom(...opposite), ({ date }, weekStartsOn, [there, back]) => {
        expect(movedDate(movedDate(date, there, weekStartsOn), back, weekStartsOn)).toBe(date);
      }),
    );
  });

  it("Page Down then Page Up comes back on days every month has (1–28)", () => {
    fc.assert(
      fc.property(monthAndDay, weekStart, fc.boolean(), ({ date }, weekStartsOn, down) => {
        fc.pre(Number(date.slice(8)) <= 28);
        const [there, back]: [GridMove, GridMove] = down ? ["nextMonth", "previousMonth"] : ["previousMonth", "nextMonth"];
        expect(movedDate(movedDate(date, there, weekStartsOn), back, weekStartsOn)).toBe(date);
      }),
    );
  });

  it("Page Down from a day the next month lacks goes to its last day", () => {
    expect(sameDayInMonth("2027-01-31", 1)).toBe("2027-02-28");
    expect(sameDayInMonth("2028-01-31", 1)).toBe("2028-02-29");
    expect(sameDayInMonth("2027-03-31", -1)).toBe("2027-02-28");
    expect(sameDayInMonth("2026-12-15", 1)).toBe("2027-01-15");
  });

  it("Home and End reach the first and last column of the date's week", () => {
    fc.assert(
      fc.property(monthAndDay, weekStart, ({ date }, weekStartsOn) => {
        const start = movedDate(date, "weekStart", weekStartsOn);
        const end = movedDate(date, "weekEnd", weekStartsOn);
        expect(columnOf(start, weekStartsOn)).toBe(0);
        expect(columnOf(end, weekStartsOn)).toBe(6);
        expect(localDateToDayNumber(end) - localDateToDayNumber(start)).toBe(6);
        expect(date >= start && date <= end).toBe(true);
      }),
    );
  });
});

describe("keyTarget", () => {
  it("with every day choosable, each key lands where the date-grid pattern says", () => {
    const all = context("2026-12", 0, () => true, 1);
    expect(keyTarget("2026-12-09", "nextDay", all)).toEqual({ date: "2026-12-10", toward: 0 });
    expect(keyTarget("2026-12-09", "previousWeek", all)).toEqual({ date: "2026-12-02", toward: 0 });
    expect(keyTarget("2026-12-09", "weekStart", all)).toEqual({ date: "2026-12-06", toward: 0 });
    expect(keyTarget("2026-12-09", "weekEnd", all)).toEqual({ date: "2026-12-12", toward: 0 });
    // Home stays in the month: the week's first days are November's, shown empty.
    expect(keyTarget("2026-12-03", "weekStart", all)).toEqual({ date: "2026-12-01", toward: 0 });
    expect(keyTarget("2026-12-09", "nextMonth", all)).toEqual({ date: "2027-01-09", toward: 0 });
    // Leaving the month: the next month's day, found once that month shows.
    expect(keyTarget("2026-12-31", "nextDay", all)).toEqual({ date: "2027-01-01", toward: 1 });
    expect(keyTarget("2026-12-02", "previousWeek", all)).toEqual({ date: "2026-11-25", toward: -1 });
  });

  it("skips days that cannot be chosen, and stops at the months the calendar pages through", () => {
    const some = context("2026-12", 0, (date) => ["2026-12-09", "2026-12-11", "2026-12-20"].includes(date));
    expect(keyTarget("2026-12-09", "nextDay", some)).toEqual({ date: "2026-12-11", toward: 0 });
    expect(keyTarget("2026-12-11", "previousDay", some)).toEqual({ date: "2026-12-09", toward: 0 });
    // ↓: the first choosable day at least a week later, not the next choosable one in this column.
    expect(keyTarget("2026-12-09", "nextWeek", some)).toEqual({ date: "2026-12-20", toward: 0 });
    expect(keyTarget("2026-12-20", "nextDay", some)).toBeNull();
    expect(keyTarget("2026-12-09", "previousWeek", some)).toBeNull();
    expect(keyTarget("2026-12-09", "nextMonth", some)).toBeNull();
    expect(keyTarget("2026-12-09", "weekEnd", some)).toEqual({ date: "2026-12-11", toward: 0 });
    expect(keyTarget("2026-12-11", "weekStart", some)).toEqual({ date: "2026-12-09", toward: 0 });
  });

  it("→ from the first choosable day visits every choosable day of the month, in order, skipping none", () => {
    fc.assert(
      fc.property(month, weekStart, choosableMask, (m, weekStartsOn, choosable) => {
        const expected = daysOf(m).filter(choosable);
        const visited: string[] = [];
        const grid = context(m, weekStartsOn, choosable);
        let at = resolveFocus(m, { date: monthBounds(m).from, toward: 1 }, choosable);
        while (at) {
          visited.push(at);
          at = keyTarget(at, "nextDay", grid)?.date ?? null;
        }
        expect(visited).toEqual(expected);
      }),
    );
  });

  it("a day or week key lands on a choosable day in the move's direction, with none skipped between", () => {
    fc.assert(
      fc.property(month, weekStart, choosableMask, fc.constantFrom<GridMove>("nextDay", "previousDay", "nextWeek", "previousWeek"), (m, weekStartsOn, choosable, move) => {
        const days = daysOf(m).filter(choosable);
        fc.pre(days.length > 0);
        const grid = context(m, weekStartsOn, choosable, 1);
        for (const from of days) {
          const raw = movedDate(from, move, weekStartsOn);
          const target = keyTarget(from, move, grid)!;
          const forward = move === "nextDay" || move === "nextWeek";
          // Every choosable day of the month from the raw move up to the target was skipped: there must be none.
          const between = days.filter((date) => (forward ? date >= raw && date < target.date : date <= raw && date > target.date));
          expect(between).toEqual([]);
          if (target.toward === 0) expect(choosable(target.date)).toBe(true);
          else expect(target.date.startsWith(m)).toBe(false);
        }
      }),
    );
  });

  it("a day key and its opposite come back to the start when every day is choosable", () => {
    fc.assert(
      fc.property(monthAndDay, weekStart, fc.boolean(), ({ month: m, date }, weekStartsOn, next) => {
        const grid = context(m, weekStartsOn, () => true);
        const [there, back]: [GridMove, GridMove] = next ? ["nextDay", "previousDay"] : ["previousDay", "nextDay"];
        const moved = keyTarget(date, there, grid);
        fc.pre(moved !== null);
        expect(keyTarget(moved.date, back, grid)?.date).toBe(date);
      }),
    );
  });
});

describe("resolveFocus and the tab stop", () => {
  const choosable = (date: string) => ["2026-12-04", "2026-12-10", "2026-12-16"].includes(date);

  it("lands on the intended day, or the nearest choosable one in the intent's direction", () => {
    expect(resolveFocus("2026-12", { date: "2026-12-10", toward: 0 }, choosable)).toBe("2026-12-10");
    expect(resolveFocus("2026-12", { date: "2026-12-07", toward: 0 }, choosable)).toBe("2026-12-04");
    expect(resolveFocus("2026-12", { date: "2026-12-13", toward: 0 }, choosable)).toBe("2026-12-10"); // a tie: the earlier
    expect(resolveFocus("2026-12", { date: "2026-12-05", toward: 1 }, choosable)).toBe("2026-12-10");
    expect(resolveFocus("2026-12", { date: "2026-12-15", toward: -1 }, choosable)).toBe("2026-12-10");
    expect(resolveFocus("2026-12", { date: "2026-12-17", toward: 1 }, choosable)).toBeNull();
    expect(resolveFocus("2027-01", { date: "2026-12-10", toward: 0 }, choosable)).toBeNull();
  });

  it("puts the tab stop on the keyboard's day, else the selected day, else today, else the first choosable", () => {
    const base = { intent: null, selected: null, today: "2026-12-09", choosable };
    expect(tabStopDay("2026-12", { ...base, intent: { date: "2026-12-16", toward: 0 }, selected: "2026-12-10" })).toBe("2026-12-16");
    expect(tabStopDay("2026-12", { ...base, selected: "2026-12-10" })).toBe("2026-12-10");
    expect(tabStopDay("2026-12", { ...base, today: "2026-12-16" })).toBe("2026-12-16");
    expect(tabStopDay("2026-12", base)).toBe("2026-12-04");
    expect(tabStopDay("2026-12", { ...base, choosable: () => false })).toBeNull();
  });
});

describe("labels", () => {
  it("names a day with its reason, as the e2e tests and screen readers read it", () => {
    const free = (count: number) => dayAvailability("2026-12-10", { lastBookable: "2026-12-20", loading: false, count });
    expect(dayLabel("2026-12-10", free(3), { today: false, selected: true })).toBe("Thursday, December 10, 3 free times, selected");
    expect(dayLabel("2026-12-10", free(1), { today: true, selected: false })).toBe("Today, Thursday, December 10, 1 free time");
    expect(dayLabel("2026-12-10", free(0), { today: false, selected: false })).toBe("Thursday, December 10, no free times");
    const loading = dayAvailability("2026-12-10", { lastBookable: "2026-12-20", loading: true, count: 0 });
    expect(dayLabel("2026-12-10", loading, { today: false, selected: false })).toBe("Thursday, December 10, loading");
    const later = dayAvailability("2026-12-21", { lastBookable: "2026-12-20", loading: true, count: 0 });
    expect(dayLabel("2026-12-21", later, { today: false, selected: false })).toBe("Monday, December 21, booking not open yet");
  });

  it("heads the month with its name and year", () => {
    expect(monthHeading("2026-12")).toBe("December 2026");
    expect(monthHeading("2027-01")).toBe("January 2027");
  });
});
