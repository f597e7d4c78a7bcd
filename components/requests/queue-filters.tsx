import Link from "next/link";
import { Button, Label, Select, cn } from "@/components/ui";
import { statusLabel } from "@/lib/domain/appointments/status";
import { OPEN_SECTIONS, RECENT_FILTERS, queueHref, type QueueFilters } from "@/lib/domain/request-queue";

/**
 * The Open/Recent tabs and the doctor and status filters. A plain GET form:
 * the filters live in the query string, so a filtered view can be
 * bookmarked, shared and reloaded, and it works before any script loads.
 */
export function QueueTabs({ filters, openCount }: { filters: QueueFilters; openCount: number }) {
  const tabs = [
    { view: "open" as const, label: "Open", count: openCount },
    { view: "recent" as const, label: "Recent", count: null },
  ];
  return (
    <nav aria-label="Request views" className="mb-4 border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {tabs.map((tab) => {
          const current = filters.view === tab.view;
          return (
            <li key={tab.view}>
              <Link
                href={queueHref({ view: tab.view, doctorId: filters.doctorId })}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center gap-2 border-b-2 px-4 text-base font-medium",
                  current ? "border-primary-700 text-primary-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
                {tab.count !== null && (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm text-slate-700 tabular-nums">{tab.count}</span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function QueueFiltersForm({ filters, doctors, doctorScoped }: { filters: QueueFilters; doctors: { id: string; name: string }[]; doctorScoped: boolean }) {
  const statuses = filters.view === "open" ? OPEN_SECTIONS.map((s) => s.status) : RECENT_FILTERS;
  return (
    <form method="get" action="/dashboard/requests" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end" aria-label="Filter requests">
      <input type="hidden" name="view" value={filters.view} />
      {!doctorScoped && (
        <div className="min-w-0 sm:w-64">
          <Label htmlFor="filter-doctor">Doctor</Label>
          <div className="mt-1.5">
            <Select id="filter-doctor" name="doctor" defaultValue={filters.doctorId ?? ""}>
              <option value="">All doctors</option>
              {doctors.map((doctor) => (
                <option key={doctor.id} value={doctor.id}>
                  {doctor.name}
                </option>
              ))}
            </Select>
          </div>
        </div>
      )}
      <div className="min-w-0 sm:w-64">
        <Label htmlFor="filter-status">Status</Label>
        <div className="mt-1.5">
          <Select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{filters.view === "open" ? "All open" : "All recent"}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status, "staff")}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex gap-3">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {(filters.status || filters.doctorId) && (
          <Link href={queueHref({ view: filters.view })} className="inline-flex min-h-11 items-center px-2 font-medium text-primary-800 underline underline-offset-4">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
