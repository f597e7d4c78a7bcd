"use client";

import { updateRetentionAction } from "@/components/privacy/actions";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "@/components/ui";
import { retentionSettingsSchema, type RetentionSettings } from "@/lib/domain/privacy/retention";
import { fieldErrors } from "@/lib/domain/validation";

/** How long personal data is kept: requests that never became a visit, and visits. */
export function RetentionForm({ settings }: { settings: RetentionSettings }) {
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(updateRetentionAction, {
    validate: (form) => {
      const result = retentionSettingsSchema.safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Retention" className="space-y-4">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Retention</CardTitle>
          <CardDescription>
            Past these periods, a daily job erases the patient&apos;s name, contact details, reason and notes, and deletes the emails. Dates,
            amounts and Stripe ids stay for your books.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field label="Requests that never became a visit (days)" hint="Declined, cancelled or expired; counted from when they ended. 1 to 3650; the usual is 90." error={errors.requestDays}>
            {(props) => <Input {...props} name="requestDays" inputMode="numeric" defaultValue={String(settings.requestDays)} className="max-w-32" />}
          </Field>
          <Field
            label="Visits (years)"
            optional
            hint="Counted from the visit. Leave blank to keep visits until you decide: the law on medical records differs by country."
            error={errors.visitYears}
          >
            {(props) => <Input {...props} name="visitYears" inputMode="numeric" defaultValue={settings.visitYears === null ? "" : String(settings.visitYears)} className="max-w-32" />}
          </Field>
        </CardContent>
      </Card>
      <div className="flex justify-end">
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Saving…" : "Save retention periods"}
        </Button>
      </div>
    </form>
  );
}
