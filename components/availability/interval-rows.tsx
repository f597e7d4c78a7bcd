"use client";

import { useRef, useState } from "react";
import { Button, ErrorIcon, Input, cn } from "@/components/ui";
import { canAddInterval, suggestInterval, type FormErrors, type FormInterval } from "@/lib/domain/availability-form";
import { describeIntervals, displayMessage, rowErrors } from "@/lib/domain/availability-wording";
import { SCHEDULE_LIMITS } from "@/lib/domain/slots";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";

// On narrow screens the clock icon is dropped and the padding trimmed, so
// "01:00 PM" keeps its AM/PM; the field still opens the native picker on phones.
const TIME_INPUT = "tabular-nums max-sm:px-2 max-sm:[&::-webkit-calendar-picker-indicator]:hidden";

export type IntervalRowsProps = {
  /** Whose rows, in words ("Monday", "Tue, Jan 7"): used in labels and button names. */
  label: string;
  intervals: readonly FormInterval[];
  onChange: (next: FormInterval[]) => void;
  errors: FormErrors;
  /** The rows' path in the schedule schema ("weeklyHours.mon"), which error keys start with. */
  path: string;
  /** Unique prefix for element ids. */
  idBase: string;
  /** Shown when there are no rows. */
  emptyText?: string;
};

/**
 * One day's working hours: a row per interval (two 5-minute time inputs and
 * a remove button), "Closed" when there is none, and "Add hours". Errors sit
 * under their row and are tied to the input they are about.
 */
export function IntervalRows({ label, intervals, onChange, errors, path, idBase, emptyText = "Closed" }: IntervalRowsProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const dayError = errors[path];

  const update = (key: string, patch: Partial<FormInterval>) =>
    onChange(intervals.map((interval) => (interval.key === key ? { ...interval, ...patch } : interval)));

  function remove(key: string) {
    onChange(intervals.filter((interval) => interval.key !== key));
    // The row and its button are gone; keep focus in the same day.
    requestAnimationFrame(() => addButton.current?.focus());
  }

  function add() {
    const row = suggestInterval(intervals);
    setFocusKey(row.key);
    onChange([...intervals, row]);
  }

  const addAllowed = canAddInterval(intervals);
  const addControl = (
    <Button
      ref={addButton}
      variant="ghost"
      size="sm"
      onClick={add}
      disabled={!addAllowed}
      aria-label={`Add hours on ${label}`}
      title={addAllowed ? undefined : `At most ${SCHEDULE_LIMITS.intervalsPerDay} rows a day`}
      className="text-primary-800"
    >
      <PlusIcon className="size-4" />
      Add hours
    </Button>
  );

  return (
    <div className="min-w-0 space-y-2">
      {intervals.length === 0 ? (
        <div className="flex min-h-11 flex-wrap items-center gap-x-4 gap-y-1">
          <span className="text-base text-slate-600">{emptyText}</span>
          {addControl}
        </div>
      ) : (
        <>
          <ul className="space-y-2">
            {intervals.map((interval, index) => {
              const id = `${idBase}-${interval.key}`;
              const { start, end, row } = rowErrors(errors, path, index);
              const messages = [start, end, row].filter((m): m is string => Boolean(m));
              const errorId = messages.length > 0 ? `${id}-error` : undefined;
              const name = `${label}, hours ${index + 1}`;
              return (
                <li
                  key={interval.key}
                  className="grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)_auto] items-center gap-x-1.5 gap-y-1 sm:grid-cols-[9.5rem_auto_9.5rem_auto] sm:justify-start sm:gap-x-2"
                >
                  <label htmlFor={`${id}-start`} className="sr-only">
                    {name}, from
                  </label>
                  <Input
                    id={`${id}-start`}
                    ref={interval.key === focusKey ? (element) => element?.focus() : undefined}
                    type="time"
                    step={300}
                    required
                    value={interval.start}
                    onChange={(event) => update(interval.key, { start: event.target.value })}
                    aria-invalid={start || row ? true : undefined}
                    aria-describedby={start || row ? errorId : undefined}
                    className={TIME_INPUT}
                  />
                  <span aria-hidden="true" className="text-slate-600">
                    –
                  </span>
                  <label htmlFor={`${id}-end`} className="sr-only">
                    {name}, until
                  </label>
                  <Input
                    id={`${id}-end`}
                    type="time"
                    step={300}
                    required
                    value={interval.end}
                    onChange={(event) => update(interval.key, { end: event.target.value })}
                    aria-invalid={end || row ? true : undefined}
                    aria-describedby={end || row ? errorId : undefined}
                    className={TIME_INPUT}
                  />
                  <Button
                    variant="ghost"
                    onClick={() => remove(interval.key)}
                    aria-label={`Remove ${label} ${describeIntervals([{ start: interval.start, end: interval.end === "00:00" ? "24:00" : interval.end }])}`}
                    className="px-2 text-slate-600 sm:px-2.5"
                  >
                    <TrashIcon className="size-5" />
                  </Button>
                  {messages.length > 0 && (
                    <p id={errorId} className="col-span-4 flex items-start gap-1.5 text-sm font-medium text-red-700">
                      <ErrorIcon className="mt-px size-4 shrink-0" />
                      <span>{messages.map(displayMessage).join(" ")}</span>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div>{addControl}</div>
        </>
      )}
      {dayError && (
        <p className={cn("flex items-start gap-1.5 text-sm font-medium text-red-700")}>
          <ErrorIcon className="mt-px size-4 shrink-0" />
          <span>{displayMessage(dayError)}</span>
        </p>
      )}
    </div>
  );
}
