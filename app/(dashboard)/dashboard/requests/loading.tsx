import { LoadingTitle, Skeleton, SkeletonText } from "@/components/ui";
import { HydrationPending } from "@/components/ui/hydration-mark";

export default function RequestsLoading() {
  return (
    <div aria-busy="true">
      <HydrationPending />
      <LoadingTitle>Loading requests…</LoadingTitle>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-3 h-5 w-96 max-w-full" />
      <Skeleton className="mt-8 h-11 w-64" />
      <div className="mt-8 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {[0, 1, 2].map((key) => (
          <div key={key} className="grid gap-4 p-5 md:grid-cols-3">
            <SkeletonText lines={2} />
            <SkeletonText lines={3} />
            <Skeleton className="h-6 w-28 md:justify-self-end" />
          </div>
        ))}
      </div>
    </div>
  );
}
