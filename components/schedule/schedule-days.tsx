import Link from "next/link";
import { Badge, ChevronRightIcon, cn } from "@/components/ui";
import { formatDate, formatTime, localDateKey } from "@/lib/domain/time-format";
import { startOfLocalDay, VISIT_STATUS_LABELS, type ScheduleRange, type ScheduleVisit } from "@/lib/domain/visits";

const STATUS_TONE = { scheduled: "green", completed: "teal", no_show: "red", cancelled: "gray" } as const;

/**
 * The visits of each day shown, in time order: time, patient, reason and
 * status, one row per visit, one tap target per row. In the week view, days
 * without visits collapse to one line so the busy days stand out.
 */
export function ScheduleDays({ range, visits, timeZone, now }: { range: ScheduleRange; visits: ScheduleVisit[]; timeZone: string; now: number }) {
  const byDay = new Map<string, ScheduleVisit[]>(range.days.map((day) => [day, []]));
  for (const visit of visits) byDay.get(localDateKey(visit.start, timeZone))?.push(visit);
  return (
    <div className="grid gap-6">
      {range.days.map((day) => {
        const list = byDay.get(day) ?? [];
        const isToday = day === range.today;
        const headingId = `day-${day}`;
        const dayName = formatDate(startOfLocalDay(timeZone, day) + 12 * 3_600_000, timeZone, { now });
        return (
          <section key={day} aria-labelledby={headingId}>
            <h2 id={headingId} className="mb-2 flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
              {dayName}
              {isToday && <Badge tone="teal">Today</Badge>}
              <span className="text-sm font-normal text-slate-600">
                {list.length === 0 ? "No visits" : list.length === 1 ? "1 visit" : `${list.length} visits`}
              </span>
            </h2>
            {list.length > 0 && (
              <ul aria-label={`Visits on ${dayName}`} className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-xs">
                {list.map((visit) => (
                  <li key={visit.id}>
                    <Link
                      href={`/dashboard/schedule/${visit.id}`}
                      className="grid grid-cols-[5.5rem_minmax(0,1fr)_auto] items-center gap-3 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[7rem_minmax(0,1fr)_auto] sm:px-5"
                    >
                      <span className="text-base font-semibold text-slate-900 tabular-nums">
                        <time dateTime={new Date(visit.start).toISOString()}>{formatTime(visit.start, timeZone)}</time>
                        <span className="block text-sm font-normal text-slate-600">to {formatTime(visit.end, timeZone)}</span>
                      </span>
                      <span className="min-w-0">
                        <span className="block truncate text-base font-medium text-slate-900">{visit.patientName}</span>
                        <span className="block truncate text-sm text-slate-600">{visit.reason}</span>
                      </span>
                      <span className="flex items-center gap-2">
                        <Badge tone={STATUS_TONE[visit.status]} className={cn(visit.status === "scheduled" && "max-sm:sr-only")}>
                          {VISIT_STATUS_LABELS[visit.status]}
                        </Badge>
                        <ChevronRightIcon className="size-4 text-slate-500" />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
