import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicShell } from "@/components/booking/public-shell";
import { Card, CardContent } from "@/components/ui";
import { isAppError } from "@/lib/domain/errors";
import { formatSlotInZone } from "@/lib/domain/time-format";
import { isConfirmLink } from "@/lib/server/appointments/email-confirmation";
import type { PatientAppointmentView } from "@/lib/domain/appointments/views";
import { getPatientAppointment } from "@/lib/server/appointments/patient";
import { ConfirmEmailForm } from "@/components/appointment/confirm-email-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your request", robots: { index: false, follow: false }, referrer: "strict-origin" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string | string[] }> };

/**
 * The link in the "please confirm your request" email: one button, nothing
 * changes by just opening it. Only the email's own secret opens it: the
 * status link (which the booking form hands to whoever submitted it) does not.
 */
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const token = typeof query.t === "string" ? query.t : "";
  let appointment: PatientAppointmentView;
  try {
    appointment = await getPatientAppointment(id, token);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  if (!(await isConfirmLink(id, token))) notFound();
  return (
    <PublicShell clinic={{ name: appointment.clinic.name, slug: appointment.clinic.slug }}>
      <Card>
        <CardContent className="space-y-4 pt-6">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Confirm your request</h1>
          <p className="text-slate-700">
            {appointment.doctorName}, <span className="tabular-nums">{formatSlotInZone(Date.parse(appointment.start), appointment.timezone)}</span>.
            Confirming sends your request to {appointment.clinic.name}.
          </p>
          <ConfirmEmailForm id={appointment.id} token={token} />
        </CardContent>
      </Card>
    </PublicShell>
  );
}
