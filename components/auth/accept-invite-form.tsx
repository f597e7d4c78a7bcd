"use client";

import { acceptAsExistingUserAction, acceptAsNewUserAction } from "@/components/auth/invite-actions";
import { Button, Field, Input } from "@/components/ui";
import { checkAcceptInvite } from "@/lib/domain/sign-in-check";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";

/** Accepting an invite: a new person picks a name and password; someone with an account enters theirs. */
export function AcceptInviteForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const action = (hasAccount ? acceptAsExistingUserAction : acceptAsNewUserAction).bind(null, token);
  const { pending, errors, message, onSubmit, summaryRef, formAction } = useFormAction(action, {
    validate: (form) => checkAcceptInvite(formValues(form), hasAccount),
    toastSuccess: false,
  });
  return (
    <form noValidate onSubmit={onSubmit} action={formAction} className="space-y-5">
      <FormSummary message={message} summaryRef={summaryRef} />
      <Field label="Email" hint="The invite is for this address.">
        {(props) => <Input {...props} name="username" type="email" value={email} readOnly autoComplete="username" />}
      </Field>
      {!hasAccount && (
        <Field label="Your name" hint="As your colleagues will see it." error={errors.name}>
          {(props) => <Input {...props} name="name" autoComplete="name" maxLength={100} />}
        </Field>
      )}
      <Field
        label={hasAccount ? "Your password" : "Choose a password"}
        hint={hasAccount ? "You already have an account. Enter its password to join." : "At least 8 characters."}
        error={errors.password}
      >
        {(props) => (
          <Input {...props} name="password" type="password" autoComplete={hasAccount ? "current-password" : "new-password"} />
        )}
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        {pending ? "Joining…" : hasAccount ? "Sign in and join" : "Create account and join"}
      </Button>
    </form>
  );
}
