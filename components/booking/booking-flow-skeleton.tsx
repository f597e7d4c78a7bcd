import { Skeleton } from "@/components/ui";
import { HydrationPending } from "@/components/ui/hydration-mark";

/** The booking widget's shape while its free times load: the calendar and a grid of times. */
export function BookingFlowSkeleton() {
  return (
    <div role="status" className="rounded-xl border border-slate-200 bg-white shadow-xs">
      <HydrationPending />
      <span className="sr-only">Loading free times…</span>
      <div aria-hidden="true" className="space-y-2 border-b border-slate-200 px-5 py-4 sm:px-6">
        <Skeleton className="h-6 w-52" />
        <Skeleton className="h-4 w-64" />
      </div>
      <div aria-hidden="true" className="grid gap-6 p-5 sm:p-6 md:grid-cols-[minmax(0,20rem)_1fr]">
        <Skeleton className="h-72 rounded-lg" />
        <div className="grid grid-cols-3 content-start gap-2">
          {Array.from({ length: 9 }, (_, index) => (
            <Skeleton key={index} className="h-11 rounded-lg" />
          ))}
        </div>
      </div>
    </div>
  );
}
