"use client";

import { useId, useRef, useState } from "react";
import { DayButton, DayPicker, type DayButtonProps } from "react-day-picker";
import { CalendarChevron, calendarClassNames, calendarDayClasses } from "@/components/ui/calendar";
import { localDateToPickerDate, pickerDateToLocalDate } from "@/components/ui/calendar-dates";
import { Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, cn } from "@/components/ui";
import { addDays, formatLocalDate, newIntervalKey, upcomingOverrides, weekdayOf, type FormErrors, type FormInterval, type OverrideForm, type ScheduleForm, endForInput, intervalsFromForm } from "@/lib/domain/availability-form";
import { describeOverride, errorsUnder } from "@/lib/domain/availability-wording";
import type { LocalDate } from "@/lib/domain/slots";
import type { WeekStart } from "@/lib/domain/week-start";
import type { Holiday } from "@/lib/domain/holidays";
import { SCHEDULE_LIMITS } from "@/lib/domain/slots";
import { HolidaySuggestions } from "./holiday-suggestions";
import { DayPanel } from "./day-panel";

export type DateOverridesProps = {
  overrides: ScheduleForm["overrides"];
  weeklyHours: ScheduleForm["weeklyHours"];
  /** Today in the clinic's zone: earlier days can't be picked, and their overrides are not listed. */
  today: LocalDate;
  errors: FormErrors;
  onChange: (overrides: Record<LocalDate, OverrideForm>) => void;
  /** The clinic's first day of the week (weekStartForZone), as on the booking page. */
  weekStartsOn: WeekStart;
  /** The clinic country's public holidays for the next 12 months (lib/server/doctors/holidays.ts), offered as days off. */
  holidays: readonly Holiday[];
  holidayCountry: string | null;
};

/** How far ahead a day can be picked. */
const PICKABLE_DAYS = 366;

const LONG_DATE = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });

// Day look by state: closed days red, special hours teal, days the weekly
// hours leave closed in grey; the picked day is solid teal; today has a dot.
function StyledDayButton({ className, modifiers, ...props }: DayButtonProps) {
  const { selected, closedDay, specialDay, usuallyClosed, disabled, today } = modifiers;
  return (
    <DayButton
      {...props}
      modifiers={modifiers}
      className={cn(
        className,
        calendarDayClasses(
          { selected, disabled, today },
          disabled
            ? "text-slate-400"
            : closedDay
              ? "bg-red-50 font-semibold text-red-800 ring-1 ring-red-600/25 ring-inset hover:bg-red-100"
              : specialDay
                ? "bg-primary-50 font-semibold text-primary-800 ring-1 ring-primary-700/25 ring-inset hover:bg-primary-100"
                : usuallyClosed
                  ? "text-slate-600 hover:bg-slate-100"
                  : "text-slate-900 hover:bg-slate-100",
        ),
      )}
    />
  );
}

const firstOfMonth = (date: LocalDate) => localDateToPickerDate(`${date.slice(0, 7)}-01`);

/**
 * Days off and special hours: pick a day on the calendar, then close it or
 * give it its own hours (each with an optional note). Upcoming changes are
 * listed below with edit and remove; past ones are not shown.
 */
