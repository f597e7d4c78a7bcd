import { LoadingTitle, Skeleton, SkeletonText } from "@/components/ui";
import { HydrationPending } from "@/components/ui/hydration-mark";

export default function ScheduleLoading() {
  return (
    <div aria-busy="true">
      <HydrationPending />
      <LoadingTitle>Loading the schedule…</LoadingTitle>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-3 h-5 w-96 max-w-full" />
      <Skeleton className="mt-8 h-11 w-72 max-w-full" />
      <div className="mt-8 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {[0, 1, 2].map((key) => (
          <div key={key} className="grid grid-cols-[5.5rem_1fr] gap-4 p-5">
            <Skeleton className="h-6 w-16" />
            <SkeletonText lines={2} />
          </div>
        ))}
      </div>
    </div>
  );
}
