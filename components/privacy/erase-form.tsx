"use client";

import { erasePatientAction } from "@/components/privacy/actions";
import { FormSummary } from "@/components/forms/form-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button, Checkbox } from "@/components/ui";

/** Erase one patient's data: a confirmation box, then the verb; then `onErased` shows what is left. */
export function EraseForm({ email, onErased }: { email: string; onErased: () => void }) {
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(erasePatientAction, { onSuccess: onErased });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Erase this patient's data" className="space-y-4">
      <FormSummary message={message} summaryRef={summaryRef} />
      <input type="hidden" name="email" value={email} />
      <Checkbox
        name="confirm"
        label="I understand this can't be undone"
        description="Names, contact details, reasons and visit notes are replaced, and the emails deleted. Dates, amounts and Stripe ids stay."
        aria-invalid={errors.confirm ? true : undefined}
      />
      {errors.confirm && <p className="text-sm text-red-700">{errors.confirm}</p>}
      <Button type="submit" variant="danger" loading={pending}>
        {pending ? "Erasing…" : "Erase this patient's data"}
      </Button>
    </form>
  );
}
