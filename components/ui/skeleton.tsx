import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A grey placeholder block for server data that is still loading. It is
 * aria-hidden: mark the region that is loading with aria-busy="true" and give
 * it a text alternative (<LoadingTitle>Loading requests…</LoadingTitle>).
 * Size it with className (`h-5 w-40`, `size-10 rounded-full`, ...).
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div aria-hidden="true" className={cn("rounded-md bg-slate-200 motion-safe:animate-pulse", className)} {...props} />
  );
}

export type SkeletonTextProps = { lines?: number; className?: string };

/** Lines of placeholder text; the last one is shorter, like a paragraph. */
export function SkeletonText({ lines = 3, className }: SkeletonTextProps) {
  return (
    <div aria-hidden="true" className={cn("space-y-2.5", className)}>
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={cn("h-4", index === lines - 1 && lines > 1 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
}

/**
 * The page's <h1> while it loads, announced as a status: a loading state keeps
 * the page's landmarks (one main, one h1), so it names what is coming.
 */
export function LoadingTitle({ children }: { children: string }) {
  return (
    <div role="status">
      <h1 className="sr-only">{children}</h1>
    </div>
  );
}
