import Link from "next/link";
import { PublicShell } from "@/components/booking/public-shell";
import { buttonClasses, InfoIcon } from "@/components/ui";

/** An unknown clinic link (/book/{slug}); an unknown doctor gets [slug]/not-found.tsx. */
export default function BookingNotFound() {
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
