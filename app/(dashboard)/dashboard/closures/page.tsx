import type { Metadata } from "next";
import Link from "next/link";
import { CloseDatesForm } from "@/components/closures/close-dates-form";
import { ReopenButton } from "@/components/closures/reopen-button";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge, CalendarIcon, Card, CardContent, EmptyState } from "@/components/ui";
import { shownStatus, statusLabel, statusTone } from "@/lib/domain/appointments/status";
import { CLOSURE_LIMITS, closureDateLabel } from "@/lib/domain/clinic-closures";
import { can } from "@/lib/domain/roles";
import { dayNumberToLocalDate, localDateToDayNumber } from "@/lib/domain/slots";
import { formatTime } from "@/lib/domain/time-format";
import { requireCaller } from "@/lib/server/auth/caller";
import { listClosures, type ClosureWithAffected } from "@/lib/server/clinics/closures";

export const metadata: Metadata = { title: "Closures" };

// Appointments on a closed day change with every booking and every move: always read fresh.
export const dynamic = "force-dynamic";

export default async function ClosuresPage() {
  const caller = await requireCaller();
  // Staff see the closures and the appointments to move; only admins close or reopen.
  if (!can(caller, "requests:review")) return <NoAccess caller={caller} what="Closures" />;
  const admin = can(caller, "settings:write");
  const { today, timezone, closures } = await listClosures(caller);
  const last = dayNumberToLocalDate(localDateToDayNumber(today) + CLOSURE_LIMITS.daysAhead);
  const affected = closures.reduce((sum, closure) => sum + closure.affected.length, 0);

  return (
    <>
      <PageHeader
        title="Closures"
        description="Days the whole clinic is closed: a training day, a move. Patients see the note on your booking pages."
      />
      <div className="space-y-8">
        {admin && <CloseDatesForm today={today} last={last} />}
        <section aria-labelledby="closed-days" className="space-y-4">
          <h2 id="closed-days" className="text-xl font-semibold tracking-tight text-slate-900">
            Closed days
          </h2>
          {affected > 0 && (
            <p className="text-base text-amber-900">
              {affected === 1 ? "1 appointment is" : `${affected} appointments are`} still on a closed day. Open each one to move or cancel it;
              the patient is told as usual.
            </p>
          )}
          {closures.length === 0 ? (
            <EmptyState headingLevel={3} icon={<CalendarIcon className="size-6" />} title="The clinic isn't closed on any day ahead" />
          ) : (
            <ul className="space-y-4">
              {closures.map((closure) => (
                <ClosureCard key={closure.date} closure={closure} timezone={timezone} canReopen={admin} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function ClosureCard({ closure, timezone, canReopen }: { closure: ClosureWithAffected; timezone: string; canReopen: boolean }) {
  const label = closureDateLabel(closure.date);
  return (
    <li>
      <Card>
        <CardContent className="space-y-3 pt-5">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 className="font-semibold text-slate-900">{label}</h3>
              {closure.note ? <p className="text-base text-slate-700">{closure.note}</p> : <p className="text-sm text-slate-600">No note</p>}
            </div>
            {canReopen && <ReopenButton date={closure.date} label={label} />}
          </div>
          {closure.affected.length === 0 ? (
            <p className="text-sm text-slate-600">No appointments that day.</p>
          ) : (
            <ul aria-label={`Appointments on ${label}`} className="divide-y divide-slate-200 rounded-lg border border-slate-200">
              {closure.affected.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5">
                  <Link href={a.href} className="min-h-11 min-w-0 content-center font-medium text-primary-800 underline underline-offset-4">
                    {formatTime(Date.parse(a.start), timezone)} · {a.patientName} with {a.doctorName}
                  </Link>
                  <Badge tone={statusTone(shownStatus(a.status, null))}>{statusLabel(shownStatus(a.status, null), "staff")}</Badge>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </li>
  );
}
