import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { DoctorPicker, ScheduleControls } from "@/components/schedule/schedule-controls";
import { ScheduleDays } from "@/components/schedule/schedule-days";
import { Alert, CalendarIcon, EmptyState } from "@/components/ui";
import { noVisitsTitle, scheduleLabel, scheduleQuerySchema, scheduleRange, scheduleScope, type ScheduleQuery } from "@/lib/domain/visits";
import { requireCaller } from "@/lib/server/auth/caller";
import { getClinicOverview } from "@/lib/server/clinics/clinic-settings";
import { listDoctors } from "@/lib/server/doctors/profiles";
import { listVisits } from "@/lib/server/visits/staff-visits";
import { appNow } from "@/lib/server/clock";

export const metadata: Metadata = { title: "Schedule" };
// Visits change with every confirmation and outcome: always render fresh.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The query string, or the defaults plus a message saying what was wrong with it. */
function parseQuery(raw: Record<string, string | string[] | undefined>): { query: ScheduleQuery; problem: string | null } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = scheduleQuerySchema.safeParse({ view: first(raw.view), date: first(raw.date), doctor: first(raw.doctor) });
  if (parsed.success) return { query: parsed.data, problem: null };
  return { query: { view: "day" }, problem: `${parsed.error.issues[0]?.message ?? "That link isn't valid."} Showing today instead.` };
}

export default async function SchedulePage({ searchParams }: Props) {
  const caller = await requireCaller();
  const scope = scheduleScope(caller);
  if (!scope) {
    return (
      <>
        <PageHeader title="Schedule" />
        <EmptyState
          icon={<CalendarIcon className="size-6" />}
          title="No schedule to show"
          description="Your account isn't linked to a doctor profile, so there are no visits for you here. Ask your clinic's admin to link it."
        />
      </>
    );
  }
  const { query, problem: queryProblem } = parseQuery(await searchParams);
  const [clinic, doctors] = await Promise.all([getClinicOverview(caller), listDoctors(caller)]);
  const now = appNow().getTime(); // the server clock at render, for "today"
  const range = scheduleRange(clinic.timezone, query.view, query.date, now);

  let problem = queryProblem;
  let doctorId: string | null;
  if ("doctorId" in scope) {
    doctorId = scope.doctorId;
  } else {
    const asked = query.doctor ? doctors.find((d) => d.id === query.doctor) : undefined;
    if (query.doctor && !asked) problem = "That doctor isn't in your clinic. Showing the first doctor instead.";
    doctorId = (asked ?? doctors.find((d) => d.active) ?? doctors[0])?.id ?? null;
  }
  const doctor = doctors.find((d) => d.id === doctorId);
  const visits = doctorId ? await listVisits(caller, { doctorId, from: range.from, to: range.to }) : [];

  const label = scheduleLabel(range, clinic.timezone, now);
  const pickerDoctor = "anyDoctor" in scope && doctorId ? doctorId : null;

  return (
    <>
      <PageHeader
        title="Schedule"
        description={
          "doctorId" in scope
            ? `Your confirmed visits. Times are in the clinic's time zone (${clinic.timezone.replaceAll("_", " ")}).`
            : `Confirmed visits${doctor ? ` for ${doctor.name}` : ""}. Times are in the clinic's time zone (${clinic.timezone.replaceAll("_", " ")}).`
        }
      />
      {problem && (
        <Alert tone="warning" className="mb-6">
          {problem}
        </Alert>
      )}
      {"anyDoctor" in scope && doctors.length > 0 && doctorId && <DoctorPicker doctors={doctors} selected={doctorId} range={range} />}
      {!doctorId ? (
        <EmptyState
          icon={<CalendarIcon className="size-6" />}
          title="No doctors yet"
          description="Add a doctor under Doctors; their confirmed visits appear here."
        />
      ) : (
        <>
          <ScheduleControls range={range} doctor={pickerDoctor} label={label} />
          {visits.length === 0 ? (
            <EmptyState
              icon={<CalendarIcon className="size-6" />}
              title={noVisitsTitle(range, clinic.timezone, now)}
              description="Visits appear here once a request is approved (and paid, where a fee is due). Review waiting requests under Requests, or look at another day with Previous and Next."
            />
          ) : (
            <ScheduleDays range={range} visits={visits} timeZone={clinic.timezone} now={now} />
          )}
        </>
      )}
    </>
  );
}
