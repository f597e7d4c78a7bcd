import type { Metadata } from "next";
import Link from "next/link";
import { PublicShell } from "@/components/booking/public-shell";
import { buttonClasses, InfoIcon } from "@/components/ui";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** Any address no route matches (and notFound() outside the booking pages). */
export default function NotFound() {
  return (
    <PublicShell>
      <div className="flex flex-col items-center rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-xs">
        <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700">
          <InfoIcon className="size-6" />
        </div>
        <p className="text-sm font-medium text-primary-800">Error 404</p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">We couldn&apos;t find that page</h1>
        <p className="mt-2 max-w-md text-base text-slate-600">
          The address may be mistyped, or the page may have moved. If a clinic sent you a booking link, please open it
          again or contact the clinic.
        </p>
        <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
          Go to the home page
        </Link>
      </div>
    </PublicShell>
  );
}
