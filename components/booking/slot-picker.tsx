"use client";

import { cn } from "@/components/ui";
import { groupByPartOfDay, PART_OF_DAY_LABEL, shortPatientTime, type IsoSlot } from "@/lib/domain/booking-calendar";
import { formatTime } from "@/lib/domain/time-format";

export type SlotPickerProps = {
  slots: readonly IsoSlot[];
  timeZone: string;
  patientZone: string | null;
  selected: string | null;
  onSelect: (slot: IsoSlot) => void;
  /** Heading level for "Morning"/"Afternoon" groups. */
  groupHeadingLevel?: 3 | 4;
};

/**
 * A day's free times as buttons (aria-pressed), grouped into morning,
 * afternoon and evening, in the clinic's zone with the patient's own time
 * under each one when their zone differs.
 */
export function SlotPicker({ slots, timeZone, patientZone, selected, onSelect, groupHeadingLevel = 4 }: SlotPickerProps) {
  const Heading = `h${groupHeadingLevel}` as const;
  const showsLocal = slots.some((slot) => shortPatientTime(Date.parse(slot.start), timeZone, patientZone) !== null);
  return (
    <div className="space-y-5">
      {groupByPartOfDay(slots, timeZone).map(({ part, slots: partSlots }) => (
        <div key={part} role="group" aria-labelledby={`slots-${part}`} className="@container">
          <Heading id={`slots-${part}`} className="mb-2 text-sm font-medium text-slate-600">
            {PART_OF_DAY_LABEL[part]}
          </Heading>
          {/*
            Columns by the width actually available (a container query), so a
            time never wraps: "10:10 AM" on two lines made one button taller than
            its neighbours on a 360 px phone. Three columns from 17rem (each
            ≥ 85 px), two below; with the patient's time on a second line, three
            only from 25rem.
          */}
          <ul className={cn("grid gap-2", showsLocal ? "grid-cols-2 @[25rem]:grid-cols-3" : "grid-cols-2 @[17rem]:grid-cols-3")}>
            {partSlots.map((slot) => {
              const instant = Date.parse(slot.start);
              const local = shortPatientTime(instant, timeZone, patientZone);
              const isSelected = selected === slot.start;
              return (
                <li key={slot.start} className="flex">
                  <button
                    type="button"
                    aria-pressed={isSelected}
                    data-slot={slot.start}
                    onClick={() => onSelect(slot)}
                    className={cn(
                      "flex min-h-11 w-full flex-col items-center justify-center rounded-lg border px-1 py-2 text-center leading-tight whitespace-nowrap tabular-nums",
                      "transition-colors motion-reduce:transition-none",
                      "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary-600",
                      isSelected
                        ? "border-primary-700 bg-primary-700 text-white shadow-xs"
                        : "border-slate-300 bg-white text-slate-900 hover:border-primary-600 hover:bg-primary-50",
                    )}
                  >
                    <span className="text-base font-semibold">{formatTime(instant, timeZone)}</span>
                    {local && (
                      <>
                        <span className="sr-only">, </span>
                        <span className={cn("mt-0.5 text-xs", isSelected ? "text-primary-50" : "text-slate-600")}>{local}</span>
                      </>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
