"use client";

import type { ReactNode, RefObject } from "react";
import { Button, CalendarIcon } from "@/components/ui";
import { formatPatientLocal, formatSlotInZone } from "@/lib/domain/time-format";

/**
 * The booking widget's second step: the chosen time (in the patient's zone
 * too, when it differs), "Change time", and the request form as children.
 * The heading takes focus when a time is chosen (BookingFlow moves it there).
 */
export function DetailsSection({
  sectionRef,
  headingRef,
  start,
  timeZone,
  patientZone,
  doctorName,
  onChangeTime,
  children,
}: {
  sectionRef: RefObject<HTMLElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  start: string;
  timeZone: string;
  patientZone: string | null;
  doctorName: string;
  onChangeTime: () => void;
  children: ReactNode;
}) {
  return (
    <section
      ref={sectionRef}
      aria-labelledby="details-heading"
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white shadow-xs"
    >
      <div className="flex flex-col gap-4 border-b border-slate-200 px-5 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <div className="min-w-0">
          <h2
            id="details-heading"
            ref={headingRef}
            tabIndex={-1}
            className="rounded-sm text-lg font-semibold tracking-tight text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-primary-600"
          >
            Your details
          </h2>
          <p className="mt-0.5 flex items-start gap-1.5 text-base text-slate-700">
            <CalendarIcon className="mt-0.5 size-5 shrink-0 text-primary-700" />
            <span>
              <span className="font-semibold text-slate-900 tabular-nums">
                {formatSlotInZone(Date.parse(start), timeZone)}
              </span>{" "}
              with {doctorName}
              {patientZone && formatPatientLocal(Date.parse(start), timeZone, patientZone) && (
                <span className="block text-sm text-slate-600 tabular-nums">
                  {formatPatientLocal(Date.parse(start), timeZone, patientZone)}
                </span>
              )}
            </span>
          </p>
        </div>
        <Button variant="secondary" size="sm" onClick={onChangeTime} className="self-start sm:self-center">
          Change time
        </Button>
      </div>
      <div className="p-5 sm:p-6">{children}</div>
    </section>
  );
}
