import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/requests/history-list";
import { ClinicTime } from "@/components/requests/time-words";
import { NotesEditor } from "@/components/schedule/notes-editor";
import { OutcomePanel } from "@/components/schedule/outcome-panel";
import { ArrowLeftIcon, Badge, Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { isAppError } from "@/lib/domain/errors";
import { paymentWords } from "@/lib/domain/payment-view";
import { localDateKey } from "@/lib/domain/time-format";
import { VISIT_STATUS_LABELS } from "@/lib/domain/visits";
import { requireCaller } from "@/lib/server/auth/caller";
import { getVisit, type VisitDetail } from "@/lib/server/visits/staff-visits";
import { appNow } from "@/lib/server/clock";
import { HydrationMark } from "@/components/ui/hydration-mark";

export const metadata: Metadata = { title: "Visit" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ visitId: string }> };

const STATUS_TONE = { scheduled: "green", completed: "teal", no_show: "red", cancelled: "gray" } as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[8rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 text-base break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function VisitPage({ params }: Props) {
  const caller = await requireCaller();
  const { visitId } = await params;
  let visit: VisitDetail;
  try {
    visit = await getVisit(caller, visitId);
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const now = appNow().getTime(); // the server clock at render
  const day = localDateKey(visit.start, visit.timezone);
  const back = `/dashboard/schedule?date=${day}${caller.role === "doctor" ? "" : `&doctor=${encodeURIComponent(visit.doctorId)}`}`;

  return (
    <>
      <HydrationMark />
      <Link
        href={back}
        className="-ml-2 inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2 text-base font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      >
        <ArrowLeftIcon className="size-4" />
        Back to the schedule
      </Link>
      <header className="mt-3 mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{visit.patientName}</h1>
          <Badge tone={STATUS_TONE[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</Badge>
        </div>
        <p className="mt-1.5 text-base text-slate-600">
          Visit with {visit.doctorName} · <ClinicTime at={visit.start} timeZone={visit.timezone} now={now} />
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="grid min-w-0 gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Notes</CardTitle>
            </CardHeader>
            <CardContent>
              {visit.canWriteNotes ? (
                <NotesEditor visitId={visit.id} initialNotes={visit.notes} initialVersion={visit.notesVersion} />
              ) : (
                <div className="space-y-2">
                  {visit.notes ? (
                    <p className="text-base whitespace-pre-line text-slate-900">{visit.notes}</p>
                  ) : (
                    <p className="text-base text-slate-600">No notes yet.</p>
                  )}
                  <p className="text-sm text-slate-600">Only the visit&apos;s doctor or an admin can edit these notes.</p>
                </div>
              )}
            </CardContent>
          </Card>
          {visit.canSetOutcome && visit.status === "scheduled" && visit.appointmentStatus === "confirmed" && (
            <Card>
              <CardHeader>
                <CardTitle>Outcome</CardTitle>
              </CardHeader>
              <CardContent>
                <OutcomePanel visitId={visit.id} started={now >= visit.start} />
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>Patient</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-3">
                <Fact label="Name">{visit.patient.name}</Fact>
                <Fact label="Email">
                  <a className="text-primary-800 underline" href={`mailto:${visit.patient.email}`}>
                    {visit.patient.email}
                  </a>
                </Fact>
                <Fact label="Phone">
                  <a className="text-primary-800 underline" href={`tel:${visit.patient.phone.replace(/[^+\d]/g, "")}`}>
                    {visit.patient.phone}
                  </a>
                </Fact>
                <Fact label="Reason">
                  <span className="whitespace-pre-line">{visit.reason}</span>
                </Fact>
                <Fact label="Payment">{paymentWords(visit.payment, visit.timezone, now)}</Fact>
              </dl>
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>History</CardTitle>
          </CardHeader>
          <CardContent>
            <HistoryList items={visit.history} timeZone={visit.timezone} now={now} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
