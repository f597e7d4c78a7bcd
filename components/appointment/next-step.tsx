import Link from "next/link";
import type { ReactNode } from "react";
import { telHref } from "@/components/booking/contact-list";
import { feeAmount } from "@/components/booking/fee";
import { CardIcon, ClockIcon } from "@/components/ui/icons";
import { buttonClasses, CalendarIcon, CheckCircleIcon, cn, InfoIcon } from "@/components/ui";
import type { PatientAppointmentView } from "@/lib/domain/appointments/views";
import { originalTimeLostWords } from "@/lib/domain/no-time-held";
import { endedMoneyWords } from "@/lib/domain/payment-view";
import { formatDate, formatSlotInZone } from "@/lib/domain/time-format";
import { ProposalResponse, type ProposalResponseProps } from "./proposal-response";
import { TimeLeft } from "./time-left";

type Tone = "amber" | "blue" | "violet" | "green" | "gray";

const PANEL: Record<Tone, { box: string; icon: string }> = {
  amber: { box: "border-amber-200 bg-amber-50", icon: "bg-white text-amber-700 ring-amber-600/20" },
  blue: { box: "border-blue-200 bg-blue-50", icon: "bg-white text-blue-700 ring-blue-700/15" },
  violet: { box: "border-violet-200 bg-violet-50", icon: "bg-white text-violet-700 ring-violet-700/15" },
  green: { box: "border-green-200 bg-green-50", icon: "bg-white text-green-700 ring-green-600/20" },
  gray: { box: "border-slate-200 bg-white", icon: "bg-slate-50 text-slate-600 ring-slate-500/15" },
};

function Panel({ tone, icon, title, children }: { tone: Tone; icon: ReactNode; title: ReactNode; children?: ReactNode }) {
  return (
    <section aria-labelledby="next-step-heading" className={cn("rounded-xl border p-5 sm:p-6", PANEL[tone].box)}>
      <div className="flex gap-3 sm:gap-4">
        <span aria-hidden="true" className={cn("flex size-10 shrink-0 items-center justify-center rounded-full ring-1", PANEL[tone].icon)}>
          {icon}
        </span>
        <div className="min-w-0 flex-1 space-y-2 text-base text-slate-700">
          <h2 id="next-step-heading" className="text-lg font-semibold tracking-tight text-balance text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      </div>
    </section>
  );
}

function ContactLine({ clinic }: { clinic: PatientAppointmentView["clinic"] }) {
  if (clinic.phone) {
    return (
      <a className="font-medium whitespace-nowrap text-slate-900 underline underline-offset-4" href={telHref(clinic.phone)}>
        {clinic.phone}
      </a>
    );
  }
  if (clinic.email) {
    return (
      <a className="font-medium break-all text-slate-900 underline underline-offset-4" href={`mailto:${clinic.email}`}>
        {clinic.email}
      </a>
    );
  }
  return <>the clinic</>;
}

/** "by Tue, Dec 2, 9:00 AM EST, New York time (23 h 12 min left)": the real deadline, expiresAt. */
function Deadline({ expiresAt, timeZone, now }: { expiresAt: string; timeZone: string; now: number }) {
  return (
    <>
      <span className="font-semibold text-slate-900 tabular-nums">{formatSlotInZone(Date.parse(expiresAt), timeZone)}</span>{" "}
      <span className="tabular-nums">
        (<TimeLeft deadline={expiresAt} now={now} />)
      </span>
    </>
  );
}

export type NextStepProps = {
  appointment: PatientAppointmentView;
  /** The server's clock when the page was rendered. */
  now: number;
  acceptAction: ProposalResponseProps["acceptAction"];
  rejectAction: ProposalResponseProps["rejectAction"];
  /** Where "Add to calendar" downloads the .ics from. */
  calendarHref: string;
  /** The pay step's form (PayStep), shown while a fee is due. */
  payment?: ReactNode;
};

