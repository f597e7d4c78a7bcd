import { cn } from "@/components/ui";
import { formatAgo, holdState } from "@/lib/domain/request-queue";
import { formatSlotInZone, formatTimeLeft } from "@/lib/domain/time-format";

// Small server-rendered pieces every request view shares, so the queue and a
// request's page say times the same way.

/** "Tue, Dec 2, 9:00 AM EST, New York time" in a <time> element. */
export function ClinicTime({ at, timeZone, now, className }: { at: number; timeZone: string; now: number; className?: string }) {
  return (
    <time dateTime={new Date(at).toISOString()} className={cn("tabular-nums", className)}>
      {formatSlotInZone(at, timeZone, { now })}
    </time>
  );
}

/** "Came 3 h ago". */
export function CameAgo({ at, now, className }: { at: number; now: number; className?: string }) {
  return (
    <span className={cn("tabular-nums", className)}>
      Came <time dateTime={new Date(at).toISOString()}>{formatAgo(at, now)}</time>
    </span>
  );
}

/**
 * Time left before the hold lapses, red (with a word, not only colour) under
 * 2 hours. Nothing when the request holds no deadline.
 */
export function HoldLeft({ expiresAt, now, className }: { expiresAt: number | null; now: number; className?: string }) {
  const hold = holdState(expiresAt, now);
  if (hold.kind === "none") return null;
  if (hold.kind === "lapsed") {
    return <span className={cn("font-medium text-red-700", className)}>Hold lapsed — expires at the next check</span>;
  }
  return (
    <span
      data-urgent={hold.urgent || undefined}
      className={cn("tabular-nums", hold.urgent ? "font-semibold text-red-700" : "text-slate-700", className)}
    >
      {hold.urgent && <span className="sr-only">Urgent: </span>}
      {formatTimeLeft(expiresAt!, now)}
    </span>
  );
}
