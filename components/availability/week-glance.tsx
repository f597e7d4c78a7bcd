import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { WEEKDAY_LABELS, type FormErrors, type ScheduleForm } from "@/lib/domain/availability-form";
import { describeIntervals, formatHours, formatWallTime } from "@/lib/domain/availability-wording";
import { WEEKDAYS } from "@/lib/domain/slots";
import { rangeTimes, summarizeWeek } from "@/lib/domain/week-summary";

const hourLabel = (minutes: number) => formatWallTime(`${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:00`).replace(":00 ", " ");

/**
 * The week as bars on one time axis, so gaps, short days and days off stand
 * out at a glance. The axis spans the earliest start to the latest end
 * (at least 8 AM to 6 PM). Screen readers get the same as text.
 */
export function WeekGlance({ form, errors, title }: { form: ScheduleForm; errors: FormErrors; title: string }) {
  // Only rows that would save as they are: a row with a problem is left out until fixed.
  const summary = summarizeWeek(form.weeklyHours, errors);
  const byDay = WEEKDAYS.map((day) => ({ day, bars: summary.days[day].ranges, skipped: summary.days[day].skipped }));
  const all = byDay.flatMap((d) => d.bars);
  const from = Math.min(8 * 60, ...all.map((b) => Math.floor(b.start / 60) * 60));
  const to = Math.max(18 * 60, ...all.map((b) => Math.ceil(b.end / 60) * 60));
  const span = to - from;
  const mid = from + Math.round(span / 120) * 60;
  const pct = (minutes: number) => `${((minutes - from) / span) * 100}%`;
  const total = summary.totalMinutes;
  const hours = total > 0 ? `${formatHours(total)} a week` : "No weekly hours yet";

  return (
    <Card>
      <CardHeader className="pb-4 sm:pb-4">
        <CardTitle as="h2">{title}</CardTitle>
        <CardDescription>
          {hours}
          {summary.skipped > 0 && ` · ${summary.skipped === 1 ? "1 row" : `${summary.skipped} rows`} with a problem not counted`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="sr-only">
          {byDay.map(({ day, bars: dayBars, skipped }) => (
            <li key={day}>
              {WEEKDAY_LABELS[day].long}: {describeIntervals(dayBars.map(rangeTimes))}
              {skipped > 0 && " (a row with a problem is not counted)"}
            </li>
          ))}
        </ul>
        <div aria-hidden="true" className="space-y-1.5">
          {byDay.map(({ day, bars: dayBars }) => (
            <div key={day} className="grid grid-cols-[2.5rem_minmax(0,1fr)] items-center gap-2">
              <span className="text-sm font-medium text-slate-700">{WEEKDAY_LABELS[day].short}</span>
              <div className="relative h-5 rounded bg-slate-100">
                {dayBars.map((bar, index) => (
                  <span
                    key={index}
                    className="absolute inset-y-0 rounded bg-primary-600"
                    style={{ left: pct(bar.start), width: `calc(${pct(bar.end)} - ${pct(bar.start)})` }}
                  />
                ))}
                {dayBars.length === 0 && <span className="absolute inset-0 flex items-center pl-2 text-xs text-slate-600">Closed</span>}
              </div>
            </div>
          ))}
          <div className="grid grid-cols-[2.5rem_minmax(0,1fr)] gap-2 pt-1">
            <span />
            <div className="relative h-4 text-xs text-slate-600 tabular-nums">
              <span className="absolute left-0">{hourLabel(from)}</span>
              <span className="absolute -translate-x-1/2" style={{ left: pct(mid) }}>
                {hourLabel(mid)}
              </span>
              <span className="absolute right-0">{hourLabel(to)}</span>
            </div>
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
