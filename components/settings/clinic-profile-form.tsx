"use client";

import { updateClinicProfileAction } from "@/components/settings/actions";
import { useRef, useState } from "react";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, Textarea } from "@/components/ui";
import { clinicProfileSchema } from "@/lib/domain/clinic-settings";
import type { CurrencyCode } from "@/lib/domain/money";
import { describeZoneChange } from "@/lib/domain/zone-change";
import { FeeFields } from "./fee-fields";
import { ContactFields } from "./contact-fields";
import { FormSummary } from "@/components/forms/form-summary";
import { TimeZoneField } from "./time-zone-field";
import { UnsavedNote, useUnsavedForm } from "./unsaved-sections";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { fieldErrors } from "@/lib/domain/validation";

export interface ClinicProfileDefaults {
  slug: string;
  name: string;
  description: string;
  address: string;
  phone: string;
  email: string;
  timezone: string;
  currency: CurrencyCode;
  fee: string;
}

export function ClinicProfileForm({
  settings,
  timeZones,
  upcomingAppointments,
}: {
  settings: ClinicProfileDefaults;
  timeZones: string[];
  /** The clinic's appointments still ahead (countUpcomingAppointments), for the time-zone notice. */
  upcomingAppointments: number;
}) {
  // The zone the field resolves to; a change is explained before it is saved.
  const [zone, setZone] = useState<string | null>(settings.timezone);
  const [now] = useState(() => Date.now());
  const zoneChange = zone ? describeZoneChange(settings.timezone, zone, upcomingAppointments, now) : null;
  const formRef = useRef<HTMLFormElement>(null);
  const unsaved = useUnsavedForm("profile", formRef);
  const { pending, errors, message, onSubmit, summaryRef, formAction } = useFormAction(updateClinicProfileAction, {
    validate: (form) => {
      const result = clinicProfileSchema.safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    onSuccess: unsaved.markSaved,
  });

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} onChange={unsaved.onChange} action={formAction} className="space-y-6">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>
            Your booking link is <span className="font-medium text-slate-900">/book/{settings.slug}</span>. It can&apos;t
            be changed, because patients already have it.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field label="Clinic name" error={errors.name}>
            {(props) => <Input {...props} name="name" defaultValue={settings.name} maxLength={80} />}
          </Field>
          <Field label="Description" optional hint="A sentence or two about the clinic, shown under its name." error={errors.description}>
            {(props) => <Textarea {...props} name="description" defaultValue={settings.description} maxLength={500} rows={3} showCount />}
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Fee and time zone</CardTitle>
          <CardDescription>A new fee applies to new requests. Existing appointments keep the fee they were booked with.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <FeeFields errors={errors} defaultCurrency={settings.currency} defaultFee={settings.fee} />
          <TimeZoneField timeZones={timeZones} defaultValue={settings.timezone} error={errors.timezone} onZoneChange={setZone} />
          {zoneChange && (
            <Alert tone="warning" title={zoneChange.title} data-testid="zone-change">
              <p>{zoneChange.hours}</p>
              <p className="mt-1">{zoneChange.appointments}</p>
            </Alert>
          )}
        </CardContent>
      </Card>

      <ContactFields errors={errors} defaults={settings} />

      <div className="flex flex-col items-end gap-3 sm:flex-row sm:items-center sm:justify-end">
        <UnsavedNote dirty={unsaved.dirty} />
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
