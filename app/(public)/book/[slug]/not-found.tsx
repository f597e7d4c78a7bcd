"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { PublicShell } from "@/components/booking/public-shell";
import { buttonClasses, InfoIcon } from "@/components/ui";

/**
 * An unknown doctor (or a deactivated one) at /book/{clinic}/{doctor}: send the
 * patient back to the clinic's list of doctors, not to the staff home page.
 * The clinic exists (its layout checked, else book/not-found.tsx shows). A
 * client component only to read the clinic slug from the URL (not-found pages
 * get no props).
 */
export default function DoctorNotFound() {
  const params = useParams<{ slug?: string }>();
  const slug = (params?.slug ?? "").toLowerCase();
  return (
    <PublicShell>
      <div className="flex flex-col items-center rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-xs">
        <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700">
          <InfoIcon className="size-6" />
        </div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">We couldn&apos;t find that doctor</h1>
        <p className="mt-2 max-w-md text-base text-slate-600">
          The link may be mistyped or out of date, or the doctor may no longer take bookings online. The clinic&apos;s
          booking page lists the doctors you can book with.
        </p>
        {slug && (
          <Link href={`/book/${encodeURIComponent(slug)}`} className={buttonClasses({ variant: "primary", className: "mt-6" })}>
            See the clinic&apos;s doctors
          </Link>
        )}
      </div>
    </PublicShell>
  );
}
