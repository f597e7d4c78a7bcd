"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { calendarClassNames, calendarDayClasses } from "@/components/ui/calendar";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";
import { addMonths, monthBounds, monthOf, type MonthKey } from "@/lib/domain/booking-calendar";
import {
  dayAvailability,
  dayLabel,
  KEY_MOVES,
  keyTarget,
  longDate,
  monthHeading,
  monthWeeks,
  tabStopDay,
  weekdayColumns,
  weekdayName,
  type FocusIntent,
} from "@/lib/domain/month-grid";
import type { LocalDate } from "@/lib/domain/slots/types";
import type { WeekStart } from "@/lib/domain/week-start";

export type DayCalendarProps = {
  /** The month shown, "YYYY-MM". */
  month: MonthKey;
  onMonthChange: (month: MonthKey) => void;
  /** Navigation stays within these months (the bookable window). */
  firstMonth: MonthKey;
  lastMonth: MonthKey;
  /** Today in the clinic's zone. */
  today: LocalDate;
  selected: LocalDate | null;
  onSelect: (date: LocalDate) => void;
  /** Free slots on a date; 0 disables the day. */
  slotCount: (date: LocalDate) => number;
  /** The month's slots are loading: every day is disabled for now. */
  loading: boolean;
  /** Id of the visible heading that names the calendar. */
  labelledBy: string;
  /** The last bookable date (today + horizon - 1): later days are disabled for that reason, and the calendar says so. */
  lastBookable: LocalDate;
  /** How many days ahead booking opens (the doctor's horizon). */
  horizonDays: number;
  /** The first day of the week, as the clinic's country has it (Sunday in the US, Monday in the UK). */
  weekStartsOn: WeekStart;
};

const classes = calendarClassNames({ root: "w-full" });
// Available days are tinted teal and bold so they stand out from days without times.
const AVAILABLE = "bg-primary-50 font-semibold text-primary-800 ring-1 ring-primary-700/20 ring-inset hover:bg-primary-100";

/**
 * The month calendar: a table with the ARIA grid role, its days buttons with
 * one tab stop (roving tabindex) and the WAI-ARIA date-grid keys (arrows,
 * Home/End, Page Up/Down; Enter and Space press the day's button). Days with
 * free times are enabled and tinted; every other day is disabled, and the
 * keys skip it. The grid's maths is lib/domain/month-grid.ts: no date library
 * reaches the browser.
 */
