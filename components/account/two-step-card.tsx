"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useSignInDocument } from "@/components/auth/use-sign-in-document";
import { PhoneNumberForm, SmsCodeForm } from "@/components/auth/sms-steps";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "@/components/ui";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { maskPhoneNumber, secondFactorStepMessage, SECOND_FACTOR_MESSAGES } from "@/lib/domain/second-factor";

type Security = { phones: { id: string; masked: string }[]; providers: string[]; clinicRequiresSecondFactor: boolean };
type Goal = "on" | "off";
type Phase =
  | { kind: "idle" }
  | { kind: "confirm"; goal: Goal }
  | { kind: "confirm-code"; goal: Goal; phone: string }
  | { kind: "phone" }
  | { kind: "code"; phone: string };

// The SDK loads on the first click, not with the page.
const sdk = () => import("@/lib/client/account-security");
const messageOf = (error: unknown) => secondFactorStepMessage(String((error as { code?: unknown })?.code ?? ""));

/**
 * Two-step verification for the member's own account: whether it is on (the
 * phone's last four digits), turning it on (confirm it's you, a mobile number,
 * the texted code) and off. A clinic that requires it offers no "turn off".
 */
export function TwoStepCard({ config, uid, email, security }: { config: FirebaseClientConfig; uid: string; email: string; security: Security }) {
  useSignInDocument(); // this page's CSP is what lets the SDK reach Firebase Auth
  const router = useRouter();
  const recaptchaRef = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const on = security.phones.length > 0;

  async function attempt(work: () => Promise<string | null | void>): Promise<string | null> {
    try {
      return (await work()) ?? null;
    } catch (failure) {
      return messageOf(failure);
    }
  }

  function start(goal: Goal) {
    setDone(null);
    setError(null);
    setPhase({ kind: "confirm", goal });
  }

  async function cancel() {
    await (await sdk()).forgetConfirmation(config);
    setError(null);
    setPhase({ kind: "idle" });
  }

  function finished(text: string) {
    setPhase({ kind: "idle" });
    setDone(text);
    router.refresh();
  }

  /** After confirming it's them: the code step, or on to the change itself. */
  async function afterConfirm(goal: Goal, outcome: Awaited<ReturnType<Awaited<ReturnType<typeof sdk>>["confirmWithPassword"]>> | null): Promise<string | null> {
    if (!outcome) return null;
    if ("step" in outcome) {
      setPhase({ kind: "confirm-code", goal, phone: outcome.phone });
      return attempt(async () => (await sdk()).sendConfirmationCode(config, recaptchaRef.current!));
    }
    if (!outcome.ok) return outcome.message;
    if (goal === "on") {
      setPhase({ kind: "phone" });
      return null;
    }
    const failure = await attempt(async () => (await sdk()).removePhones(config));
    if (!failure) finished("Two-step verification is off. You'll sign in with your password or Google alone.");
    return failure;
  }

  async function confirmPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.kind !== "confirm") return;
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(await attempt(async () => afterConfirm(phase.goal, await (await sdk()).confirmWithPassword(config, uid, email, password))));
    setBusy(false);
  }

  async function confirmGoogle() {
    if (phase.kind !== "confirm") return;
    setBusy(true);
    setError(await attempt(async () => afterConfirm(phase.goal, await (await sdk()).confirmWithGoogle(config, uid))));
    setBusy(false);
  }

  const cancelButton = (
    <Button type="button" variant="ghost" onClick={cancel}>
      Cancel
    </Button>
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          Two-step verification{" "}
          <Badge tone={on ? "teal" : "gray"}>{on ? "On" : "Off"}</Badge>
        </CardTitle>
        <CardDescription>
          After your password or Google, we text a 6-digit code to your mobile phone, so a stolen password alone can&apos;t open your
          clinic&apos;s patient records.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {done && <Alert tone="success">{done}</Alert>}
        {error && <Alert tone="error">{error}</Alert>}
        {phase.kind === "idle" && (
          <>
            {on ? (
              <p className="text-base text-slate-700">
                Codes go to {security.phones.map((phone) => phone.masked).join(", ")}.
                {security.clinicRequiresSecondFactor && " Your clinic requires two-step verification, so it stays on."}
              </p>
            ) : (
              security.clinicRequiresSecondFactor && <p className="text-base text-slate-700">Your clinic requires two-step verification.</p>
            )}
            {!on && <Button onClick={() => start("on")}>Turn on two-step verification</Button>}
            {on && !security.clinicRequiresSecondFactor && (
              <Button variant="secondary" onClick={() => start("off")}>
                Turn off
              </Button>
            )}
          </>
        )}
        {phase.kind === "confirm" && (
          <div className="space-y-4">
            <p className="text-base text-slate-700">{SECOND_FACTOR_MESSAGES.recentSignIn}</p>
            {security.providers.includes("password") && (
              <form noValidate onSubmit={confirmPassword} className="space-y-4">
                <Field label="Your password">
                  {(props) => <Input {...props} name="password" type="password" autoComplete="current-password" required />}
                </Field>
                <div className="flex flex-wrap gap-3">
                  <Button type="submit" loading={busy} disabled={busy}>
                    {busy ? "Checking…" : "Continue"}
                  </Button>
                  {!security.providers.includes("google.com") && cancelButton}
                </div>
              </form>
            )}
            {security.providers.includes("google.com") && (
              <div className="flex flex-wrap gap-3">
                <Button variant="secondary" onClick={confirmGoogle} loading={busy} disabled={busy}>
                  Continue with Google
                </Button>
                {cancelButton}
              </div>
            )}
          </div>
        )}
        {phase.kind === "confirm-code" && (
          <SmsCodeForm
            intro={`We texted a 6-digit code to your phone (${phase.phone}).`}
            submitLabel="Continue"
            busyLabel="Checking…"
            onCode={(code) => attempt(async () => afterConfirm(phase.goal, await (await sdk()).confirmWithCode(config, uid, code)))}
            onResend={() => attempt(async () => (await sdk()).sendConfirmationCode(config, recaptchaRef.current!))}
          >
            {cancelButton}
          </SmsCodeForm>
        )}
        {phase.kind === "phone" && (
          <PhoneNumberForm
            submitLabel="Text me a code"
            onPhone={async (phoneNumber) => {
              const failure = await attempt(async () => (await sdk()).sendNewPhoneCode(config, phoneNumber, recaptchaRef.current!));
              if (!failure) setPhase({ kind: "code", phone: phoneNumber });
              return failure;
            }}
          >
            {cancelButton}
          </PhoneNumberForm>
        )}
        {phase.kind === "code" && (
          <SmsCodeForm
            intro={`We texted a 6-digit code to ${maskPhoneNumber(phase.phone)}. Enter it to turn on two-step verification.`}
            submitLabel="Turn on"
            busyLabel="Turning on…"
            onCode={async (code) => {
              const failure = await attempt(async () => (await sdk()).addPhone(config, code));
              if (!failure) finished(`Two-step verification is on. We'll text a code to ${maskPhoneNumber(phase.phone)} each time you sign in.`);
              return failure;
            }}
            onResend={() => attempt(async () => (await sdk()).sendNewPhoneCode(config, phase.phone, recaptchaRef.current!))}
          >
            {cancelButton}
          </SmsCodeForm>
        )}
        {/* Where the invisible reCAPTCHA renders in production (the emulator fakes it). */}
        <div ref={recaptchaRef} />
      </CardContent>
    </Card>
  );
}
