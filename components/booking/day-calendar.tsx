"use client";

import { DayButton, DayPicker, type DayButtonProps } from "react-day-picker";
import { cn } from "@/components/ui";
import { monthBounds, type MonthKey } from "@/lib/domain/booking-calendar";
import type { LocalDate } from "@/lib/domain/slots";
import type { WeekStart } from "@/lib/domain/week-start";
import { CalendarChevron, calendarClassNames, calendarDayClasses } from "@/components/ui/calendar";
import { localDateToPickerDate, pickerDateToLocalDate } from "@/components/ui/calendar-dates";

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

const monthDate = (month: MonthKey) => localDateToPickerDate(`${month}-01`);
const monthKey = (date: Date) => pickerDateToLocalDate(date).slice(0, 7);

const LONG_DATE = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric" });

// Day look by state. Available days are tinted teal and bold so they stand
// out from days without times; the chosen day is solid teal. Today gets a dot.
function StyledDayButton({ className, modifiers, ...props }: DayButtonProps) {
  const { selected, available, disabled, today } = modifiers;
  return (
    <DayButton
      {...props}
      modifiers={modifiers}
      className={cn(
        className,
        calendarDayClasses(
          { selected, disabled, today },
          available ? "bg-primary-50 font-semibold text-primary-800 ring-1 ring-primary-700/20 ring-inset hover:bg-primary-100" : "text-slate-400",
        ),
      )}
    />
  );
}

/**
 * The month calendar: react-day-picker (a real grid with arrow-key, Page
 * Up/Down and Home/End navigation), styled with Tailwind. Days with free
 * times are enabled and tinted; every other day is disabled.
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
  const count = (date: Date) => (loading ? 0 : slotCount(pickerDateToLocalDate(date)));
  const pastHorizon = (date: Date) => pickerDateToLocalDate(date) > lastBookable;
  // The month shows days beyond the horizon: say why they can't be chosen.
  const showsPastHorizon = monthBounds(month).to > lastBookable;

  return (
    <>
      <DayPicker
        mode="single"
        required
        selected={selected ? localDateToPickerDate(selected) : undefined}
        onSelect={(date: Date | undefined) => {
          if (date) onSelect(pickerDateToLocalDate(date));
        }}
        month={monthDate(month)}
        onMonthChange={(date) => onMonthChange(monthKey(date))}
        startMonth={monthDate(firstMonth)}
        endMonth={monthDate(lastMonth)}
        today={localDateToPickerDate(today)}
        disabled={(date) => count(date) === 0}
        modifiers={{ available: (date) => count(date) > 0 }}
        weekStartsOn={weekStartsOn}
        navLayout="around"
        aria-labelledby={labelledBy}
        labels={{
          labelPrevious: () => "Previous month",
          labelNext: () => "Next month",
          labelDayButton: (date, modifiers) => {
            const n = count(date);
            const parts = [
              modifiers.today ? `Today, ${LONG_DATE.format(date)}` : LONG_DATE.format(date),
              pastHorizon(date)
                ? "booking not open yet"
                : loading
                  ? "loading"
                  : n === 0
                    ? "no free times"
                    : n === 1
                      ? "1 free time"
                      : `${n} free times`,
            ];
            if (modifiers.selected) parts.push("selected");
            return parts.join(", ");
          },
        }}
        components={{ DayButton: StyledDayButton, Chevron: CalendarChevron }}
        className="w-full"
        classNames={calendarClassNames({ root: "w-full", loading })}
      />
      {showsPastHorizon && (
        <p className="mt-2 px-1 text-sm text-slate-600" data-testid="horizon-note">
          Booking opens up to {horizonDays === 1 ? "1 day" : `${horizonDays} days`} ahead
          {lastBookable >= monthBounds(month).from ? `: days after ${LONG_DATE.format(localDateToPickerDate(lastBookable))} can't be chosen yet.` : "."}
        </p>
      )}
    </>
  );
}
