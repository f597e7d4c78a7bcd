import { LoadingTitle, Skeleton, SkeletonText } from "@/components/ui";
import { HydrationPending } from "@/components/ui/hydration-mark";

export default function AvailabilityLoading() {
  return (
    <div aria-busy="true">
      <HydrationPending />
      <LoadingTitle>Loading availability…</LoadingTitle>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-3 h-5 w-96 max-w-full" />
      <div className="mt-8 grid gap-6 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          <Skeleton className="h-6 w-40" />
          <div className="mt-6 space-y-5">
            {Array.from({ length: 7 }, (_, index) => (
              <div key={index} className="grid grid-cols-[8rem_1fr] items-center gap-4">
                <Skeleton className="h-5 w-24" />
                <Skeleton className="h-11 w-80 max-w-full" />
              </div>
            ))}
          </div>
        </div>
        <div className="hidden rounded-xl border border-slate-200 bg-white p-6 xl:block">
          <Skeleton className="h-6 w-28" />
          <SkeletonText lines={7} className="mt-5" />
        </div>
      </div>
    </div>
  );
}
