"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { buttonClasses, CheckIcon } from "@/components/ui";
import { formatPatientLocal, formatSlotInZone } from "@/lib/domain/time-format";
import { useBrowserTimeZone } from "./use-browser-time-zone";

export type RequestConfirmationProps = {
  doctorName: string;
  clinicName: string;
  clinicSlug: string;
  start: string;
  timeZone: string;
  email: string;
  feeCents: number;
  feeLabel: string;
  expiresAt: string;
  statusUrl: string;
};

/** After a request is sent: what was asked for, and what happens next. Takes focus so it is read at once. */
export function RequestConfirmation({
  doctorName,
  clinicName,
  clinicSlug,
  start,
  timeZone,
  email,
  feeCents,
  feeLabel,
  expiresAt,
  statusUrl,
}: RequestConfirmationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const patientZone = useBrowserTimeZone();
  const instant = Date.parse(start);
  const local = patientZone ? formatPatientLocal(instant, timeZone, patientZone) : null;

  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "center" });
  }, []);

  const steps = [
    <>
      <strong className="font-semibold text-slate-900">The clinic reviews requests within 24 hours.</strong> We&apos;re holding
      this time for you until {formatSlotInZone(Date.parse(expiresAt), timeZone)}.
    </>,
    <>
      <strong className="font-semibold text-slate-900">We&apos;ve emailed you a link</strong> at{" "}
      <span className="font-medium break-all text-slate-900">{email}</span>. Use it to check on your request or cancel it.
    </>,
    feeCents > 0 ? (
      <>
        <strong className="font-semibold text-slate-900">Once approved, you&apos;ll pay {feeLabel}</strong> online to confirm
        your visit.
      </>
    ) : (
      <>
        <strong className="font-semibold text-slate-900">There&apos;s no fee:</strong> your visit is confirmed as soon as
        it&apos;s approved.
      </>
    ),
  ];

  return (
    <section
      aria-labelledby="confirmation-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8"
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-green-50 text-green-700 ring-1 ring-green-600/20">
        <CheckIcon className="size-6" />
      </div>
      <h2
        id="confirmation-heading"
        ref={headingRef}
        tabIndex={-1}
        className="mt-4 text-2xl font-semibold tracking-tight text-slate-900 focus-visible:outline-none"
      >
        Request sent
      </h2>
      <p className="mt-2 text-lg text-slate-700">
        You asked for <span className="font-semibold text-slate-900 tabular-nums">{formatSlotInZone(instant, timeZone)}</span>{" "}
        with {doctorName}.
      </p>
      {local && <p className="mt-1 text-base text-slate-600 tabular-nums">That&apos;s {local}.</p>}

      <h3 className="mt-8 text-base font-semibold text-slate-900">What happens next</h3>
      <ol className="mt-3 space-y-4">
        {steps.map((step, index) => (
          <li key={index} className="flex gap-3 text-base text-slate-700">
            <span
              aria-hidden="true"
              className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary-50 text-sm font-semibold text-primary-800 tabular-nums"
            >
              {index + 1}
            </span>
            <span className="pt-0.5">{step}</span>
          </li>
        ))}
      </ol>

      <div className="mt-8 flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row">
        <a href={statusUrl} className={buttonClasses({ size: "lg" })}>
          See your request
        </a>
        <Link href={`/book/${clinicSlug}`} className={buttonClasses({ variant: "secondary", size: "lg" })}>
          Back to {clinicName}
        </Link>
      </div>
    </section>
  );
}
