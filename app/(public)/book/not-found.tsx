import { headers } from "next/headers";
import Link from "next/link";
import { PublicShell } from "@/components/booking/public-shell";
import { buttonClasses, InfoIcon } from "@/components/ui";
import { BOOKING_PAGE_NOT_OPEN, BOOKING_PAGE_NOT_OPEN_DETAIL } from "@/lib/domain/booking-page-opening";
import { bookingSlugOf, REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { cachedClinicAccess } from "@/lib/server/clinics/public-clinic";

/**
 * An unknown clinic link (/book/{slug}), or a clinic whose booking page is not
 * open yet (its admin has not verified their email): both 404, the second named
 * and saying so, with nothing else about the clinic. An unknown doctor gets
 * [slug]/not-found.tsx.
 */
export default async function BookingNotFound() {
  const slug = bookingSlugOf((await headers()).get(REQUEST_PATH_HEADER));
  const access = slug ? await cachedClinicAccess(slug) : null;
  if (access?.kind === "not_open") {
    return (
      <PublicShell>
        <div className="flex flex-col items-center rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-xs" data-testid="booking-page-not-open">
          <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700">
            <InfoIcon className="size-6" />
          </div>
          <p className="font-medium text-slate-700">{access.name}</p>
          <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">{BOOKING_PAGE_NOT_OPEN}</h1>
          <p className="mt-2 max-w-md text-base text-slate-600">{BOOKING_PAGE_NOT_OPEN_DETAIL}</p>
        </div>
      </PublicShell>
    );
  }
  return (
    <PublicShell>
      <div className="flex flex-col items-center rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-xs">
        <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700">
          <InfoIcon className="size-6" />
        </div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">We couldn&apos;t find that booking page</h1>
        <p className="mt-2 max-w-md text-base text-slate-600">
          The link may be mistyped, or the clinic may have changed it. Please check the link the clinic gave you, or contact
          the clinic directly.
        </p>
        <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
          Go to the home page
        </Link>
      </div>
    </PublicShell>
  );
}
