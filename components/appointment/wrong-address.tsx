"use client";

import { useState, type FormEvent } from "react";
import { Alert, Button, Field, Input, toast } from "@/components/ui";
import type { CorrectEmailResult } from "./actions";
import { unreachable } from "@/lib/domain/action-result";

export type WrongAddressProps = {
  id: string;
  /** The appointment's version the page showed: a change since is a conflict. */
  version: number;
  email: string;
  /** False once the address can no longer be changed here (then only the address is named). */
  correctable: boolean;
  correctAction: (id: string, version: number, email: string) => Promise<CorrectEmailResult>;
};

/**
 * "We sent a link to ana@example.com", and while the rules allow
 * (lib/domain/email-correction.ts), "Wrong address?" with a small form that
 * sends the request's link to the right address instead.
 */
export function WrongAddress({ id, version, email, correctable, correctAction }: WrongAddressProps) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    let result: CorrectEmailResult;
    try {
      result = await correctAction(id, version, value);
    } catch {
      result = unreachable("We couldn't reach the clinic's booking system. Check your connection and try again.");
    }
    setSending(false);
    if (result.ok) {
      setOpen(false);
      setValue("");
      toast.success(`We sent a new link to ${result.data?.email}. The old one no longer works.`);
    } else if (result.stale) {
      setOpen(false);
      toast.error(result.message);
    } else {
      setError({ message: result.message, field: result.fields.email });
    }
  }

  return (
    <section aria-labelledby="sent-to-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      <h2 id="sent-to-heading" className="text-lg font-semibold tracking-tight text-slate-900">
        Your link
      </h2>
      <p className="mt-1 text-base text-slate-700">
        We sent a link to <span className="font-semibold break-all text-slate-900 [font-variant-ligatures:none]">{email}</span>.
      </p>
      {correctable && !open && (
        <Button variant="secondary" className="mt-3" onClick={() => setOpen(true)}>
          Wrong address?
        </Button>
      )}
      {correctable && open && (
        <form onSubmit={submit} noValidate className="mt-4 space-y-4">
          {error && !error.field && (
            <Alert tone="error" role="alert">
              {error.message}
            </Alert>
          )}
          <Field label="Correct email address" error={error?.field} hint="We'll send the link there, and the old link will stop working.">
            {(props) => (
              <Input
                {...props}
                name="email"
                type="email"
                autoComplete="email"
                required
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
          </Field>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button type="submit" disabled={sending}>
              {sending ? "Sending…" : "Send to this address"}
            </Button>
            <Button type="button" variant="secondary" disabled={sending} onClick={() => (setOpen(false), setError(null))}>
              Keep {email}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
