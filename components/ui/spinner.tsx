import { cn } from "./cn";

export type SpinnerProps = { className?: string };

/**
 * A decorative spinner. It is aria-hidden: whatever is loading must say so
 * itself (a button gets aria-busy, a region gets aria-busy or a status text).
 * With prefers-reduced-motion it stays still.
 */
export function Spinner({ className }: SpinnerProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cn("size-4 shrink-0 motion-safe:animate-spin", className)}
    >
      <circle cx="12" cy="12" r="9.5" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21.5 12A9.5 9.5 0 0 0 12 2.5" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
