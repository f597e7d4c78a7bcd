"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "@/components/ui";
import type { FormErrors, NumberField, ScheduleForm } from "@/lib/domain/availability-form";
import { SCHEDULE_LIMITS } from "@/lib/domain/slots";

type RuleField = {
  name: NumberField;
  label: string;
  unit: string;
  step: number;
  hint: string;
};

// Labels use the words of the engine's messages ("Slot length must be
// between 5 and 240 minutes."), so a message reads as being about its field.
const FIELDS: RuleField[] = [
  {
    name: "slotMinutes",
    label: "Slot length",
    unit: "minutes",
    step: SCHEDULE_LIMITS.stepMinutes,
    hint: `How long each visit is. ${SCHEDULE_LIMITS.slotMinutes.min}–${SCHEDULE_LIMITS.slotMinutes.max} minutes, in steps of 5.`,
  },
  {
    name: "bufferMinutes",
    label: "Buffer",
    unit: "minutes",
    step: SCHEDULE_LIMITS.stepMinutes,
    hint: `Kept free after every visit. ${SCHEDULE_LIMITS.bufferMinutes.min}–${SCHEDULE_LIMITS.bufferMinutes.max} minutes.`,
  },
  {
    name: "minNoticeHours",
    label: "Minimum notice",
    unit: "hours",
    step: 1,
    hint: `Patients can't book sooner than this. ${SCHEDULE_LIMITS.minNoticeHours.min}–${SCHEDULE_LIMITS.minNoticeHours.max} hours.`,
  },
  {
    name: "horizonDays",
    label: "Booking horizon",
    unit: "days",
    step: 1,
    hint: `How many days ahead patients can book. ${SCHEDULE_LIMITS.horizonDays.min}–${SCHEDULE_LIMITS.horizonDays.max} days.`,
  },
];

const LIMITS: Record<NumberField, { min: number; max: number }> = {
  slotMinutes: SCHEDULE_LIMITS.slotMinutes,
  bufferMinutes: SCHEDULE_LIMITS.bufferMinutes,
  minNoticeHours: SCHEDULE_LIMITS.minNoticeHours,
  horizonDays: SCHEDULE_LIMITS.horizonDays,
};

export type BookingRulesProps = {
  form: ScheduleForm;
  errors: FormErrors;
  onChange: (name: NumberField, value: string) => void;
};

/** Visit length, buffer, minimum notice and booking horizon. */
export function BookingRules({ form, errors, onChange }: BookingRulesProps) {
  const slot = Number(form.slotMinutes);
  const buffer = Number(form.bufferMinutes);
  const cadence =
    !errors.slotMinutes && !errors.bufferMinutes && slot > 0
      ? buffer > 0
        ? `Visits start every ${slot + buffer} minutes (${slot} + ${buffer} buffer), counted from the start of each row of hours.`
        : `Visits start every ${slot} minutes, counted from the start of each row of hours.`
      : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Visits</CardTitle>
        <CardDescription>How long visits are and how far ahead patients can book.</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="grid gap-5 sm:grid-cols-2">
          {FIELDS.map((field) => (
            <Field key={field.name} label={field.label} hint={field.hint} error={errors[field.name]}>
              {(props) => (
                <div className="flex items-center gap-2">
                  <div className="w-28 shrink-0">
                    <Input
                      {...props}
                      type="number"
                      inputMode="numeric"
                      min={LIMITS[field.name].min}
                      max={LIMITS[field.name].max}
                      step={field.step}
                      required
                      value={form[field.name]}
                      onChange={(event) => onChange(field.name, event.target.value)}
                      className="tabular-nums"
                    />
                  </div>
                  <span className="text-base text-slate-700">{field.unit}</span>
                </div>
              )}
            </Field>
          ))}
        </div>
        {cadence && <p className="mt-5 text-sm text-slate-600">{cadence}</p>}
      </CardContent>
    </Card>
  );
}
