"use client";

import Link from "next/link";
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { linkClasses } from "./auth-shell";
import { SignInSecondFactor, type SecondFactorStep } from "./sign-in-second-factor";
import { useSignInDocument } from "./use-sign-in-document";
import { Alert, Button, Card, CardContent, Field, Input } from "@/components/ui";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { checkSignIn } from "@/lib/domain/sign-in-check";
import { signInErrorMessage } from "@/lib/domain/sign-in-messages";

type Errors = Record<string, string>;
type Outcome = Awaited<ReturnType<typeof import("@/lib/client/staff-sign-in").signInWithPassword>>;

// The SDK (lib/client/staff-sign-in.ts) is fetched on first use, so the page
// paints and hydrates without it.
const signInModule = () => import("@/lib/client/staff-sign-in");
const noSubscription = () => () => {};

/**
 * Signs in in the browser with the Firebase client SDK, by email and password
 * or with Google, and hands the ID token to /api/session, which sets the
 * session cookie; then a full page load of the dashboard. No form posts a
 * password: without JavaScript the fields stay disabled and the page says
 * signing in needs JavaScript.
 */
export function LoginForm({
  config,
  notice,
}: {
  config: FirebaseClientConfig;
  notice?: { tone: "info" | "warning" | "error"; text: string };
}) {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<"password" | "google" | null>(null);
  const [secondFactor, setSecondFactor] = useState<SecondFactorStep | null>(null);
  // False in the server's HTML (so without JavaScript the fields stay disabled), true once hydrated.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const alertRef = useRef<HTMLDivElement>(null);
  useSignInDocument();

  function refuse(text: string | null) {
    setPending(null);
    setMessage(text);
    if (text) requestAnimationFrame(() => alertRef.current?.focus());
  }

  async function finish(run: () => Promise<Outcome | null>) {
    setErrors({});
    setMessage(null);
    let outcome: Outcome | null;
    try {
      outcome = await run();
    } catch (error) {
      return refuse(signInErrorMessage(String((error as { code?: unknown })?.code ?? "")));
    }
    settle(outcome);
  }

  /** Where a sign-in (or its second step) ended: the next page, the second step, or a message on the form. */
  function settle(outcome: Outcome | null) {
    if (!outcome) return refuse(null);
    if (outcome.ok || ("redirectTo" in outcome && outcome.redirectTo)) {
      window.location.assign(outcome.redirectTo!);
      return; // keep the spinner until the next page loads
    }
    if ("step" in outcome) {
      setPending(null);
      setSecondFactor(outcome);
      return;
    }
    setSecondFactor(null);
    setErrors(outcome.fields ?? {});
    refuse(outcome.message);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The rules and words of the server's schemas, checked without zod (sign-in-check.ts).
    const checked = checkSignIn({ email: form.get("email"), password: form.get("password") });
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage(null);
      return;
    }
    setPending("password");
    await finish(async () => (await signInModule()).signInWithPassword(config, checked.data.email, checked.data.password));
  }

  async function onGoogle() {
    setPending("google");
    await finish(async () => (await signInModule()).signInWithGoogle(config));
  }

  if (secondFactor) {
    return (
      <Card>
        <CardContent className="pt-5 sm:pt-6">
          <SignInSecondFactor config={config} step={secondFactor} onOutcome={settle} onCancel={() => setSecondFactor(null)} />
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardContent className="space-y-5 pt-5 sm:pt-6">
        <noscript>
          <Alert tone="warning">Signing in needs JavaScript. Turn it on in your browser, then reload this page.</Alert>
        </noscript>
        {/* No action: the submit handler is the only way in, and without JavaScript the fieldset stays disabled. */}
        <form noValidate onSubmit={onSubmit} className="space-y-5">
          <fieldset disabled={!scripted} className="space-y-5">
            {message ? (
              <div ref={alertRef} tabIndex={-1} className="outline-none">
                <Alert tone="error">{message}</Alert>
              </div>
            ) : (
              notice && (
                <Alert tone={notice.tone} role="status">
                  {notice.text}
                </Alert>
              )
            )}
            <Field label="Email" error={errors.email}>
              {(props) => <Input {...props} name="email" type="email" autoComplete="username" inputMode="email" required />}
            </Field>
            <Field
              label="Password"
              error={errors.password}
              hint={
                <Link href="/login/forgot" className={linkClasses}>
                  Forgot password?
                </Link>
              }
            >
              {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
            </Field>
            <Button type="submit" loading={pending === "password"} disabled={pending !== null} className="w-full">
              {pending === "password" ? "Signing in…" : "Sign in"}
            </Button>
          </fieldset>
        </form>
        <div className="space-y-3">
          <p className="text-center text-sm text-slate-600" aria-hidden="true">
            or
          </p>
          <Button variant="secondary" loading={pending === "google"} disabled={!scripted || pending !== null} onClick={onGoogle} className="w-full">
            {pending === "google" ? "Continuing with Google…" : "Continue with Google"}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