export function DateOverrides({ overrides, weeklyHours, today, errors, onChange, weekStartsOn, holidays, holidayCountry }: DateOverridesProps) {
  const id = useId();
  const [selected, setSelected] = useState<LocalDate | null>(null);
  const [month, setMonth] = useState<Date>(() => firstOfMonth(today));
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const lastDay = addDays(today, PICKABLE_DAYS - 1);
  const dates = Object.keys(overrides);
  const closedDates = dates.filter((d) => overrides[d]!.closed || overrides[d]!.intervals.length === 0).map(localDateToPickerDate);
  const specialDates = dates.filter((d) => !overrides[d]!.closed && overrides[d]!.intervals.length > 0).map(localDateToPickerDate);
  const usuallyClosed = (date: Date) => {
    const local = pickerDateToLocalDate(date);
    return !(local in overrides) && weeklyHours[weekdayOf(local)].length === 0;
  };

  function setOverride(date: LocalDate, override: OverrideForm | null) {
    const next = { ...overrides };
    if (override) next[date] = override;
    else delete next[date];
    onChange(next);
  }

  function pick(date: LocalDate, moveFocus: boolean) {
    setSelected(date);
    setMonth(firstOfMonth(date));
    if (moveFocus) requestAnimationFrame(() => panelHeading.current?.focus());
  }

  const usualFor = (date: LocalDate) => weeklyHours[weekdayOf(date)];
  const specialHoursFor = (date: LocalDate): FormInterval[] => {
    const usual = usualFor(date);
    const rows = usual.length > 0 ? usual : [{ key: "", start: "09:00", end: "17:00" }];
    return rows.map((row) => ({ ...row, end: endForInput(row.end), key: newIntervalKey() }));
  };

  const override = selected ? overrides[selected] : undefined;
  const upcoming = upcomingOverrides({ overrides }, today);

  return (
    <Card>
      <CardHeader>
        <CardTitle id={`${id}-title`}>Days off and special hours</CardTitle>
        <CardDescription>
          Pick a day to close it (a holiday, a conference) or to give it different hours. It replaces the weekly hours for that day only.
        </CardDescription>
      </CardHeader>
      <CardContent className="@container space-y-6">
        {/* Side by side only when the card is wide enough for the day's time rows next to the calendar. */}
        <div className="grid gap-6 @3xl:grid-cols-[20rem_minmax(0,1fr)] @3xl:items-start">
          <div>
            <DayPicker
              mode="single"
              required
              selected={selected ? localDateToPickerDate(selected) : undefined}
              onSelect={(date: Date | undefined) => {
                if (date) pick(pickerDateToLocalDate(date), false);
              }}
              month={month}
              onMonthChange={setMonth}
              startMonth={firstOfMonth(today)}
              endMonth={firstOfMonth(lastDay)}
              today={localDateToPickerDate(today)}
              weekStartsOn={weekStartsOn}
              disabled={[{ before: localDateToPickerDate(today) }, { after: localDateToPickerDate(lastDay) }]}
              modifiers={{ closedDay: closedDates, specialDay: specialDates, usuallyClosed }}
              navLayout="around"
              aria-labelledby={`${id}-title`}
              labels={{
                labelPrevious: () => "Previous month",
                labelNext: () => "Next month",
                labelDayButton: (date, modifiers) => {
                  const parts = [modifiers.today ? `Today, ${LONG_DATE.format(date)}` : LONG_DATE.format(date)];
                  if (modifiers.closedDay) parts.push("closed");
                  else if (modifiers.specialDay) parts.push("special hours");
                  else if (modifiers.usuallyClosed) parts.push("usually closed");
                  if (modifiers.selected) parts.push("selected");
                  return parts.join(", ");
                },
              }}
              components={{ DayButton: StyledDayButton, Chevron: CalendarChevron }}
              classNames={calendarClassNames({ root: "w-full max-w-80" })}
            />
            <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
              <li className="flex items-center gap-1.5">
                <span aria-hidden="true" className="size-3 rounded-full bg-red-50 ring-1 ring-red-600/40 ring-inset" /> Closed
              </li>
              <li className="flex items-center gap-1.5">
                <span aria-hidden="true" className="size-3 rounded-full bg-primary-50 ring-1 ring-primary-700/40 ring-inset" /> Special hours
              </li>
            </ul>
          </div>

          <section aria-labelledby={`${id}-day`} className="min-w-0 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset sm:p-5">
            {!selected ? (
              <>
                <h3 id={`${id}-day`} className="sr-only">
                  Selected day
                </h3>
                <p className="text-base text-slate-600">Pick a day on the calendar to close it or change its hours.</p>
              </>
            ) : (
              <DayPanel
                key={selected}
                date={selected}
                today={today}
                headingId={`${id}-day`}
                headingRef={panelHeading}
                override={override}
                usual={usualFor(selected)}
                errors={errors}
                // Closing keeps any special hours typed so far (they are not saved while closed), so switching back restores them.
                onClose={() => setOverride(selected, { closed: true, intervals: override?.intervals ?? [], note: override?.note ?? "" })}
                onSpecial={() =>
                  setOverride(selected, {
                    closed: false,
                    intervals: override && override.intervals.length > 0 ? override.intervals : specialHoursFor(selected),
                    note: override?.note ?? "",
                  })
                }
                onChange={(next) => setOverride(selected, next)}
                onRemove={() => setOverride(selected, null)}
              />
            )}
          </section>
        </div>

        <div>
          <h3 className="text-base font-semibold text-slate-900">Coming up</h3>
          {upcoming.length === 0 ? (
            <p className="mt-1 text-base text-slate-600">No days off or special hours planned.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
              {upcoming.map(([date, item]) => {
                const label = formatLocalDate(date, today);
                const problems = errorsUnder(errors, `dateOverrides.${date}`).length > 0;
                const closed = item.closed || item.intervals.length === 0;
                return (
                  <li key={date} className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3">
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-slate-900">{label}</span>
                        <Badge tone={closed ? "red" : "teal"}>{closed ? "Closed" : "Special hours"}</Badge>
                        {problems && <Badge tone="amber">Needs fixing</Badge>}
                      </p>
                      <p className="mt-0.5 text-sm text-slate-600">
                        {closed ? "No bookings this day" : describeOverride({ intervals: intervalsFromForm(item.intervals) })}
                        {item.note.trim() && ` · ${item.note.trim()}`}
                      </p>
                    </div>
                    <div className="flex gap-2">
                      <Button variant="secondary" size="sm" onClick={() => pick(date, true)} aria-label={`Edit ${label}`}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => {
                          setOverride(date, null);
                          if (selected === date) setSelected(null);
                        }}
                        aria-label={`Remove the change on ${label}`}
                      >
                        Remove
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <HolidaySuggestions
          holidays={holidays}
          countryName={holidayCountry}
          overrides={overrides}
          today={today}
          onCloseDays={(days) => {
            const next = { ...overrides };
            for (const day of days) next[day.date] = { closed: true, intervals: [], note: day.name.slice(0, SCHEDULE_LIMITS.noteLength) };
            onChange(next);
          }}
        />
      </CardContent>
    </Card>
  );
}
