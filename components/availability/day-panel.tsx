"use client";

import { useId } from "react";
import { Button, Field, Input } from "@/components/ui";
import { WEEKDAY_LABELS, formatLocalDate, weekdayOf, type FormErrors, type FormInterval, type OverrideForm, intervalsFromForm } from "@/lib/domain/availability-form";
import { describeIntervals } from "@/lib/domain/availability-wording";
import { SCHEDULE_LIMITS, type LocalDate } from "@/lib/domain/slots";
import { IntervalRows } from "./interval-rows";

/** The picked day: close it, or give it special hours and a note. */
type DayPanelProps = {
  date: LocalDate;
  today: LocalDate;
  headingId: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  override: OverrideForm | undefined;
  usual: readonly FormInterval[];
  errors: FormErrors;
  onClose: () => void;
  onSpecial: () => void;
  onChange: (override: OverrideForm) => void;
  onRemove: () => void;
};

export function DayPanel({ date, today, headingId, headingRef, override, usual, errors, onClose, onSpecial, onChange, onRemove }: DayPanelProps) {
  const id = useId();
  const label = formatLocalDate(date, today);
  const weekday = WEEKDAY_LABELS[weekdayOf(date)].long;
  const usualText = usual.length === 0 ? `Usually closed on ${weekday}s.` : `Usual ${weekday} hours: ${describeIntervals(intervalsFromForm(usual))}.`;

  return (
    <div className="space-y-4">
      <div>
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none">
          {label}
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">{usualText}</p>
      </div>

      {!override ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onClose}>
            Close this day
          </Button>
          <Button variant="secondary" onClick={onSpecial}>
            Set special hours
          </Button>
        </div>
      ) : (
        <>
          <fieldset>
            <legend className="text-base font-medium text-slate-900">On this day</legend>
            <div className="mt-1 flex flex-wrap gap-x-6">
              {(
                [
                  ["closed", "Closed all day", onClose],
                  ["special", "Special hours", onSpecial],
                ] as const
              ).map(([value, text, choose]) => (
                <label key={value} className="flex min-h-11 cursor-pointer items-center gap-2.5 text-base text-slate-900">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={value}
                    checked={value === "closed" ? override.closed : !override.closed}
                    onChange={choose}
                    className="size-5 accent-primary-700"
                  />
                  {text}
                </label>
              ))}
            </div>
          </fieldset>

          {!override.closed && (
            <IntervalRows
              label={label}
              intervals={override.intervals}
              onChange={(intervals) => onChange({ ...override, intervals })}
              errors={errors}
              path={`dateOverrides.${date}.intervals`}
              idBase={`${id}-rows`}
              emptyText="No hours: closed"
            />
          )}

          <Field
            label="Note"
            optional
            hint="For your team; patients don't see it."
            error={errors[`dateOverrides.${date}.note`]}
            className="max-w-sm"
          >
            {(props) => (
              <Input
                {...props}
                value={override.note}
                maxLength={SCHEDULE_LIMITS.noteLength}
                placeholder="e.g. Holiday"
                onChange={(event) => onChange({ ...override, note: event.target.value })}
              />
            )}
          </Field>

          {errors[`dateOverrides.${date}`] && <p className="text-sm font-medium text-red-700">{errors[`dateOverrides.${date}`]}</p>}

          <Button variant="ghost" onClick={onRemove} className="-ml-3 text-primary-800">
            Use the usual hours again
          </Button>
        </>
      )}
    </div>
  );
}