/** What the patient should do now, from patientNextStep (via the view's `next`) and whether a time is held. */
export function NextStep({ appointment, now, acceptAction, rejectAction, calendarHref, payment }: NextStepProps) {
  const { next, status, timezone, clinic, expiresAt } = appointment;
  const start = Date.parse(appointment.start);
  // Ended without a visit: whether they were charged (a stale tab may have paid after they cancelled).
  const endedMoney = endedMoneyWords(appointment.money, appointment.feeCents, timezone, now);
  const bookAgain = (
    <p className="pt-2">
      <Link href={`/book/${clinic.slug}`} className={buttonClasses({ variant: "secondary" })}>
        Book another time
      </Link>
    </p>
  );

  switch (next.step) {
    case "wait":
      if (!appointment.timeHeld && appointment.withdrawnProposal) {
        const withdrawn = formatSlotInZone(Date.parse(appointment.withdrawnProposal.start), timezone);
        return (
          <Panel tone="amber" icon={<ClockIcon className="size-5" />} title="The clinic withdrew the time it proposed">
            <p>
              The clinic withdrew {withdrawn}. {originalTimeLostWords(appointment.withdrawnProposal.originalTimeLost, formatSlotInZone(start, timezone))}{" "}
              The clinic will propose another time or get in touch with you.
            </p>
            {expiresAt && (
              <p>
                If the clinic hasn&apos;t answered by <Deadline expiresAt={expiresAt} timeZone={timezone} now={now} />, the
                request closes and you can book again.
              </p>
            )}
          </Panel>
        );
      }
      if (!appointment.timeHeld) {
        return (
          <Panel tone="amber" icon={<ClockIcon className="size-5" />} title="You turned down the proposed time">
            <p>The clinic will propose another time or get in touch with you. You&apos;ll get an email either way.</p>
            {expiresAt && (
              <p>
                If the clinic hasn&apos;t answered by <Deadline expiresAt={expiresAt} timeZone={timezone} now={now} />, the
                request closes and you can book again.
              </p>
            )}
          </Panel>
        );
      }
      return (
        <Panel
          tone="amber"
          icon={<ClockIcon className="size-5" />}
          title={
            expiresAt ? `The clinic will review your request by ${formatSlotInZone(Date.parse(expiresAt), timezone)}` : "The clinic will review your request soon"
          }
        >
          {appointment.withdrawnProposal && (
            <p>The clinic withdrew the time it proposed, {formatSlotInZone(Date.parse(appointment.withdrawnProposal.start), timezone)}: your request is for its original time again.</p>
          )}
          <p>
            We&apos;re holding this time for you until then
            {expiresAt && (
              <span className="tabular-nums">
                {" "}
                (<TimeLeft deadline={expiresAt} now={now} />)
              </span>
            )}
            . You&apos;ll get an email when the clinic decides, and this page will show the result.
          </p>
        </Panel>
      );
    case "pay": {
      const fee = feeAmount(appointment.feeCents, appointment.currency);
      return (
        <Panel tone="blue" icon={<CardIcon className="size-5" />} title={`Approved — please pay ${fee}`}>
          <p>The clinic approved your request. Your visit is confirmed once the fee is paid.</p>
          {expiresAt && (
            <p>
              We&apos;re holding the time until <Deadline expiresAt={expiresAt} timeZone={timezone} now={now} />.
            </p>
          )}
          {payment}
          <p className="text-sm text-slate-600">
            Questions about paying? Contact the clinic at <ContactLine clinic={clinic} />.
          </p>
        </Panel>
      );
    }
    case "respond_to_proposal": {
      const proposed = formatSlotInZone(start, timezone);
      const previous = appointment.proposal ? formatSlotInZone(Date.parse(appointment.proposal.previousStart), timezone) : null;
      return (
        <Panel tone="violet" icon={<CalendarIcon className="size-5" />} title="The clinic proposed a new time">
          <dl className="grid gap-3 py-1 sm:grid-cols-2">
            {previous && (
              <div className="rounded-lg border border-violet-200 bg-white/60 px-4 py-3">
                <dt className="text-sm font-medium text-slate-600">Original time</dt>
                <dd className="text-slate-600 tabular-nums line-through decoration-slate-400">{previous}</dd>
              </div>
            )}
            <div className="rounded-lg border border-violet-300 bg-white px-4 py-3">
              <dt className="text-sm font-medium text-violet-800">Proposed time</dt>
              <dd className="font-semibold text-slate-900 tabular-nums">{proposed}</dd>
            </div>
          </dl>
          {appointment.proposal?.message && (
            <figure>
              <figcaption className="text-sm font-medium text-slate-600">Message from {clinic.name}</figcaption>
              <blockquote className="mt-1 border-l-4 border-violet-300 pl-3 whitespace-pre-line">{appointment.proposal.message}</blockquote>
            </figure>
          )}
          {expiresAt && (
            <p>
              Please answer by <Deadline expiresAt={expiresAt} timeZone={timezone} now={now} />. After that the proposed
              time is released.
            </p>
          )}
          {appointment.proposal && (
            <ProposalResponse
              // A different proposal is a fresh answer: no error or open dialog carries over.
              key={appointment.proposal.at}
              id={appointment.id}
              proposed={proposed}
              proposalAt={appointment.proposal.at}
              acceptAction={acceptAction}
              rejectAction={rejectAction}
            />
          )}
        </Panel>
      );
    }
    case "none":
      if (status === "confirmed" || status === "move_requested") {
        return (
          <Panel tone="green" icon={<CheckCircleIcon className="size-5" />} title="Your visit is confirmed">
            {/* While the patient can cancel online (the section below), the page says so rather than sending them to the phone. */}
            <p>
              See you on {formatDate(start, timezone)}. If you can&apos;t make it,{" "}
              {appointment.visitCancel ? "cancel your visit below, or contact the clinic at" : "please let the clinic know at"}{" "}
              <ContactLine clinic={clinic} />.
            </p>
            {appointment.confirmedIcsAvailable && (
              <p className="pt-2">
                <a href={calendarHref} download className={buttonClasses({ variant: "secondary", className: "w-full sm:w-auto" })}>
                  <CalendarIcon className="size-5" />
                  Add to calendar
                </a>
              </p>
            )}
          </Panel>
        );
      }
      if (status === "declined") {
        return (
          <Panel tone="gray" icon={<InfoIcon className="size-5" />} title="The clinic couldn't accept this request">
            {appointment.declineReason && (
              <figure>
                <figcaption className="text-sm font-medium text-slate-600">The clinic&apos;s reason</figcaption>
                <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-line text-slate-900">
                  {appointment.declineReason}
                </blockquote>
              </figure>
            )}
            <p>You&apos;re welcome to request another time, or contact the clinic at <ContactLine clinic={clinic} />.</p>
            {bookAgain}
          </Panel>
        );
      }
      if (status === "cancelled" && appointment.clinicCancel) {
        return (
          <Panel tone="gray" icon={<InfoIcon className="size-5" />} title={`${clinic.name} cancelled this visit`}>
            <figure>
              <figcaption className="text-sm font-medium text-slate-600">The clinic&apos;s reason</figcaption>
              <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-line text-slate-900">{appointment.clinicCancel.reason}</blockquote>
            </figure>
            {appointment.clinicCancel.refunded && <p>Your payment is refunded in full to the card you paid with.</p>}
            <p>We&apos;re sorry. You&apos;re welcome to book another time, or contact the clinic at <ContactLine clinic={clinic} />.</p>
            {bookAgain}
          </Panel>
        );
      }
      if (status === "cancelled") {
        return (
          <Panel tone="gray" icon={<InfoIcon className="size-5" />} title={`You cancelled this ${appointment.wasConfirmed ? "visit" : "request"}`}>
            {endedMoney && <p className="font-medium text-slate-900">{endedMoney}</p>}
            <p>The time has been released. You&apos;re welcome to book again whenever suits you.</p>
            {bookAgain}
          </Panel>
        );
      }
      return (
        <Panel tone="gray" icon={<InfoIcon className="size-5" />} title="This request expired">
          {endedMoney && <p className="font-medium text-slate-900">{endedMoney}</p>}
          <p>It wasn&apos;t completed in time, so the time was released. Please book again if you&apos;d still like to be seen.</p>
          {bookAgain}
        </Panel>
      );
  }
}
