import { LoadingTitle, Skeleton } from "@/components/ui";
import { HydrationPending } from "@/components/ui/hydration-mark";
import { BookingFlowSkeleton } from "@/components/booking/booking-flow-skeleton";

/**
 * Shown while the doctor page renders on the server (e.g. after choosing a
 * doctor). It has the page's landmarks (PublicShell's header and main, an h1)
 * so the page is whole while it loads.
 */
export default function Loading() {
  return (
    <div className="flex min-h-dvh flex-col">
      <HydrationPending />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-16 max-w-3xl items-center gap-3 px-4 sm:px-6">
          <Skeleton className="size-9 rounded-full" />
          <Skeleton className="h-5 w-44" />
        </div>
      </header>
      <main id="main" tabIndex={-1} aria-busy="true" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10">
        <LoadingTitle>Loading free times…</LoadingTitle>
        <Skeleton className="h-6 w-28" />
        <div className="mt-6 mb-8 flex gap-4 sm:gap-5">
          <Skeleton className="size-16 shrink-0 rounded-full" />
          <div className="flex-1 space-y-3">
            <Skeleton className="h-8 w-56" />
            <Skeleton className="h-5 w-36" />
            <Skeleton className="h-4 w-full max-w-md" />
          </div>
        </div>
        <BookingFlowSkeleton />
      </main>
    </div>
  );
}
