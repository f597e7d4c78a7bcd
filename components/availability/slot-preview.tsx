import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { addDays, formatLocalDate, type OverrideForm } from "@/lib/domain/availability-form";
import { computeFreeSlots, type DoctorSchedule, type LocalDate } from "@/lib/domain/slots";
import { formatTime, localDateKey } from "@/lib/domain/time-format";

export const PREVIEW_DAYS = 7;
const SHOWN_TIMES = 4;

export type SlotPreviewProps = {
  /** The valid schedule from the form, or null while it has problems. */
  schedule: DoctorSchedule | null;
  now: number;
  today: LocalDate;
  overrides: Readonly<Record<LocalDate, OverrideForm>>;
};

/**
 * "Next 7 days": the free times these settings offer, computed in the
 * browser with the same engine as the booking page, before any bookings
 * (requests and visits already made are not subtracted).
 */
export function SlotPreview({ schedule, now, today, overrides }: SlotPreviewProps) {
  let days: { date: LocalDate; starts: number[] }[] | null = null;
  if (schedule) {
    const byDate = new Map<LocalDate, number[]>();
    for (const slot of computeFreeSlots({ schedule, busy: [], now, from: today, to: addDays(today, PREVIEW_DAYS - 1) })) {
      const key = localDateKey(slot.start, schedule.timeZone);
      byDate.set(key, [...(byDate.get(key) ?? []), slot.start]);
    }
    days = Array.from({ length: PREVIEW_DAYS }, (_, i) => {
      const date = addDays(today, i);
      return { date, starts: byDate.get(date) ?? [] };
    });
  }

  return (
    <Card>
      <CardHeader className="pb-4 sm:pb-4">
        <CardTitle as="h2">Next 7 days</CardTitle>
        <CardDescription>Free times patients would see with these settings, before any bookings.</CardDescription>
      </CardHeader>
      <CardContent>
        {!days || !schedule ? (
          <p className="text-base text-slate-600">Fix the highlighted problems to see a preview.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {days.map(({ date, starts }, index) => {
              const override = overrides[date];
              const label = index === 0 ? "Today" : index === 1 ? "Tomorrow" : formatLocalDate(date, today);
              const note = override?.note.trim();
              return (
                <li key={date} className="py-2.5 first:pt-0 last:pb-0">
                  <p className="flex items-baseline justify-between gap-3">
                    <span className="font-medium text-slate-900">{label}</span>
                    <span className="text-sm text-slate-600 tabular-nums">
                      {starts.length === 0 ? "" : starts.length === 1 ? "1 time" : `${starts.length} times`}
                    </span>
                  </p>
                  <p className="text-sm text-slate-700 tabular-nums">
                    {starts.length === 0
                      ? override?.closed
                        ? `Closed${note ? ` · ${note}` : ""}`
                        : "No free times"
                      : starts
                          .slice(0, SHOWN_TIMES)
                          .map((start) => formatTime(start, schedule.timeZone))
                          .join(" · ") + (starts.length > SHOWN_TIMES ? ` · +${starts.length - SHOWN_TIMES} more` : "")}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
