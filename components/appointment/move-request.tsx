"use client";

import { useState } from "react";
import { Alert, Button, toast } from "@/components/ui";
import { unreachable } from "@/lib/domain/action-result";
import type { PatientActionResult } from "./actions";

export type MoveRequestProps = {
  id: string;
  /** The visit's time now and the time asked for, in words. */
  when: string;
  newWhen: string;
  /** When the request lapses if the clinic doesn't answer, in words; null when unknown. */
  deadline: string | null;
  withdrawAction: (id: string) => Promise<PatientActionResult>;
};

/** A move waiting for the clinic: both times, the deadline, and "Withdraw" (the visit stays where it is). */
export function MoveRequest({ id, when, newWhen, deadline, withdrawAction }: MoveRequestProps) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setSending(true);
    setError(null);
    let result: PatientActionResult;
    try {
      result = await withdrawAction(id);
    } catch {
      result = unreachable("We couldn't reach the clinic's booking system. Check your connection and try again.");
    }
    setSending(false);
    if (result.ok) toast.success("Your move request was withdrawn. Your visit stays as it was.");
    else if (result.stale) toast.error(result.message);
    else setError(result.message);
  }

  return (
    <div className="space-y-3">
      <h2 id="move-request-heading" className="text-lg font-semibold tracking-tight text-slate-900">
        Move waiting for the clinic
      </h2>
      <dl className="grid gap-x-4 gap-y-1 text-base sm:grid-cols-[9rem_1fr]">
        <dt className="text-sm font-medium text-slate-600 sm:pt-0.5">New time asked</dt>
        <dd className="font-semibold text-slate-900 tabular-nums" data-testid="move-new-time">
          {newWhen}
        </dd>
        <dt className="text-sm font-medium text-slate-600 sm:pt-0.5">Your visit now</dt>
        <dd className="text-slate-800 tabular-nums">{when}</dd>
      </dl>
      <p className="text-base text-slate-600">
        We&apos;re holding the new time for you. Your visit stays confirmed at its current time until the clinic answers
        {deadline ? <> (by {deadline}; if it hasn&apos;t, the new time is released)</> : null}. Nothing changes on your payment.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="secondary" className="w-full sm:w-auto" loading={sending} onClick={withdraw}>
        Withdraw move request
      </Button>
    </div>
  );
}
