import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { QueueFiltersForm, QueueTabs } from "@/components/requests/queue-filters";
import { AutoRefresh } from "@/components/requests/auto-refresh";
import { NotifyToggle } from "@/components/requests/notify-toggle";
import { QueueRowItem } from "@/components/requests/queue-row";
import { QueueSearch } from "@/components/requests/queue-search";
import { Alert, CopyButton, EmptyState, InboxIcon } from "@/components/ui";
import { parseQueueFilters, RECENT_LIMIT } from "@/lib/domain/request-queue";
import { parseSearch, SEARCH_SCAN_LIMIT } from "@/lib/domain/request-search";
import { requestScope } from "@/lib/domain/roles";
import type { QueueRow } from "@/lib/domain/appointments/views";
import { getRequestQueue, searchRequests } from "@/lib/server/appointments/queue";
import { requireCaller } from "@/lib/server/auth/caller";
import { getClinicOverview } from "@/lib/server/clinics/clinic-settings";
import { getRequestNotifications } from "@/lib/server/team/request-notifications";
import { appNow } from "@/lib/server/clock";

export const metadata: Metadata = { title: "Requests" };
// Requests change with every booking and every decision: always render fresh.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function RowList({ rows, now, label }: { rows: QueueRow[]; now: number; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-xs">
      {rows.map((row) => (
        <QueueRowItem key={row.id} row={row} now={now} />
      ))}
    </ul>
  );
}

export default async function RequestsPage({ searchParams }: Props) {
  const caller = await requireCaller();
  if (!requestScope(caller)) {
    return (
      <>
        <PageHeader title="Requests" />
        <EmptyState
          icon={<InboxIcon className="size-6" />}
          title="No requests to show"
          description="Your account isn't linked to a doctor profile, so there are no requests for you here. Ask your clinic's admin to link it."
        />
      </>
    );
  }

  const params = await searchParams;
  const parsed = parseQueueFilters(params);
  const search = parseSearch(params);
  const [queue, clinic, emails, found] = await Promise.all([
    getRequestQueue(caller, parsed.filters),
    getClinicOverview(caller),
    getRequestNotifications(caller),
    search.q ? searchRequests(caller, search.q, parsed.filters.doctorId) : Promise.resolve(null),
  ]);
  const now = appNow().getTime(); // the server clock at render, for "came … ago" and the time left
  const { filters } = queue;
  const openCount = queue.counts.pending + queue.counts.rescheduled + queue.counts.approved;
  const filtered = filters.status !== null || filters.doctorId !== null;
  const nothingOpen = filters.view === "open" && queue.sections.every((section) => section.rows.length === 0);

  return (
    <>
      <PageHeader
        title="Requests"
        description={
          queue.doctorScoped
            ? "Booking requests for you, oldest first. Each shows how long its time is still held."
            : "Booking requests for every doctor, oldest first. Each shows how long its time is still held."
        }
        actions={<NotifyToggle enabled={emails} />}
      />
      {!parsed.ok && (
        <Alert tone="warning" className="mb-6">
          {parsed.message}
        </Alert>
      )}
      {search.message && (
        <Alert tone="warning" className="mb-6">
          {search.message}
        </Alert>
      )}
      <AutoRefresh />
      <QueueSearch q={search.q} doctorId={filters.doctorId} />
      <QueueTabs filters={filters} openCount={openCount} />
      {found === null && <QueueFiltersForm filters={filters} doctors={queue.doctors} doctorScoped={queue.doctorScoped} />}

      {found !== null ? (
        <section aria-labelledby="search-heading">
          <h2 id="search-heading" className="mb-3 text-lg font-semibold tracking-tight text-slate-900">
            Requests matching “{search.q}”
          </h2>
          {found.length === 0 ? (
            <EmptyState
              icon={<InboxIcon className="size-6" />}
              title="No requests match"
              description={`Nothing open or recent has a patient whose name or email contains “${search.q}”. Check the spelling, or try part of the email.`}
            />
          ) : (
            <RowList rows={found} now={now} label={`Requests matching “${search.q}”`} />
          )}
          <p className="mt-2 text-sm text-slate-600">Searches the {SEARCH_SCAN_LIMIT} most recently changed requests, open and recent.</p>
        </section>
      ) : nothingOpen && !filtered ? (
        <EmptyState
          icon={<InboxIcon className="size-6" />}
          title="No requests waiting"
          description={
            <>
              Share your booking link: <span className="font-medium break-all text-slate-900">{clinic.bookingUrl}</span>
            </>
          }
          action={<CopyButton value={clinic.bookingUrl} label="Copy booking link" />}
        />
      ) : filters.view === "open" ? (
        <div className="grid gap-8">
          {queue.sections.map((section) => {
            const headingId = `section-${section.status}`;
            return (
              <section key={section.status} aria-labelledby={headingId}>
                <h2 id={headingId} className="mb-3 flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
                  {section.title}
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-700 tabular-nums">
                    {queue.counts[section.status as keyof typeof queue.counts]}
                  </span>
                </h2>
                {section.rows.length === 0 ? (
                  <p className="rounded-xl border border-dashed border-slate-300 px-4 py-4 text-slate-600">
                    {filtered ? "None match these filters." : "Nothing here right now."}
                  </p>
                ) : (
                  <RowList rows={section.rows} now={now} label={section.title} />
                )}
                {section.more && (
                  <p className="mt-2 text-sm text-slate-600">Showing the oldest {section.rows.length}. Decide these first to see the rest.</p>
                )}
              </section>
            );
          })}
        </div>
      ) : queue.recent.length === 0 ? (
        <EmptyState
          icon={<InboxIcon className="size-6" />}
          title={filtered ? "No recent requests match these filters" : "No decided requests yet"}
          description="Requests move here once they are confirmed, declined, cancelled or expired."
        />
      ) : (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-3 text-lg font-semibold tracking-tight text-slate-900">
            Recent
          </h2>
          <RowList rows={queue.recent} now={now} label="Recent requests" />
          {queue.recent.length === RECENT_LIMIT && (
            <p className="mt-2 text-sm text-slate-600">Showing the {RECENT_LIMIT} most recently changed. Filter by doctor or status to find older ones.</p>
          )}
        </section>
      )}
    </>
  );
}
