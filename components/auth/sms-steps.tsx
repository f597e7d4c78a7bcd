"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { normalizePhoneNumber, normalizeSmsCode, SECOND_FACTOR_MESSAGES } from "@/lib/domain/second-factor";

// The two small forms of two-step verification, shared by the sign-in page and
// the account page: a mobile number, and the 6-digit code texted to it. Each
// checks its input first (nothing is sent for a malformed one), and each hands
// the value to the page, which answers with an error message, or null when it
// moved on (the button keeps spinning until the page changes).

type Answer = Promise<string | null>;

function useStep() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Answer) {
    setPending(true);
    setError(null);
    const message = await work();
    if (message) {
      setError(message);
      setPending(false);
    }
  }
  return { pending, error, setError, run };
}

export function PhoneNumberForm({ submitLabel, onPhone, children }: { submitLabel: string; onPhone: (phoneNumber: string) => Answer; children?: ReactNode }) {
  const step = useStep();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = normalizePhoneNumber(String(new FormData(event.currentTarget).get("phone") ?? ""));
    if (!checked.ok) return step.setError(checked.message);
    void step.run(() => onPhone(checked.phoneNumber));
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <Field label="Mobile number" hint="With its country code, like +1 555 010 0199. We text a code to it each time you sign in." error={step.error ?? undefined}>
        {(props) => <Input {...props} name="phone" type="tel" autoComplete="tel" inputMode="tel" required />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={step.pending} disabled={step.pending}>
          {step.pending ? "Sending a code…" : submitLabel}
        </Button>
        {children}
      </div>
    </form>
  );
}

export function SmsCodeForm({
  intro,
  submitLabel,
  busyLabel,
  onCode,
  onResend,
  children,
}: {
  intro: ReactNode;
  submitLabel: string;
  busyLabel: string;
  onCode: (code: string) => Answer;
  onResend: () => Answer;
  children?: ReactNode;
}) {
  const step = useStep();
  const [resent, setResent] = useState(false);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = normalizeSmsCode(String(new FormData(event.currentTarget).get("code") ?? ""));
    if (!code) return step.setError(SECOND_FACTOR_MESSAGES.missingCode);
    void step.run(() => onCode(code));
  }
  async function resend() {
    setResent(false);
    step.setError(null);
    const message = await onResend();
    if (message) step.setError(message);
    else setResent(true);
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {resent ? <Alert tone="info">We sent a new code.</Alert> : <p className="text-base text-slate-700">{intro}</p>}
      <Field label="Code from the text message" error={step.error ?? undefined}>
        {(props) => (
          <Input {...props} name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={8} required className="max-w-40 tracking-widest" />
        )}
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={step.pending} disabled={step.pending}>
          {step.pending ? busyLabel : submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={resend} disabled={step.pending}>
          Send a new code
        </Button>
        {children}
      </div>
    </form>
  );
}
