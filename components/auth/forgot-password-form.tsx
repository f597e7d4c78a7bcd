"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { Alert, Button, Card, CardContent, Field, Input } from "@/components/ui";
import { FormSummary } from "@/components/forms/form-summary";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { checkPasswordReset } from "@/lib/domain/sign-in-check";
import { PASSWORD_RESET_MESSAGES, passwordResetOutcome } from "@/lib/domain/sign-in-messages";
import { linkClasses } from "./auth-shell";
import { useSignInDocument } from "./use-sign-in-document";

/**
 * Asks Firebase Auth (the client SDK's sendPasswordResetEmail) to email a
 * reset link. The reply is the same for every email (it never says whether
 * there is an account). On the local emulators nothing is emailed: the note
 * points at the dev mailbox, which shows the links the Auth emulator keeps.
 */
export function ForgotPasswordForm({ config, devMailbox }: { config: FirebaseClientConfig; devMailbox: boolean }) {
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useSignInDocument();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim().toLowerCase();
    const problems = checkPasswordReset({ email });
    setErrors(problems);
    setMessage(null);
    if (Object.keys(problems).length > 0) return;
    setPending(true);
    let code = "";
    try {
      await (await import("@/lib/client/staff-sign-in")).sendPasswordReset(config, email);
    } catch (error) {
      code = String((error as { code?: unknown })?.code ?? "unknown");
    }
    setPending(false);
    const outcome = passwordResetOutcome(code);
    if (outcome === "sent") {
      setSent(email);
      return;
    }
    setErrors(outcome.field ? { email: outcome.message } : {});
    setMessage(outcome.message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  return (
    <Card>
      <CardContent className="space-y-5 pt-5 sm:pt-6">
        <noscript>
          <Alert tone="warning">Resetting your password needs JavaScript. Turn it on in your browser, then reload this page.</Alert>
        </noscript>
        {sent && (
          <Alert tone="success" title="Check your email">
            <p>{PASSWORD_RESET_MESSAGES.sent}</p>
            {devMailbox && (
              <p className="mt-2 text-sm">
                Local emulators: no email leaves this machine. If the account exists, the link is in the{" "}
                <Link href={`/dev/mailbox?to=${encodeURIComponent(sent)}`} className={linkClasses}>
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
