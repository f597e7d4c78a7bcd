import { Alert } from "@/components/ui";
import { closureDateLabel, type ClinicClosure } from "@/lib/domain/clinic-closures";

/** How many upcoming closed days the booking pages name; the calendar shows the rest as days without times. */
const SHOWN = 5;

/**
 * The clinic's coming closed days with their notes, on the booking pages:
 * the calendar has no times those days, and this says why. `closures` are
 * from today on, in date order.
 */
export function ClosureNotice({ closures, className }: { closures: readonly ClinicClosure[]; className?: string }) {
  if (closures.length === 0) return null;
  const shown = closures.slice(0, SHOWN);
  return (
    <Alert role="note" tone="warning" title={shown.length === 1 ? "The clinic is closed one day" : "The clinic is closed on some days"} className={className} data-testid="closure-notice">
      <ul className="space-y-0.5">
        {shown.map((closure) => (
          <li key={closure.date}>
            <span className="font-medium">{closureDateLabel(closure.date)}</span>
            {closure.note && <>: {closure.note}</>}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
