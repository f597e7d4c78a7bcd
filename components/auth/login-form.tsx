"use client";

import Link from "next/link";
import { useActionState, useRef, useState, type FormEvent } from "react";
import { signInAction } from "@/components/auth/sign-in-actions";
import { linkClasses } from "./auth-shell";
import { Alert, Button, Card, CardContent, Field, Input } from "@/components/ui";
import { checkSignIn } from "@/lib/domain/sign-in-check";

type Errors = Record<string, string>;

/**
 * Email and password, posted as JSON to /api/session, which sets the session
 * cookie. Then a full page load of the dashboard, so every server component
 * sees the new cookie. Without JavaScript the browser posts the form to
 * `signInAction` instead (never a GET with the password in the URL); its
 * refusal comes back through useActionState in the page the post answers with.
 */
export function LoginForm({ notice }: { notice?: { tone: "info" | "warning" | "error"; text: string } }) {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const [refusedWithoutScript, signInWithoutScript] = useActionState(signInAction, null);
  const refusal = refusedWithoutScript && !refusedWithoutScript.ok ? refusedWithoutScript : null;
  const shownMessage = message ?? refusal?.message ?? null;
  const shownErrors = Object.keys(errors).length > 0 ? errors : (refusal?.fields ?? {});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The server's rules and words, checked without zod (sign-in-check.ts).
    const checked = checkSignIn({ email: form.get("email"), password: form.get("password") });
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage(null);
      return;
    }
    setPending(true);
    setErrors({});
    setMessage(null);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(checked.data),
      });
      const body = (await response.json().catch(() => null)) as
        | { ok: true; redirectTo: string }
        | { error: { message: string; fields?: Errors } }
        | null;
      if (response.ok && body && "ok" in body) {
        window.location.assign(body.redirectTo);
        return; // keep the spinner until the dashboard loads
      }
      const error = body && "error" in body ? body.error : null;
      setMessage(error?.message ?? "Something went wrong on our side. Please try again.");
      setErrors(error?.fields ?? {});
    } catch {
      setMessage("We couldn't reach the server. Check your connection and try again.");
    }
    setPending(false);
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  return (
    <Card>
      <CardContent className="pt-5 sm:pt-6">
        <form noValidate onSubmit={onSubmit} action={signInWithoutScript} className="space-y-5">
          {shownMessage ? (
            <div ref={alertRef} tabIndex={-1} className="outline-none">
              <Alert tone="error">{shownMessage}</Alert>
            </div>
          ) : (
            notice && (
              <Alert tone={notice.tone} role="status">
                {notice.text}
              </Alert>
            )
          )}
          <Field label="Email" error={shownErrors.email}>
            {(props) => <Input {...props} name="email" type="email" autoComplete="username" inputMode="email" required />}
          </Field>
          <Field
            label="Password"
            error={shownErrors.password}
            hint={
              <Link href="/login/forgot" className={linkClasses}>
                Forgot password?
              </Link>
            }
          >
            {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
          </Field>
          <Button type="submit" loading={pending} className="w-full">
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
