"use client";

import { useRef, useState } from "react";
import { updateCancellationPolicyAction } from "@/components/settings/cancellation-policy-actions";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Checkbox, Field, Input, Select } from "@/components/ui";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { FREE_HOURS_MAX, cancellationPolicySchema, policyWords, type CancellationPolicy, type LateCancellation } from "@/lib/domain/cancellation-policy";
import { centsToInput, parseMoneyInput, type CurrencyCode } from "@/lib/domain/money";
import { fieldErrors } from "@/lib/domain/validation";
import { UnsavedNote, useUnsavedForm } from "./unsaved-sections";

const LATE_LABELS: Record<LateCancellation, string> = {
  no_refund: "No refund",
  keep_part: "Keep part, refund the rest",
  full_refund: "Full refund anyway",
};

/** The clinic's cancellation policy: its own form, saved apart from the profile. Patients read it before they pay. */
export function CancellationPolicyForm({ policy, currency, feeCents }: { policy: CancellationPolicy; currency: CurrencyCode; feeCents: number }) {
  const formRef = useRef<HTMLFormElement>(null);
  const unsaved = useUnsavedForm("cancellation", formRef);
  const [draft, setDraft] = useState(policy);
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(updateCancellationPolicyAction, {
    validate: (form) => {
      const result = cancellationPolicySchema(currency).safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    onSuccess: unsaved.markSaved,
  });

  // The sentence patients will read, as the form stands (unparsable input keeps the last good preview).
  const preview = () => {
    const form = formRef.current;
    if (!form) return;
    const values = formValues(new FormData(form)) as Record<string, string | undefined>;
    const hours = Number(values.freeHours);
    const kept = parseMoneyInput(values.keepAmount ?? "", currency);
    setDraft({
      freeHours: Number.isSafeInteger(hours) && hours >= 0 && hours <= FREE_HOURS_MAX ? hours : draft.freeHours,
      late: (values.late as LateCancellation) ?? draft.late,
      keepCents: kept.ok ? kept.cents : draft.keepCents,
      movesWithoutReview: values.movesWithoutReview === "on",
    });
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      onChange={() => {
        unsaved.onChange();
        preview();
      }}
      className="space-y-6"
      aria-label="Cancellation policy"
    >
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Cancellation policy</CardTitle>
          <CardDescription>
            Patients can cancel or move a confirmed visit from their status page. They read this policy before they pay, and it
            applies to visits requested after you save it.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field label="Free cancellation up to (hours before the visit)" hint={`0 to ${FREE_HOURS_MAX}. The usual is 24.`} error={errors.freeHours}>
            {(props) => <Input {...props} name="freeHours" inputMode="numeric" defaultValue={String(policy.freeHours)} className="max-w-32" />}
          </Field>
          <Field label="After that" error={errors.late}>
            {(props) => (
              <Select {...props} name="late" defaultValue={policy.late} className="max-w-sm">
                {(Object.keys(LATE_LABELS) as LateCancellation[]).map((late) => (
                  <option key={late} value={late}>
                    {LATE_LABELS[late]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {draft.late === "keep_part" && (
            <Field label={`Amount kept (${currency})`} hint="The rest of what the patient paid is refunded." error={errors.keepAmount}>
              {(props) => (
                <Input {...props} name="keepAmount" inputMode="decimal" defaultValue={policy.keepCents > 0 ? centsToInput(policy.keepCents, currency) : ""} className="max-w-32" />
              )}
            </Field>
          )}
          <Checkbox
            name="movesWithoutReview"
            defaultChecked={policy.movesWithoutReview}
            label="Let patients move a visit without review"
            description="Inside the free cancellation window, a move to another free time of the same doctor is confirmed at once. Otherwise you approve each move."
          />
          <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700" aria-live="polite">
            Patients read: {policyWords(draft, feeCents, currency)}
          </p>
        </CardContent>
      </Card>
      <div className="flex flex-col items-end gap-3 sm:flex-row sm:items-center sm:justify-end">
        <UnsavedNote dirty={unsaved.dirty} />
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Saving…" : "Save cancellation policy"}
        </Button>
      </div>
    </form>
  );
}
