import { PublicShell } from "@/components/booking/public-shell";
import { InfoIcon } from "@/components/ui";

/** A wrong, missing or mistyped status link. Says nothing about whether the request exists. */
export default function AppointmentNotFound() {
  return (
    <PublicShell>
      <div className="flex flex-col items-center rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-xs">
        <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700">
          <InfoIcon className="size-6" />
        </div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">We couldn&apos;t find that request</h1>
        <p className="mt-2 max-w-md text-base text-slate-600">
          Please open the link from your email again. If you copied it, make sure the whole link was copied.
        </p>
      </div>
    </PublicShell>
  );
}
