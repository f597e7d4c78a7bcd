import Link from "next/link";
import type { ReactNode } from "react";
import { telHref } from "@/components/booking/contact-list";
import { feeAmount } from "@/components/booking/fee";
import { CardIcon, ClockIcon } from "@/components/ui/icons";
import { buttonClasses, CalendarIcon, CheckCircleIcon, cn, InfoIcon } from "@/components/ui";
import type { PatientAppointmentView } from "@/lib/server/appointments/patient";
import { formatDate, formatSlotInZone } from "@/lib/domain/time-format";

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
      <div className="flex gap-4">
        <span aria-hidden="true" className={cn("flex size-10 shrink-0 items-center justify-center rounded-full ring-1", PANEL[tone].icon)}>
          {icon}
        </span>
        <div className="min-w-0 flex-1 space-y-2 text-base text-slate-700">
          <h2 id="next-step-heading" className="text-lg font-semibold tracking-tight text-slate-900">
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

/** What the patient should do now, from patientNextStep (via the view's `next`). */
export function NextStep({ appointment }: { appointment: PatientAppointmentView }) {
  const { next, status, timezone, clinic } = appointment;
  const start = Date.parse(appointment.start);
  const expiresAt = appointment.expiresAt ? Date.parse(appointment.expiresAt) : null;
  const bookAgain = (
    <p className="pt-2">
      <Link href={`/book/${clinic.slug}`} className={buttonClasses({ variant: "secondary" })}>
        Book another time
      </Link>
    </p>
  );

  switch (next.step) {
    case "wait":
      return (
        <Panel
          tone="amber"
          icon={<ClockIcon className="size-5" />}
          title={
            expiresAt
              ? `The clinic will review your request by ${formatSlotInZone(expiresAt, timezone)}`
              : "The clinic will review your request soon"
          }
        >
          <p>
            We&apos;re holding this time for you until then. You&apos;ll get an email when the clinic decides, and this page
            will show the result.
          </p>
        </Panel>
      );
    case "pay":
      return (
        <Panel tone="blue" icon={<CardIcon className="size-5" />} title="Pay to confirm your visit">
          <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
            {feeAmount(appointment.feeCents, appointment.currency)}
          </p>
          <p>
            The clinic approved your request. The secure payment form will appear here on this page; your visit is
            confirmed once it&apos;s paid.
            {expiresAt && <> We&apos;re holding the time until {formatSlotInZone(expiresAt, timezone)}.</>}
          </p>
          <p className="text-sm text-slate-600">
            Questions about paying? Contact the clinic at <ContactLine clinic={clinic} />.
          </p>
        </Panel>
      );
    case "respond_to_proposal":
      return (
        <Panel tone="violet" icon={<CalendarIcon className="size-5" />} title="The clinic proposed a new time">
          <p>
            To accept the new time or ask for a different one, please contact the clinic at <ContactLine clinic={clinic} />.
          </p>
        </Panel>
      );
    case "none":
      if (status === "confirmed") {
        return (
          <Panel tone="green" icon={<CheckCircleIcon className="size-5" />} title="Your visit is confirmed">
            <p>
              See you on {formatDate(start, timezone)}. If you can&apos;t make it, please let the clinic know at{" "}
              <ContactLine clinic={clinic} />.
            </p>
          </Panel>
        );
      }
      if (status === "declined") {
        return (
          <Panel tone="gray" icon={<InfoIcon className="size-5" />} title="The clinic couldn't accept this request">
            <p>You&apos;re welcome to request another time, or contact the clinic at <ContactLine clinic={clinic} />.</p>
            {bookAgain}
          </Panel>
        );
      }
      if (status === "cancelled") {
        return (
          <Panel tone="gray" icon={<InfoIcon className="size-5" />} title="You cancelled this request">
            <p>The time has been released. You&apos;re welcome to book again whenever suits you.</p>
            {bookAgain}
          </Panel>
        );
      }
      return (
        <Panel tone="gray" icon={<InfoIcon className="size-5" />} title="This request expired">
          <p>It wasn&apos;t completed in time, so the time was released. Please book again if you&apos;d still like to be seen.</p>
          {bookAgain}
        </Panel>
      );
  }
}
