"use client";

import { useRef } from "react";
import { closeClinicDatesAction } from "@/components/closures/actions";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "@/components/ui";
import { CLOSURE_LIMITS, closeDatesSchema } from "@/lib/domain/clinic-closures";
import { fieldErrors } from "@/lib/domain/validation";

/**
 * Close the whole clinic on one day or a run of days, with an optional note
 * for patients. Checked here with the server's own schema (as of the
 * clinic's today), then by the server again.
 */
export function CloseDatesForm({ today, last }: { today: string; last: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(closeClinicDatesAction, {
    validate: (form) => {
      const result = closeDatesSchema(today).safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    onSuccess: (_result, form) => form.reset(),
  });

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6" aria-label="Close the clinic">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Close the clinic</CardTitle>
          <CardDescription>
            No doctor can be booked on these days, whatever their hours. Appointments already on them stay as they are:
            they are listed below for you to move or cancel.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="First day" error={errors.from}>
              {(props) => <Input {...props} name="from" type="date" min={today} max={last} required />}
            </Field>
            <Field label="Last day" optional hint={`Leave empty for one day; at most ${CLOSURE_LIMITS.daysPerStep} days.`} error={errors.to}>
              {(props) => <Input {...props} name="to" type="date" min={today} max={last} />}
            </Field>
          </div>
          <Field label="Note for patients" optional hint="Shown on your booking pages, e.g. “Staff training day”." error={errors.note}>
            {(props) => <Input {...props} name="note" maxLength={CLOSURE_LIMITS.note} showCount />}
          </Field>
          <Button type="submit" loading={pending}>
            {pending ? "Closing…" : "Close the clinic"}
          </Button>
        </CardContent>
      </Card>
    </form>
  );
}
