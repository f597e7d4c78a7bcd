import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import {
  WEEKDAY_LABELS,
  describeIntervals,
  formatHours,
  formatWallTime,
  parseTime,
  weeklyMinutes,
  type ScheduleForm,
} from "@/lib/domain/availability-form";
import { WEEKDAYS } from "@/lib/domain/slots";

type Bar = { start: number; end: number };

function bars(form: ScheduleForm["weeklyHours"][keyof ScheduleForm["weeklyHours"]]): Bar[] {
  const out: Bar[] = [];
  for (const interval of form) {
    const start = parseTime(interval.start);
    const end = interval.end === "00:00" ? 24 * 60 : parseTime(interval.end);
    if (start !== null && end !== null && end > start) out.push({ start, end });
  }
  return out;
}

const hourLabel = (minutes: number) => formatWallTime(`${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:00`).replace(":00 ", " ");

/**
 * The week as bars on one time axis, so gaps, short days and days off stand
 * out at a glance. The axis spans the earliest start to the latest end
 * (at least 8 AM to 6 PM). Screen readers get the same as text.
 */
export function WeekGlance({ form }: { form: ScheduleForm }) {
  const byDay = WEEKDAYS.map((day) => ({ day, bars: bars(form.weeklyHours[day]) }));
  const all = byDay.flatMap((d) => d.bars);
  const from = Math.min(8 * 60, ...all.map((b) => Math.floor(b.start / 60) * 60));
  const to = Math.max(18 * 60, ...all.map((b) => Math.ceil(b.end / 60) * 60));
  const span = to - from;
  const mid = from + Math.round(span / 120) * 60;
  const pct = (minutes: number) => `${((minutes - from) / span) * 100}%`;
  const total = weeklyMinutes(form);

  return (
    <Card>
      <CardHeader className="pb-4 sm:pb-4">
        <CardTitle as="h2">Your week</CardTitle>
        <CardDescription>{total > 0 ? `${formatHours(total)} a week` : "No weekly hours yet"}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="sr-only">
          {byDay.map(({ day }) => (
            <li key={day}>
              {WEEKDAY_LABELS[day].long}: {describeIntervals(form.weeklyHours[day].map((i) => ({ start: i.start, end: i.end === "00:00" ? "24:00" : i.end })))}
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
