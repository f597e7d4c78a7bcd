"use client";

import { useEffect, useRef, useState } from "react";
import { Alert, Button } from "@/components/ui";
import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";
import { maskPhoneNumber, secondFactorStepMessage } from "@/lib/domain/second-factor";
import { PhoneNumberForm, SmsCodeForm } from "./sms-steps";

type Outcome = Awaited<ReturnType<typeof import("@/lib/client/staff-sign-in").confirmSignInCode>>;
export type SecondFactorStep = { step: "code"; phone: string } | { step: "enroll"; message: string };

// The module is already loaded: the step follows a sign-in through it.
const signInModule = () => import("@/lib/client/staff-sign-in");
const messageOf = (error: unknown) => secondFactorStepMessage(String((error as { code?: unknown })?.code ?? ""));

/**
 * The sign-in page's second step. "code": the account has a second factor,
 * so a code is texted to its phone and checked. "enroll": the clinic
 * requires one and the account has none, so the member adds a phone now (the
 * SDK's user, just signed in, stays in memory for it); no session exists
 * until the phone is on.
 */
export function SignInSecondFactor({
  config,
  step,
  onOutcome,
  onCancel,
}: {
  config: FirebaseClientConfig;
  step: SecondFactorStep;
  onOutcome: (outcome: Outcome) => void;
  onCancel: () => void;
}) {
  const recaptchaRef = useRef<HTMLDivElement>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const sentFirst = useRef(false);

  async function attempt(work: () => Promise<unknown>): Promise<string | null> {
    try {
      await work();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }
  const sendSignInCode = () => attempt(async () => (await signInModule()).sendSignInCodeForPending(config, recaptchaRef.current!));
  const sendEnrollmentCode = (phoneNumber: string) =>
    attempt(async () => (await signInModule()).sendEnrollmentCodeForPending(config, phoneNumber, recaptchaRef.current!));

  useEffect(() => {
    // Text the code as soon as the step shows (once, even when React runs effects twice in development).
    if (step.step !== "code" || sentFirst.current) return;
    sentFirst.current = true;
    void sendSignInCode().then(setSendError);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per step
  }, [step.step]);

  async function cancel() {
    await (await signInModule()).cancelSecondFactorStep(config);
    onCancel();
  }
  const cancelButton = (
    <Button type="button" variant="ghost" onClick={cancel}>
      Use another account
    </Button>
  );

  const finishWith = (confirm: (code: string) => Promise<Outcome>) => async (code: string) => {
    try {
      onOutcome(await confirm(code));
      return null;
    } catch (error) {
      return messageOf(error);
    }
  };

  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold text-slate-900">Two-step verification</h2>
      {sendError && <Alert tone="error">{sendError}</Alert>}
      {step.step === "code" ? (
        <SmsCodeForm
          intro={`We texted a 6-digit code to your phone (${step.phone}). Enter it to finish signing in.`}
          submitLabel="Verify and sign in"
          busyLabel="Checking…"
          onCode={finishWith(async (code) => (await signInModule()).confirmSignInCode(config, code))}
          onResend={sendSignInCode}
        >
          {cancelButton}
        </SmsCodeForm>
      ) : phone === null ? (
        <>
          <Alert tone="warning">{step.message}</Alert>
          <PhoneNumberForm
            submitLabel="Text me a code"
            onPhone={async (phoneNumber) => {
              const error = await sendEnrollmentCode(phoneNumber);
              if (!error) setPhone(phoneNumber);
              return error;
            }}
          >
            {cancelButton}
          </PhoneNumberForm>
        </>
      ) : (
        <SmsCodeForm
          intro={`We texted a 6-digit code to ${maskPhoneNumber(phone)}. Enter it to turn on two-step verification.`}
          submitLabel="Turn on and sign in"
          busyLabel="Turning on…"
          onCode={finishWith(async (code) => (await signInModule()).confirmEnrollment(config, code))}
          onResend={() => sendEnrollmentCode(phone)}
        >
          {cancelButton}
        </SmsCodeForm>
      )}
      {/* Where the invisible reCAPTCHA renders in production (the emulator fakes it). */}
      <div ref={recaptchaRef} />
    </div>
  );
}