export function DayCalendar({
  month,
  onMonthChange,
  firstMonth,
  lastMonth,
  today,
  selected,
  onSelect,
  slotCount,
  loading,
  labelledBy,
  lastBookable,
  horizonDays,
  weekStartsOn,
}: DayCalendarProps) {
  const count = (date: LocalDate) => (loading ? 0 : slotCount(date));
  const choosable = (date: LocalDate) => count(date) > 0;
  // Where the keyboard is (or asked to go, in a month still loading): the tab stop follows it.
  const [intent, setIntent] = useState<FocusIntent | null>(null);
  // A key moved the tab stop: DOM focus follows once the day's button can take it.
  const focusPending = useRef(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const tabStop = tabStopDay(month, { intent, selected, today, choosable });

  useEffect(() => {
    if (!focusPending.current || loading) return;
    focusPending.current = false;
    // Not if the patient has gone elsewhere while the month loaded.
    const active = document.activeElement;
    if (active && active !== document.body && !gridRef.current?.contains(active)) return;
    if (tabStop) gridRef.current?.querySelector<HTMLButtonElement>(`button[data-day="${tabStop}"]`)?.focus();
  });

  const heading = monthHeading(month);
  const previous = month > firstMonth ? addMonths(month, -1) : null;
  const next = month < lastMonth ? addMonths(month, 1) : null;
  // The month shows days beyond the horizon: say why they can't be chosen.
  const showsPastHorizon = monthBounds(month).to > lastBookable;

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const move = KEY_MOVES[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const paging = move === "previousMonth" || move === "nextMonth";
    // While the month loads no day is known yet; only paging means anything.
    if (loading && !paging) return;
    const onDay = (event.target as HTMLElement).dataset.day;
    const from = onDay ?? tabStop ?? (intent && monthOf(intent.date) === month ? intent.date : monthBounds(month).from);
    const target = keyTarget(from, move, { month, firstMonth, lastMonth, weekStartsOn, choosable });
    if (!target) return;
    setIntent(target);
    focusPending.current = true;
    const targetMonth = monthOf(target.date);
    if (targetMonth !== month) {
      // The day's button leaves with this month: the grid holds focus until the next month's day can take it.
      gridRef.current?.focus();
      onMonthChange(targetMonth);
    }
  }

  return (
    <>
      <div role="group" aria-labelledby={labelledBy} lang="en-US" className="w-full">
        <div className={classes.month}>
          <MonthButton label="Previous month" target={previous} onMonthChange={onMonthChange} />
          <div className={classes.month_caption}>
            <span className={classes.caption_label} role="status" aria-live="polite">
              {heading}
            </span>
          </div>
          <MonthButton label="Next month" target={next} onMonthChange={onMonthChange} />
          <table
            ref={gridRef}
            role="grid"
            aria-label={heading}
            tabIndex={-1}
            onKeyDown={onKeyDown}
            onFocus={(event) => {
              const day = (event.target as HTMLElement).dataset.day;
              if (day && day !== intent?.date) setIntent({ date: day, toward: 0 });
            }}
            className={cn(classes.month_grid, loading && "motion-safe:animate-pulse", "focus-visible:outline-2 focus-visible:outline-primary-600")}
          >
            {/* Each day's name says its weekday: the column headers are for the eye. */}
            <thead aria-hidden="true">
              <tr>
                {weekdayColumns(weekStartsOn).map((weekday) => {
                  const name = weekdayName(weekday);
                  return (
                    <th key={weekday} scope="col" aria-label={name} className={classes.weekday}>
                      {name.slice(0, 2)}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(month, weekStartsOn).map((week) => (
                <tr key={week.find((date) => date !== null)}>
                  {week.map((date, column) =>
                    date === null ? (
                      <td key={column} role="gridcell" className={cn(classes.day, classes.hidden)} />
                    ) : (
                      <Day
                        key={date}
                        date={date}
                        label={dayLabel(date, dayAvailability(date, { lastBookable, loading, count: count(date) }), {
                          today: date === today,
                          selected: date === selected,
                        })}
                        state={{ selected: date === selected, disabled: !choosable(date), today: date === today }}
                        tabStop={date === tabStop}
                        onSelect={onSelect}
                      />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {showsPastHorizon && (
        <p className="mt-2 px-1 text-sm text-slate-600" data-testid="horizon-note">
          Booking opens up to {horizonDays === 1 ? "1 day" : `${horizonDays} days`} ahead
          {lastBookable >= monthBounds(month).from ? `: days after ${longDate(lastBookable)} can't be chosen yet.` : "."}
        </p>
      )}
    </>
  );
}

function Day({
  date,
  label,
  state,
  tabStop,
  onSelect,
}: {
  date: LocalDate;
  label: string;
  state: { selected: boolean; disabled: boolean; today: boolean };
  tabStop: boolean;
  onSelect: (date: LocalDate) => void;
}) {
  return (
    <td role="gridcell" aria-selected={state.selected || undefined} className={classes.day}>
      <button
        type="button"
        data-day={date}
        disabled={state.disabled}
        tabIndex={tabStop ? 0 : -1}
        aria-label={label}
        aria-current={state.today ? "date" : undefined}
        onClick={() => onSelect(date)}
        className={calendarDayClasses(state, state.disabled ? "text-slate-400" : AVAILABLE)}
      >
        {Number(date.slice(8))}
      </button>
    </td>
  );
}

/** Previous/next month: inert (aria-disabled, out of the tab order) at the ends of the bookable window. */
function MonthButton({ label, target, onMonthChange }: { label: "Previous month" | "Next month"; target: MonthKey | null; onMonthChange: (month: MonthKey) => void }) {
  const Icon = label === "Next month" ? ChevronRightIcon : ChevronLeftIcon;
  return (
    <button
      type="button"
      aria-label={label}
      aria-disabled={target === null || undefined}
      tabIndex={target === null ? -1 : undefined}
      onClick={() => target && onMonthChange(target)}
      className={label === "Next month" ? classes.button_next : classes.button_previous}
    >
      <Icon className="size-5" />
    </button>
  );
}
