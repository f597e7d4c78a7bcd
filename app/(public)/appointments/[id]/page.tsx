import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CancelRequest } from "@/components/appointment/cancel-request";
import { NextStep } from "@/components/appointment/next-step";
import { PayStep } from "@/components/appointment/pay-step";
import { PatientLocalTime } from "@/components/appointment/patient-local-time";
import { RequestSent } from "@/components/appointment/request-sent";
import { detailsHeading, moneyRow, statusPageHeading } from "@/components/appointment/status-words";
import { ContactList } from "@/components/booking/contact-list";
import { feeAmount } from "@/components/booking/fee";
import { PublicShell } from "@/components/booking/public-shell";
import { Badge } from "@/components/ui";
import { shownStatus, statusLabel, statusTone } from "@/lib/domain/appointments/status";
import { isAppError } from "@/lib/domain/errors";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { PatientAppointmentView } from "@/lib/domain/appointments/views";
import { getPatientAppointment } from "@/lib/server/appointments/patient";
import { getPaymentStep } from "@/lib/server/payments/prepare";
import { getPaidReceipt } from "@/lib/server/payments/patient-receipt";
import { WrongAddress } from "@/components/appointment/wrong-address";
import { acceptProposedTime, cancelRequest, cancelVisit, correctEmail, declineProposedTime, moveVisit, payWithTestCard, withdrawMove } from "@/components/appointment/actions";
import { MoveRequest } from "@/components/appointment/move-request";
import { MoveVisit } from "@/components/appointment/move-visit";
import { LastMoveNotice } from "@/components/appointment/last-move-notice";
import { getMoveCalendar } from "@/lib/server/appointments/visit-move-view";
import { CancelVisit } from "@/components/appointment/cancel-visit";
import { appointmentPath, patientTokenFromCookie } from "@/lib/server/auth/patient-link";
import { appNow } from "@/lib/server/clock";
import { ErasedRequest } from "@/components/privacy/erased-request";

