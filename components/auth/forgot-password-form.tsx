"use client";

import Link from "next/link";
import { useState } from "react";
import { requestPasswordResetAction } from "@/components/auth/password-reset-actions";
import { Alert, Button, Card, CardContent, Field, Input } from "@/components/ui";
import { checkPasswordReset } from "@/lib/domain/sign-in-check";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { linkClasses } from "./auth-shell";

/**
 * Asks for a reset link. The reply is the same for every email (it never says
 * whether there is an account). On the local emulators nothing is emailed:
 * the note points at the dev mailbox, where the server copied the link.
 */
export function ForgotPasswordForm({ devMailbox }: { devMailbox: boolean }) {
  const [sent, setSent] = useState<{ email: string; message: string } | null>(null);
  const { pending, errors, message, onSubmit, summaryRef } = useFormAction(requestPasswordResetAction, {
    validate: (form) => checkPasswordReset(formValues(form)),
    toastSuccess: false,
    onSuccess: (result, form) => setSent({ email: String(new FormData(form).get("email") ?? "").trim(), message: result.message }),
  });

  return (
    <Card>
      <CardContent className="space-y-5 pt-5 sm:pt-6">
        {sent && (
          <Alert tone="success" title="Check your email">
            <p>{sent.message}</p>
            {devMailbox && (
              <p className="mt-2 text-sm">
                Local emulators: no email leaves this machine. If the account exists, the link is in the{" "}
                <Link href={`/dev/mailbox?to=${encodeURIComponent(sent.email)}`} className={linkClasses}>
                  dev mailbox
                </Link>
                .
              </p>
            )}
          </Alert>
        )}
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <FormSummary message={message} summaryRef={summaryRef} />
          <Field label="Email" error={errors.email}>
            {(props) => <Input {...props} name="email" type="email" autoComplete="username" inputMode="email" required />}
          </Field>
          <Button type="submit" loading={pending} className="w-full">
            {pending ? "Sending…" : sent ? "Send the link again" : "Send reset link"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
