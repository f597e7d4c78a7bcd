import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CancelRequest } from "@/components/appointment/cancel-request";
import { NextStep } from "@/components/appointment/next-step";
import { PatientLocalTime } from "@/components/appointment/patient-local-time";
import { ContactList } from "@/components/booking/contact-list";
import { feeAmount } from "@/components/booking/fee";
import { PublicShell } from "@/components/booking/public-shell";
import { Badge } from "@/components/ui";
import { statusLabel, statusTone } from "@/lib/domain/appointments/status";
import { isAppError } from "@/lib/domain/errors";
import { formatSlotInZone } from "@/lib/domain/time-format";
import { getPatientAppointment, type PatientAppointmentView } from "@/lib/server/appointments/patient";
import { cancelRequest } from "./actions";

// Private, per-patient and changing: never cached, never indexed, and the
// token in the URL is not sent onwards in a Referer header.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your appointment request",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string | string[] }> };

async function load(id: string, token: string | undefined): Promise<PatientAppointmentView> {
  try {
    return await getPatientAppointment(id, token);
  } catch (error) {
    // A wrong or missing token looks exactly like a missing request: 404, no detail.
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function AppointmentStatusPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const token = typeof query.t === "string" ? query.t : undefined;
  if (!token) notFound();
  const appointment = await load(id, token);
  const { status, timezone, clinic } = appointment;
  const when = formatSlotInZone(Date.parse(appointment.start), timezone);

  const details: { term: string; detail: React.ReactNode }[] = [
    { term: "Clinic", detail: clinic.name },
    {
      term: "Fee",
      detail: appointment.feeCents > 0 ? <span className="tabular-nums">{feeAmount(appointment.feeCents, appointment.currency)}</span> : "Free",
    },
    { term: "Booked for", detail: appointment.patientName },
    { term: "Reason", detail: <span className="whitespace-pre-line">{appointment.reason}</span> },
  ];

  return (
    <PublicShell clinic={{ name: clinic.name, slug: clinic.slug }}>
      <div className="space-y-6">
        <header>
          <p>
            <span className="sr-only">Status: </span>
            <Badge tone={statusTone(status)} className="px-3 py-1 text-base">
              {statusLabel(status, "patient")}
            </Badge>
          </p>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl">
            Your request with {appointment.doctorName}
          </h1>
          <p className="mt-2 text-lg text-slate-700">
            <span className="font-semibold text-slate-900 tabular-nums">{when}</span>
            <PatientLocalTime start={appointment.start} timeZone={timezone} className="block text-base text-slate-600 tabular-nums" />
          </p>
        </header>

        <NextStep appointment={appointment} />

        <section aria-labelledby="details-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <h2 id="details-heading" className="border-b border-slate-200 px-5 py-4 text-lg font-semibold tracking-tight text-slate-900 sm:px-6">
            Request details
          </h2>
          <dl className="divide-y divide-slate-100">
            {details.map(({ term, detail }) => (
              <div key={term} className="grid gap-1 px-5 py-3.5 sm:grid-cols-[9rem_1fr] sm:gap-4 sm:px-6">
                <dt className="text-sm font-medium text-slate-600 sm:pt-0.5">{term}</dt>
                <dd className="min-w-0 text-base break-words text-slate-800">{detail}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="contact-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
          <h2 id="contact-heading" className="text-lg font-semibold tracking-tight text-slate-900">
            Contact {clinic.name}
          </h2>
          <ContactList contact={clinic} className="mt-3" />
        </section>

        {appointment.next.canCancel && (
          <section
            aria-labelledby="cancel-heading"
            className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:flex-row sm:items-center sm:justify-between sm:p-6"
          >
            <div>
              <h2 id="cancel-heading" className="text-lg font-semibold tracking-tight text-slate-900">
                Can&apos;t make it?
              </h2>
              <p className="mt-1 text-base text-slate-600">Cancel your request so the time can go to someone else.</p>
            </div>
            <CancelRequest id={appointment.id} token={token} when={when} cancelAction={cancelRequest} />
          </section>
        )}
      </div>
    </PublicShell>
  );
}