// Private, per-patient and changing: never cached, never indexed, and never
// sent onwards in a Referer header.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your appointment request",
  robots: { index: false, follow: false },
  referrer: "strict-origin",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string | string[]; sent?: string | string[] }> };

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
  if (query.t !== undefined) {
    // The emailed link: a wrong token is the 404 below; a right one is
    // exchanged for a cookie by open/route.ts, which lands on the clean URL.
    const linkToken = typeof query.t === "string" ? query.t : undefined;
    if (!linkToken) notFound();
    await load(id, linkToken);
    redirect(`${appointmentPath(id)}/open?t=${encodeURIComponent(linkToken)}${query.sent === "1" ? "&sent=1" : ""}`);
  }
  const token = await patientTokenFromCookie();
  if (!token) notFound();
  const appointment = await load(id, token);
  // Erased at the patient's request: the page says so and shows nothing else of the request.
  if (appointment.erased) return <ErasedRequest clinic={appointment.clinic} />;
  const now = appNow().getTime(); // the server clock at render, for the deadlines' "time left"
  const { status, timezone, clinic } = appointment;
  const when = formatSlotInZone(Date.parse(appointment.start), timezone);
  const fee = appointment.feeCents > 0 ? feeAmount(appointment.feeCents, appointment.currency) : null;
  const path = appointmentPath(appointment.id);
  // The pay step: the PaymentIntent is made (or reused) only when there is a fee to pay now.
  const paymentStep = appointment.next.step === "pay" ? await getPaymentStep(appointment.id, token) : null;
  // A confirmed visit with a fee: what was paid and when.
  const paid = status === "confirmed" && appointment.feeCents > 0 ? await getPaidReceipt(appointment.id, token) : null;
  // A confirmed visit still ahead can move to another free time of its doctor.
  const moveCalendar = status === "confirmed" ? await getMoveCalendar(appointment.id, token) : null;
  const money = moneyRow({ feeCents: appointment.feeCents, currency: appointment.currency, paid, timeZone: timezone, now });

  const details: { term: string; detail: React.ReactNode }[] = [
    { term: "Clinic", detail: clinic.name },
    { term: money.term, detail: <span className="tabular-nums">{money.detail}</span> },
    { term: "Booked for", detail: appointment.patientName },
    { term: "Reason", detail: <span className="whitespace-pre-line">{appointment.reason}</span> },
  ];
  // The policy the visit was booked under: read before paying, and while the visit is ahead.
  if (["pending", "approved", "rescheduled", "confirmed", "move_requested"].includes(status)) details.push({ term: "Cancellation", detail: appointment.policyWords });

  return (
    <PublicShell clinic={{ name: clinic.name, slug: clinic.slug }}>
      <div className="space-y-6">
        {query.sent === "1" && status === "pending" && appointment.timeHeld && <RequestSent feeLabel={fee} email={appointment.patientEmail} />}

        <header>
          <p>
            <span className="sr-only">Status: </span>
            <Badge tone={statusTone(status)} size="lg">
              {statusLabel(shownStatus(status, appointment.clinicCancel ? "clinic" : null), "patient")}
            </Badge>
          </p>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl">
            {statusPageHeading(status, appointment.doctorName, appointment.wasConfirmed)}
          </h1>
          {appointment.timeHeld ? (
            <p className="mt-2 text-lg text-slate-700">
              {status === "rescheduled" && <span className="block text-base text-slate-600">Proposed new time</span>}
              <span className="font-semibold text-slate-900 tabular-nums">{when}</span>
              <PatientLocalTime start={appointment.start} timeZone={timezone} className="block text-base text-slate-600 tabular-nums" />
            </p>
          ) : (
            <p className="mt-2 text-lg text-slate-700">No time is held for you right now.</p>
          )}
        </header>

        <NextStep
          appointment={appointment}
          now={now}
          acceptAction={acceptProposedTime}
          rejectAction={declineProposedTime}
          calendarHref={`${path}/calendar`}
          payment={paymentStep && fee ? <PayStep id={appointment.id} step={paymentStep} feeLabel={fee} testPayAction={payWithTestCard} /> : undefined}
        />

        {/* A waiting move, or how the last one ended: what the patient came back to see. */}
        {appointment.lastMove && <LastMoveNotice lastMove={appointment.lastMove} timeZone={timezone} />}

        {appointment.moveRequest && (
          <section aria-labelledby="move-request-heading" className="rounded-xl border border-amber-200 bg-amber-50/40 p-5 shadow-xs sm:p-6">
            <MoveRequest
              id={appointment.id}
              when={when}
              newWhen={formatSlotInZone(Date.parse(appointment.moveRequest.start), timezone)}
              deadline={appointment.moveRequest.expiresAt ? formatSlotInZone(Date.parse(appointment.moveRequest.expiresAt), timezone) : null}
              withdrawAction={withdrawMove}
            />
          </section>
        )}

        {/* Right after booking, and while the address can still be corrected, the page names it so a typo shows. */}
        {(appointment.emailCorrectable || (query.sent === "1" && status === "pending")) && (
          <WrongAddress
            id={appointment.id}
            version={appointment.version}
            email={appointment.patientEmail}
            correctable={appointment.emailCorrectable}
            correctAction={correctEmail}
          />
        )}

        <section aria-labelledby="details-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <h2 id="details-heading" className="border-b border-slate-200 px-5 py-4 text-lg font-semibold tracking-tight text-slate-900 sm:px-6">
            {detailsHeading(status, appointment.wasConfirmed)}
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

        {moveCalendar && (
          <section aria-labelledby="move-visit-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
            <MoveVisit id={appointment.id} when={when} calendar={moveCalendar} clinicPhone={clinic.phone} moveAction={moveVisit} />
          </section>
        )}

        {appointment.visitCancel && (
          <section
            aria-labelledby="cancel-visit-heading"
            className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:flex-row sm:items-center sm:justify-between sm:p-6"
          >
            <div>
              <h2 id="cancel-visit-heading" className="text-lg font-semibold tracking-tight text-slate-900">
                Can&apos;t make it?
              </h2>
              <p className="mt-1 text-base text-slate-600">Cancel your visit so the time can go to someone else.</p>
            </div>
            <CancelVisit
              id={appointment.id}
              when={when}
              refundWords={appointment.visitCancel.refundWords}
              quotedRefundCents={appointment.visitCancel.refundCents}
              cancelAction={cancelVisit}
            />
          </section>
        )}

        {appointment.next.canCancel && status !== "confirmed" && status !== "move_requested" && (
          <section
            aria-labelledby="cancel-heading"
            className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:flex-row sm:items-center sm:justify-between sm:p-6"
          >
            <div>
              <h2 id="cancel-heading" className="text-lg font-semibold tracking-tight text-slate-900">
                {appointment.timeHeld ? "Can't make it?" : "No longer need this visit?"}
              </h2>
              <p className="mt-1 text-base text-slate-600">
                {appointment.timeHeld
                  ? "Cancel your request so the time can go to someone else."
                  : "Cancel your request and the clinic won't propose another time."}
              </p>
            </div>
            <CancelRequest id={appointment.id} when={appointment.timeHeld ? when : null} cancelAction={cancelRequest} />
          </section>
        )}
      </div>
    </PublicShell>
  );
}
