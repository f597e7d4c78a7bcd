import Link from "next/link";
import { Button, ChevronLeftIcon, ChevronRightIcon, Label, Select, cn } from "@/components/ui";
import { scheduleHref } from "@/lib/domain/schedule-href";
import type { ScheduleRange } from "@/lib/domain/visits";

// The schedule's controls as plain links and a GET form: the view lives in
// the query string, so it can be bookmarked and reloaded and works before
// any script loads.

const linkClasses =
  "inline-flex min-h-11 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-base font-medium text-slate-800 shadow-xs hover:bg-slate-50";

/** The date to keep when switching view or doctor: none while today is shown (so "today" stays today). */
function anchorDate(range: ScheduleRange): string | null {
  return range.days.includes(range.today) ? null : range.days[0]!;
}

export function ScheduleControls({ range, doctor, label }: { range: ScheduleRange; doctor: string | null; label: string }) {
  const unit = range.view === "day" ? "day" : "week";
  const onToday = range.days.includes(range.today);
  return (
    <div className="mb-6 flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
      <nav aria-label="Schedule views">
        <ul className="flex gap-1 rounded-lg bg-slate-100 p-1">
          {(["day", "week"] as const).map((view) => (
            <li key={view}>
              <Link
                href={scheduleHref({ view, date: anchorDate(range), doctor })}
                aria-current={range.view === view ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center rounded-md px-4 text-base font-medium",
                  range.view === view ? "bg-white text-slate-900 shadow-xs" : "text-slate-700 hover:text-slate-900",
                )}
              >
                {view === "day" ? "Day" : "Week"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={scheduleHref({ view: range.view, date: range.previous, doctor })} className={linkClasses}>
          <ChevronLeftIcon className="size-4" />
          <span>
            Previous<span className="sr-only"> {unit}</span>
          </span>
        </Link>
        <Link
          href={scheduleHref({ view: range.view, doctor })}
          aria-current={onToday ? "date" : undefined}
          className={cn(linkClasses, onToday && "border-primary-700 text-primary-800")}
        >
          Today
        </Link>
        <Link href={scheduleHref({ view: range.view, date: range.next, doctor })} className={linkClasses}>
          <span>
            Next<span className="sr-only"> {unit}</span>
          </span>
          <ChevronRightIcon className="size-4" />
        </Link>
        {/* The day view's one heading already names the day. */}
        {range.view === "week" && <p className="w-full text-base font-semibold text-slate-900 md:ml-2 md:w-auto">{label}</p>}
      </div>
    </div>
  );
}

/** Staff and admins choose whose schedule; a doctor never sees this. */
export function DoctorPicker({ doctors, selected, range }: { doctors: { id: string; name: string }[]; selected: string; range: ScheduleRange }) {
  return (
    <form method="get" action="/dashboard/schedule" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end" aria-label="Choose a doctor">
      {range.view !== "day" && <input type="hidden" name="view" value={range.view} />}
      {anchorDate(range) && <input type="hidden" name="date" value={anchorDate(range)!} />}
      <div className="min-w-0 sm:w-72">
        <Label htmlFor="schedule-doctor">Doctor</Label>
        <div className="mt-1.5">
          <Select id="schedule-doctor" name="doctor" defaultValue={selected}>
            {doctors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Button type="submit" variant="secondary">
        Show schedule
      </Button>
    </form>
  );
}
