import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { DoctorForm } from "@/components/doctors/doctor-form";
import { AddDoctorButton, DoctorsManager } from "@/components/doctors/doctors-manager";
import { Alert, Card, CardContent } from "@/components/ui";
import { can } from "@/lib/domain/roles";
import { requireCaller } from "@/lib/server/auth/caller";
import { getDoctor, listDoctors } from "@/lib/server/doctors/profiles";
import { updateDoctorAction } from "@/components/doctors/actions";

export const metadata: Metadata = { title: "Doctors" };

export default async function DoctorsPage() {
  const caller = await requireCaller();

  if (can(caller, "doctors:write")) {
    const doctors = await listDoctors(caller);
    const active = doctors.filter((doctor) => doctor.active).length;
    return (
      <>
        <PageHeader
          title="Doctors"
          description={
            doctors.length
              ? `${active} of ${doctors.length} ${doctors.length === 1 ? "doctor is" : "doctors are"} bookable. Inactive doctors are hidden from patients.`
              : "The people patients can book."
          }
          actions={doctors.length ? <AddDoctorButton /> : undefined}
        />
        <DoctorsManager doctors={doctors} />
      </>
    );
  }

  // A doctor edits their own profile here; nobody else's.
  if (caller.role === "doctor" && caller.doctorId) {
    const doctor = await getDoctor(caller, caller.doctorId).catch(() => null);
    return (
      <>
        <PageHeader title="My profile" description="How you appear to patients on the booking page." />
        {doctor ? (
          <Card className="max-w-2xl">
            <CardContent className="pt-5 sm:pt-6">
              {!doctor.active && (
                <Alert tone="warning" className="mb-5">
                  Your profile is inactive, so patients can&apos;t book you. Ask an admin to reactivate it.
                </Alert>
              )}
              <DoctorForm action={updateDoctorAction} doctor={doctor} submitLabel="Save profile" />
            </CardContent>
          </Card>
        ) : (
          <Alert tone="warning">Your doctor profile was removed. Ask your clinic&apos;s admin.</Alert>
        )}
        <p className="mt-6 text-slate-600">
          Your hours are under{" "}
          <Link href="/dashboard/availability" className="font-medium text-primary-700 underline underline-offset-2">
            Availability
          </Link>
          .
        </p>
      </>
    );
  }

  return <NoAccess caller={caller} what="Doctors" />;
}
