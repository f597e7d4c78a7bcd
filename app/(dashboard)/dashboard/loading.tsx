import { LoadingTitle, Skeleton, SkeletonText } from "@/components/ui";
import { HydrationPending } from "@/components/ui/hydration-mark";

export default function DashboardLoading() {
  return (
    <div aria-busy="true">
      <HydrationPending />
      <LoadingTitle>Loading…</LoadingTitle>
      <Skeleton className="h-8 w-56" />
      <Skeleton className="mt-3 h-5 w-80 max-w-full" />
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        {[0, 1].map((key) => (
          <div key={key} className="rounded-xl border border-slate-200 bg-white p-6">
            <Skeleton className="h-6 w-40" />
            <SkeletonText lines={3} className="mt-5" />
          </div>
        ))}
      </div>
    </div>
  );
}
