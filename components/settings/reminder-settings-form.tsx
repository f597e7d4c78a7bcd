"use client";

import { useRef } from "react";
import { updateReminderSettingsAction } from "@/components/settings/actions";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Checkbox, Field, Input } from "@/components/ui";
import { DOCTOR_DAY_FROM_HOUR, REMINDER_HOURS_DEFAULT, REMINDER_HOURS_MAX, REMINDER_HOURS_MIN, reminderSettingsSchema, type ReminderSettings } from "@/lib/domain/reminders";
import { fieldErrors } from "@/lib/domain/validation";
import { UnsavedNote, useUnsavedForm } from "./unsaved-sections";

/** The patient reminder before each confirmed visit, and the doctors' morning email. Its own form. */
export function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const formRef = useRef<HTMLFormElement>(null);
  const unsaved = useUnsavedForm("reminders", formRef);
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(updateReminderSettingsAction, {
    validate: (form) => {
      const result = reminderSettingsSchema.safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    onSuccess: unsaved.markSaved,
  });
  const morning = `${DOCTOR_DAY_FROM_HOUR}:00 AM`;

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} onChange={unsaved.onChange} className="space-y-6" aria-label="Reminders">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Reminders</CardTitle>
          <CardDescription>
            Emails we send for you before a visit. A visit booked or moved after its reminder would have gone out gets no
            reminder: its confirmation has just told the patient everything.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Checkbox
            name="visitReminders"
            defaultChecked={settings.visitReminders}
            label="Email patients a reminder before each confirmed visit"
            description="With the time, your address, your cancellation policy, a calendar invite and the link to their appointment page."
          />
          <Field
            label="Hours before the visit"
            hint={`${REMINDER_HOURS_MIN} to ${REMINDER_HOURS_MAX}. The usual is ${REMINDER_HOURS_DEFAULT}.`}
            error={errors.reminderHours}
          >
            {(props) => <Input {...props} name="reminderHours" inputMode="numeric" defaultValue={String(settings.reminderHours)} className="max-w-32" />}
          </Field>
          <Checkbox
            name="doctorDayEmail"
            defaultChecked={settings.doctorDayEmail}
            label="Email each doctor their day's visits in the morning"
            description={`Sent from ${morning} in your clinic's time zone to each doctor with visits that day: the times and the patients' first names only.`}
          />
        </CardContent>
      </Card>
      <div className="flex flex-col items-end gap-3 sm:flex-row sm:items-center sm:justify-end">
        <UnsavedNote dirty={unsaved.dirty} />
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Saving…" : "Save reminder settings"}
        </Button>
      </div>
    </form>
  );
}
