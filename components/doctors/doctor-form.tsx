"use client";

import { Button, Field, Input, Textarea } from "@/components/ui";
import { doctorProfileSchema, LIMITS } from "@/lib/domain/clinic-settings";
import { doctorSlugFieldSchema } from "@/lib/domain/doctor-slug";
import type { ActionResult } from "@/lib/domain/action-result";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { fieldErrors } from "@/lib/domain/validation";

export interface DoctorFormValues {
  id?: string;
  name: string;
  specialty: string;
  bio: string;
  /** The booking-page address; shown (and editable) only for an existing doctor. */
  slug?: string;
}

/** Name, specialty and bio: adding a doctor, an admin editing one, or a doctor editing themselves. */
export function DoctorForm<T>({
  action,
  doctor,
  submitLabel,
  onDone,
  footer,
}: {
  action: (form: FormData) => Promise<ActionResult<T>>;
  doctor?: DoctorFormValues;
  submitLabel: string;
  onDone?: () => void;
  /** Extra buttons next to the submit button (e.g. Cancel in a dialog). */
  footer?: React.ReactNode;
}) {
  const { pending, errors, message, onSubmit, summaryRef, formAction } = useFormAction(action, {
    validate: (form) => {
      const values = formValues(form);
      const result = doctorProfileSchema.safeParse(values);
      const slug = doctorSlugFieldSchema.safeParse(values);
      const issues = [...(result.success ? [] : result.error.issues), ...(slug.success ? [] : slug.error.issues)];
      return issues.length === 0 ? null : fieldErrors(issues);
    },
    onSuccess: (_result, form) => {
      if (!doctor) form.reset();
      onDone?.();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} action={formAction} className="space-y-5">
      <FormSummary message={message} summaryRef={summaryRef} />
      {doctor?.id && <input type="hidden" name="doctorId" value={doctor.id} />}
      <Field label="Name" hint="As patients should see it, e.g. Dr. Amara Okafor." error={errors.name}>
        {(props) => <Input {...props} name="name" defaultValue={doctor?.name} maxLength={LIMITS.personName} autoComplete="off" />}
      </Field>
      {doctor?.slug !== undefined && (
        <Field
          label="Booking page address"
          hint="The end of this doctor's booking link, e.g. dr-amara-okafor. Links with the old address keep working."
          error={errors.slug}
        >
          {(props) => <Input {...props} name="slug" defaultValue={doctor.slug} maxLength={40} autoComplete="off" spellCheck={false} />}
        </Field>
      )}
      <Field label="Specialty" hint="e.g. Family medicine, Paediatrics." error={errors.specialty}>
        {(props) => <Input {...props} name="specialty" defaultValue={doctor?.specialty} maxLength={LIMITS.specialty} />}
      </Field>
      <Field label="Bio" optional hint="A few words patients read before choosing." error={errors.bio}>
        {(props) => <Textarea {...props} name="bio" defaultValue={doctor?.bio} maxLength={LIMITS.bio} rows={4} showCount />}
      </Field>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        {footer}
        <Button type="submit" loading={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
