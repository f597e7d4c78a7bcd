"use client";

import { FormSummary } from "@/components/forms/form-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Checkbox } from "@/components/ui";
import { ACCOUNT_PAGE } from "@/lib/http/security-headers";
import { setSecondFactorRequirementAction } from "./second-factor-actions";

/** Whether every member must sign in with two-step verification. Saved on its own. */
export function SecondFactorForm({ required }: { required: boolean }) {
  const { pending, message, onSubmit, summaryRef } = useFormAction(setSecondFactorRequirementAction);
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label="Sign-in security">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Card>
        <CardHeader>
          <CardTitle>Sign-in security</CardTitle>
          <CardDescription>
            With two-step verification, signing in also needs a code texted to the member&apos;s mobile phone. Each member sets it up on{" "}
            <a href={ACCOUNT_PAGE} className="font-medium text-primary-800 underline underline-offset-2">
              their account page
            </a>
            ; turn it on for yourself there before requiring it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Checkbox
            name="requireSecondFactor"
            defaultChecked={required}
            label="Require two-step verification for everyone"
            description="Members without it are signed out of the dashboard at their next click and set it up when they sign in again."
          />
        </CardContent>
      </Card>
      <div className="flex justify-end">
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Saving…" : "Save sign-in security"}
        </Button>
      </div>
    </form>
  );
}
