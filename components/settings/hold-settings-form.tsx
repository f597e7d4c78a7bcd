"use client";

import { updateHoldSettingsAction } from "@/components/settings/actions";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Checkbox, Field, Input } from "@/components/ui";
import { holdSettingsSchema, type HoldSettings } from "@/lib/domain/hold-settings";
import { useRef } from "react";
import { FormSummary } from "@/components/forms/form-summary";
import { UnsavedNote, useUnsavedForm } from "./unsaved-sections";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { fieldErrors } from "@/lib/domain/validation";

/** How long requested times are held, and the per-address request limit. Its own form: saved apart from the profile. */
export function HoldSettingsForm({ settings }: { settings: HoldSettings }) {
  const formRef = useRef<HTMLFormElement>(null);
  const unsaved = useUnsavedForm("requests", formRef);
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(updateHoldSettingsAction, {
    validate: (form) => {
      const result = holdSettingsSchema.safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    onSuccess: unsaved.markSaved,
  });

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} onChange={unsaved.onChange} className="space-y-6" aria-label="Requests">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Requests</CardTitle>
          <CardDescription>
            A requested time is held while you review it, and again while the patient answers or pays. A hold never lasts
            past the visit itself. Changes apply to new requests.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field label="Hold length (hours)" hint="1 to 72. The usual is 24." error={errors.holdHours}>
            {(props) => <Input {...props} name="holdHours" inputMode="numeric" defaultValue={String(settings.holdHours)} className="max-w-32" />}
          </Field>
          <Checkbox
            name="holdOpeningHoursOnly"
            defaultChecked={settings.holdOpeningHoursOnly}
            label="Count only opening hours"
            description="Hours when at least one doctor works, skipping closed days, so a request sent on Friday evening doesn't lapse over the weekend."
          />
          <Field
            label="Requests per network address per hour"
            hint="Stops one person holding many times at once. 1 to 1000; the usual is 10. Each patient may also have at most 3 requests waiting."
            error={errors.ipRequestsPerHour}
          >
            {(props) => (
              <Input {...props} name="ipRequestsPerHour" inputMode="numeric" defaultValue={String(settings.ipRequestsPerHour)} className="max-w-32" />
            )}
          </Field>
          <Checkbox
            name="requireEmailConfirmation"
            defaultChecked={settings.requireEmailConfirmation}
            label="Ask patients to confirm their email first"
            description="The request reaches you only after the patient clicks the link we email them. Until then the time is held for 30 minutes."
          />
        </CardContent>
      </Card>
      <div className="flex flex-col items-end gap-3 sm:flex-row sm:items-center sm:justify-end">
        <UnsavedNote dirty={unsaved.dirty} />
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Saving…" : "Save request settings"}
        </Button>
      </div>
    </form>
  );
}
