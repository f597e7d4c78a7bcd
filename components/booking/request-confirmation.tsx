"use client";

import { useEffect, useRef } from "react";
import { buttonClasses, CheckIcon, Spinner } from "@/components/ui";
import { formatSlotInZone } from "@/lib/domain/time-format";

export type RequestConfirmationProps = {
  doctorName: string;
  start: string;
  timeZone: string;
  /** The status link the request answered with (absolute, with its ?t= token). */
  statusUrl: string;
  /** The address the link was emailed to, named so a typo shows. */
  email: string;
};

/**
 * Where a sent request goes: the patient's status page, with a "Request sent"
 * banner (`sent=1`). It replaces the booking page in history, so a reload shows
 * the request again and Back cannot post it a second time; the page's
 * open/route.ts trades the link's token for a cookie on the way.
 */
export function statusPageAfterBooking(statusUrl: string): string {
  // Same origin as the booking page: the cookie lands where the patient is.
  const url = new URL(statusUrl, "http://placeholder.invalid");
  url.searchParams.set("sent", "1");
  return url.pathname + url.search;
}

/** Shown for the moment between "sent" and the status page loading; takes focus so it is read at once. */
export function RequestConfirmation({ doctorName, start, timeZone, statusUrl, email }: RequestConfirmationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const target = statusPageAfterBooking(statusUrl);

  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "center" });
    globalThis.location.replace(target);
  }, [target]);

  return (
    <section aria-labelledby="confirmation-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-8">
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
        You asked for <span className="font-semibold text-slate-900 tabular-nums">{formatSlotInZone(Date.parse(start), timeZone)}</span>{" "}
        with {doctorName}.
      </p>
      <p className="mt-2 text-base text-slate-700">
        We sent a link to <span className="font-semibold break-all text-slate-900 [font-variant-ligatures:none]">{email}</span>.
      </p>
      <p role="status" className="mt-6 flex items-center gap-2 text-base text-slate-600">
        <Spinner className="size-5 text-primary-700" />
        Opening your request page…
      </p>
      <p className="mt-6 border-t border-slate-200 pt-6">
        <a href={target} className={buttonClasses({ size: "lg" })}>
          See your request
        </a>
      </p>
    </section>
  );
}
