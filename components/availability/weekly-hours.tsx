"use client";

import { Button, Card, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { WEEKDAY_LABELS, parseTime, type FormErrors, type FormInterval, type ScheduleForm } from "@/lib/domain/availability-form";
import { formatHours } from "@/lib/domain/availability-wording";
import { WEEKDAYS, type Weekday } from "@/lib/domain/slots";
import { CopyDaysIcon } from "@/components/ui/icons";
import { IntervalRows } from "./interval-rows";

function dayMinutes(intervals: readonly FormInterval[]): number {
  let total = 0;
  for (const { start, end } of intervals) {
    const from = parseTime(start);
    const to = end === "00:00" ? 24 * 60 : parseTime(end);
    if (from !== null && to !== null && to > from) total += to - from;
  }
  return total;
}

export type WeeklyHoursProps = {
  weeklyHours: ScheduleForm["weeklyHours"];
  errors: FormErrors;
  onDayChange: (day: Weekday, intervals: FormInterval[]) => void;
  onCopyMonday: () => void;
  /** "EST, New York time" */
  zone: string;
  idBase: string;
};

/** The usual week: one row per weekday, Monday first. */
export function WeeklyHours({ weeklyHours, errors, onDayChange, onCopyMonday, zone, idBase }: WeeklyHoursProps) {
  return (
    <Card>
      <CardHeader className="gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1.5">
          <CardTitle id={`${idBase}-title`}>Weekly hours</CardTitle>
          <CardDescription>
            The usual week, in {zone}. To work until midnight, set the end to 12:00 AM.
          </CardDescription>
        </div>
        <Button variant="secondary" size="sm" onClick={onCopyMonday} className="self-start">
          <CopyDaysIcon className="size-4" />
          Copy Monday to Tue–Fri
        </Button>
      </CardHeader>
      <ul aria-labelledby={`${idBase}-title`} className="divide-y divide-slate-200 border-t border-slate-200">
        {WEEKDAYS.map((day) => {
          const intervals = weeklyHours[day];
          const minutes = dayMinutes(intervals);
          return (
            <li key={day} className="grid gap-2 px-5 py-4 sm:grid-cols-[8rem_minmax(0,1fr)] sm:gap-4 sm:px-6">
              <div className="flex items-baseline justify-between gap-2 sm:block sm:pt-2.5">
                <h3 className="text-base font-semibold text-slate-900">{WEEKDAY_LABELS[day].long}</h3>
                {minutes > 0 && <p className="text-sm text-slate-600 tabular-nums">{formatHours(minutes)}</p>}
              </div>
              <IntervalRows
                label={WEEKDAY_LABELS[day].long}
                intervals={intervals}
                onChange={(next) => onDayChange(day, next)}
                errors={errors}
                path={`weeklyHours.${day}`}
                idBase={`${idBase}-${day}`}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
