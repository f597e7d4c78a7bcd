"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Alert, Button, ErrorIcon, Field, Input } from "@/components/ui";
import type { JoinedWaitlistResult } from "@/components/booking/waitlist-actions";
import { unreachable } from "@/lib/domain/action-result";
import type { Weekday } from "@/lib/domain/slots/types";
import { WAITLIST_DAY_CHOICES } from "@/lib/domain/waitlist-offer";

export type WaitlistOfferProps = {
  slug: string;
  doctorId: string;
  doctorName: string;
  /** Why it is offered, e.g. "No free times with Dr. Okafor this week." */
  lead: string;
  joinAction: (slug: string, doctorId: string, input: { email: string; days: Weekday[] }) => Promise<JoinedWaitlistResult>;
};

/**
 * "Tell me if a time opens": an email and, optionally, the days that suit.
 * The server checks everything (the action's schema); its messages show by
 * the field, and the form keeps what was typed.
 */
export function WaitlistOffer({ slug, doctorId, doctorName, lead, joinAction }: WaitlistOfferProps) {
  const [email, setEmail] = useState("");
  const [days, setDays] = useState<Weekday[]>([]);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [joined, setJoined] = useState<{ email: string; added: boolean } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const daysHintId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    let result: JoinedWaitlistResult;
    try {
      result = await joinAction(slug, doctorId, { email, days });
    } catch {
      result = unreachable();
    }
    setPending(false);
    if (result.ok && result.data) setJoined({ email: result.data.email, added: result.data.added });
    else if (!result.ok) setFailure({ message: result.message, fields: result.fields });
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  const toggle = (day: Weekday) => setDays((now) => (now.includes(day) ? now.filter((d) => d !== day) : [...now, day]));
  const emailError = failure?.fields.email;
  const daysError = Object.entries(failure?.fields ?? {}).find(([key]) => key.startsWith("days"))?.[1];

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold tracking-tight text-slate-900">
        Tell me if a time opens
      </h2>
      {joined ? (
        <div ref={statusRef} tabIndex={-1} className="mt-3 rounded-xl focus-visible:outline-offset-4">
          <Alert tone="success" title={joined.added ? "You're on the waiting list" : "Your place on the waiting list is updated"}>
            We&apos;ll email <span className="font-medium break-all">{joined.email}</span> as soon as a time opens with {doctorName} in the next 30 days.
            Freed times aren&apos;t held: the first person to book one gets it. Each email has a link to leave the list.
          </Alert>
        </div>
      ) : (
        <>
          <p className="mt-1 text-base text-pretty text-slate-600">
            {lead} Leave your email and we&apos;ll tell you when someone cancels or new times are added.
          </p>
          <form noValidate onSubmit={submit} className="mt-5 space-y-5">
            {failure && (
              <div ref={statusRef} tabIndex={-1} className="rounded-xl focus-visible:outline-offset-4">
                <Alert tone="error" title="You weren't added yet">
                  {failure.message}
                </Alert>
              </div>
            )}
            <Field label="Email" error={emailError}>
              {(props) => (
                <Input {...props} name="email" type="email" inputMode="email" autoComplete="email" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />
              )}
            </Field>
            <fieldset aria-describedby={daysHintId}>
              <legend className="text-base font-medium text-slate-900">
                Days that suit you <span className="font-normal text-slate-600">(optional)</span>
              </legend>
              <p id={daysHintId} className="mt-0.5 text-sm text-slate-600">
                Choose none to hear about any day.
              </p>
              <div className="mt-2 grid grid-cols-4 gap-2 sm:grid-cols-7">
                {WAITLIST_DAY_CHOICES.map((day) => {
                  const checked = days.includes(day.value);
                  return (
                    <label
                      key={day.value}
                      className={
                        "flex min-h-11 cursor-pointer items-center justify-center rounded-lg px-2 text-base font-medium ring-1 ring-inset select-none " +
                        "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-primary-600 " +
                        (checked ? "bg-primary-700 text-white ring-primary-700" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50")
                      }
                    >
                      <input type="checkbox" className="sr-only" name="days" value={day.value} checked={checked} onChange={() => toggle(day.value)} aria-label={day.name} />
                      <span aria-hidden="true">{day.short}</span>
                    </label>
                  );
                })}
              </div>
              {daysError && (
                <p className="mt-1.5 flex items-start gap-1.5 text-sm font-medium text-red-700">
                  <ErrorIcon className="mt-px size-4 shrink-0" />
                  <span>{daysError}</span>
                </p>
              )}
            </fieldset>
            <Button type="submit" loading={pending} className="w-full sm:w-auto">
              Tell me if a time opens
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
