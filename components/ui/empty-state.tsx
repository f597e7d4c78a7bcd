import type { ReactNode } from "react";
import { cn } from "./cn";
import { HydrationMark } from "./hydration-mark";

export type EmptyStateProps = {
  /** A decorative icon (it is hidden from assistive tech). */
  icon?: ReactNode;
  title: ReactNode;
  /** Say what to do next, not just that nothing is here. */
  description?: ReactNode;
  /** Buttons, a link or a copy field. */
  action?: ReactNode;
  /** Heading level for the title; defaults to h2. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
};

export function EmptyState({ icon, title, description, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center sm:py-12",
        className,
      )}
    >
      <HydrationMark />
      {icon && (
        <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700">
          {icon}
        </div>
      )}
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description && <div className="mt-1.5 max-w-md text-base text-slate-600">{description}</div>}
      {action && <div className="mt-6 flex w-full max-w-md flex-col items-center gap-3">{action}</div>}
    </div>
  );
}
