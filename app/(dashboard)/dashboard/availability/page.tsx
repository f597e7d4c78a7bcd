import type { Metadata } from "next";
import Link from "next/link";
import { AvailabilityEditor } from "@/components/availability/availability-editor";
import { DoctorPicker } from "@/components/availability/doctor-picker";
import { AvailabilityNoAccess } from "@/components/availability/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert, CalendarIcon, EmptyState, buttonClasses } from "@/components/ui";
import { isAppError } from "@/lib/domain/errors";
import type { Caller } from "@/lib/domain/roles";
import { zoneLabel } from "@/lib/domain/time-format";
import { weekTitle } from "@/lib/domain/week-summary";
import { clinicToday } from "@/lib/domain/availability-form";
import { countryName } from "@/lib/domain/time-zones";
import { weekStartForZone } from "@/lib/domain/week-start";
import { clinicHolidays } from "@/lib/server/doctors/holidays";
import { requireCaller } from "@/lib/server/auth/caller";
import { getDoctorScheduleForEditing, type DoctorScheduleForEditing } from "@/lib/server/doctors/schedule";
import type { DoctorSummary } from "@/lib/domain/clinic-people";
import { listDoctors } from "@/lib/server/doctors/profiles";
import { saveScheduleAction } from "@/components/availability/actions";
import { appNow } from "@/lib/server/clock";

export const metadata: Metadata = { title: "Availability" };

// Hours are read from Firestore on every request; never a cached copy.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Loaded = { ok: true; data: DoctorScheduleForEditing; now: number } | { ok: false; code: string; message: string };

async function load(caller: Caller, doctorId: string): Promise<Loaded> {
  try {
    const data = await getDoctorScheduleForEditing(caller, doctorId);
    // The moment of reading: "today" and the preview start from it on both server and browser.
    return { ok: true, data, now: appNow().getTime() };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export default async function AvailabilityPage({ searchParams }: Props) {
  const caller = await requireCaller();
  const param = (await searchParams).doctor;
  const requested = typeof param === "string" && param ? param : undefined;

  const noAccess = (reason: "staff" | "unlinked" | "other-doctor") => (
    <>
      <PageHeader title="Availability" />
      <AvailabilityNoAccess reason={reason} />
    </>
  );
  if (caller.role === "staff") return noAccess("staff");
  if (caller.role === "doctor" && !caller.doctorId) return noAccess("unlinked");

  // Admins pick any doctor of the clinic; a doctor gets their own. A doctor
  // asking for another doctor in the URL is refused by the verb, not hidden here.
  let doctors: DoctorSummary[] = [];
  let doctorId: string;
  if (caller.role === "admin") {
    doctors = await listDoctors(caller);
    if (doctors.length === 0) {
      return (
        <>
          <PageHeader title="Availability" description="When patients can book each doctor." />
          <EmptyState
            icon={<CalendarIcon className="size-6" />}
            title="No doctors yet"
            description="Add a doctor first; then set their weekly hours, days off and visit length here."
            action={
              <Link href="/dashboard/doctors" className={buttonClasses()}>
                Add a doctor
              </Link>
            }
          />
        </>
      );
    }
    doctorId = requested ?? doctors.find((d) => d.active)?.id ?? doctors[0]!.id;
  } else {
    doctorId = requested ?? caller.doctorId!;
  }

  const loaded = await load(caller, doctorId);
  if (!loaded.ok && loaded.code === "forbidden") return noAccess("other-doctor");

  const picker = caller.role === "admin" && (
    <DoctorPicker doctors={doctors.map(({ id, name, active }) => ({ id, name, active }))} current={doctorId} />
  );

  if (!loaded.ok) {
    return (
      <>
        <PageHeader title="Availability" />
        {picker}
        <Alert tone="warning" title={loaded.message}>
          {caller.role === "admin" ? "Choose a doctor from the list." : "Ask your clinic's admin to check your doctor profile."}
        </Alert>
      </>
    );
  }

  const { data, now } = loaded;
  const own = caller.role === "doctor";
  const zone = zoneLabel(data.timezone, now);
  const { country, holidays } = clinicHolidays(data.timezone, clinicToday(data.timezone, now));

  return (
    <>
      <PageHeader
        title="Availability"
        description={
          <>
            When patients can book {own ? "you" : <strong className="font-medium text-slate-900">{data.doctor.name}</strong>}. All
            times are {zone}.
          </>
        }
      />
      {picker}
      <div className="mb-6 space-y-3 empty:hidden">
        {!data.doctor.active && (
          <Alert tone="warning" title={`${data.doctor.name} is inactive`}>
            Patients can&apos;t book {own ? "you" : "them"} until {own ? "an admin reactivates your profile" : "you reactivate them under Doctors"}.
            The hours are kept for then.
          </Alert>
        )}
        {!data.valid && (
          <Alert tone="error" title="The saved hours have a problem">
            Patients see no free times until it&apos;s fixed. The fields that need fixing are marked below; save when they&apos;re done.
          </Alert>
        )}
      </div>
      <AvailabilityEditor
        key={data.doctor.id}
        doctorId={data.doctor.id}
        timeZone={data.timezone}
        zone={zone}
        initialSchedule={data.schedule}
        serverNow={now}
        save={saveScheduleAction}
        weekTitle={weekTitle(own ? { own } : { own, doctorName: data.doctor.name })}
        holidays={holidays}
        holidayCountry={country ? countryName(country) : null}
        weekStartsOn={weekStartForZone(data.timezone)}
      />
    </>
  );
}
