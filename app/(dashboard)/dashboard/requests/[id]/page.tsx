import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/requests/history-list";
import { RequestFacts } from "@/components/requests/request-facts";
import { ReviewPanel } from "@/components/requests/review-panel";
import { ClinicTime } from "@/components/requests/time-words";
import { ArrowLeftIcon, Badge, Card, CardContent, CardHeader, CardTitle, EmptyState, InboxIcon } from "@/components/ui";
import { allowedActions } from "@/lib/domain/appointments/state-machine";
import { noTimeHeldCause } from "@/lib/domain/no-time-held";
import { isAppError } from "@/lib/domain/errors";
import { requestScope } from "@/lib/domain/roles";
import { actionsAfterVisit, VISIT_STATUS_LABELS, type VisitStatus } from "@/lib/domain/visits";
import type { RequestDetail } from "@/lib/domain/appointments/views";
import { getRequestDetail } from "@/lib/server/appointments/queue";
import { requireCaller } from "@/lib/server/auth/caller";
import { appNow } from "@/lib/server/clock";
import { HydrationMark } from "@/components/ui/hydration-mark";

export const metadata: Metadata = { title: "Request" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function RequestPage({ params }: Props) {
  const caller = await requireCaller();
  const { id } = await params;
  if (!requestScope(caller)) {
    return (
      <EmptyState
        icon={<InboxIcon className="size-6" />}
        title="No requests to show"
        description="Your account isn't linked to a doctor profile. Ask your clinic's admin to link it."
      />
    );
  }
  let detail: RequestDetail;
  try {
    detail = await getRequestDetail(caller, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const now = appNow().getTime(); // the server clock at render, for "came … ago" and the time left
  // A visit that took place can't be moved or cancelled (the verbs refuse too).
  const actions = actionsAfterVisit(allowedActions(detail.status, "staff", { timeHeld: detail.timeHeld }), detail.visit?.status);

  return (
    <>
      <HydrationMark />
      <Link
        href="/dashboard/requests"
        className="-ml-2 inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-base font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      >
        <ArrowLeftIcon className="size-4" />
        All requests
      </Link>
      <header className="mt-3 mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{detail.patient.name}</h1>
        <p className="mt-1.5 text-base text-slate-600">
          Request for {detail.doctorName} · <ClinicTime at={detail.start} timeZone={detail.timezone} now={now} />
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="grid min-w-0 gap-6">
          <ReviewPanel
            target={{
              id: detail.id,
              status: detail.status,
              version: detail.version,
              patientName: detail.patient.name,
              doctorName: detail.doctorName,
              timezone: detail.timezone,
              start: detail.start,
              timeHeld: detail.timeHeld,
              noTimeHeld: detail.status === "pending" && !detail.timeHeld ? noTimeHeldCause(detail) : null,
              originalStart: detail.status === "rescheduled" ? (detail.proposal?.previousStart ?? null) : null,
              moveStart: detail.moveStart,
            }}
            actions={actions}
          />
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <RequestFacts detail={detail} now={now} />
            </CardContent>
          </Card>
        </div>
        <div className="grid min-w-0 gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Visit</CardTitle>
            </CardHeader>
            <CardContent>
              {detail.visit ? (
                <div className="space-y-1">
                  <Badge tone={detail.visit.status === "scheduled" ? "green" : "gray"}>
                    {VISIT_STATUS_LABELS[detail.visit.status as VisitStatus] ?? "Cancelled"}
                  </Badge>
                  <p className="text-base text-slate-900">
                    <ClinicTime at={detail.visit.start} timeZone={detail.timezone} now={now} />
                  </p>
                  <p className="text-sm text-slate-600">With {detail.doctorName}</p>
                  {detail.visit.notes && <p className="text-sm whitespace-pre-line text-slate-700">{detail.visit.notes}</p>}
                  <Link href={`/dashboard/schedule/${detail.id}`} className="inline-flex min-h-11 items-center text-base font-medium text-primary-800 underline">
                    Open the visit
                  </Link>
                </div>
              ) : (
                <p className="text-slate-600">No visit yet. It is scheduled when the appointment is confirmed.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
            </CardHeader>
            <CardContent>
              <HistoryList items={detail.history} timeZone={detail.timezone} now={now} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
