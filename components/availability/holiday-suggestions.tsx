import { Button } from "@/components/ui";
import { formatLocalDate } from "@/lib/domain/availability-form";
import { holidaysToOffer, type Holiday } from "@/lib/domain/holidays";
import type { LocalDate } from "@/lib/domain/slots";

/**
 * The clinic country's public holidays for the next 12 months, offered as
 * days off one by one or all at once (a closed day with the holiday's name as
 * its note), so Thanksgiving or Christmas isn't bookable by accident. Days that
 * already have a change are not offered again. Nothing changes until Save.
 */
export function HolidaySuggestions({
  holidays,
  countryName,
  overrides,
  today,
  onCloseDays,
}: {
  holidays: readonly Holiday[];
  countryName: string | null;
  overrides: Readonly<Record<LocalDate, unknown>>;
  today: LocalDate;
  onCloseDays: (days: readonly Holiday[]) => void;
}) {
  if (holidays.length === 0) return null;
  const offered = holidaysToOffer(holidays, overrides, today);
  return (
    <section aria-labelledby="holiday-suggestions" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="holiday-suggestions" className="text-base font-semibold text-slate-900">
          Public holidays{countryName ? ` in ${countryName}` : ""}
        </h3>
        {offered.length > 1 && (
          <Button variant="secondary" size="sm" onClick={() => onCloseDays(offered)}>
            Close all {offered.length}
          </Button>
        )}
      </div>
      {offered.length === 0 ? (
        <p className="text-base text-slate-600">Every public holiday in the next 12 months is already planned.</p>
      ) : (
        <ul className="max-h-72 divide-y divide-slate-200 overflow-y-auto border-y border-slate-200">
          {offered.map((holiday) => {
            const label = formatLocalDate(holiday.date, today);
            return (
              <li key={holiday.date} className="flex items-center gap-3 py-2">
                <p className="min-w-0 flex-1">
                  <span className="font-medium text-slate-900">{label}</span>
                  <span className="text-slate-600"> · {holiday.name}</span>
                </p>
                <Button variant="ghost" size="sm" onClick={() => onCloseDays([holiday])} aria-label={`Close ${label}, ${holiday.name}`}>
                  Close
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
