"use client";

import { useCallback, useRef, useState, useTransition, type FormEvent } from "react";
import { toast } from "@/components/ui";
import { unreachable, type ActionResult } from "@/lib/domain/action-result";
import type { FieldErrors } from "@/lib/domain/validation";
import { summaryMessage } from "./form-messages";
import { isNavigationSignal } from "./navigation-signal";

interface Options<T> {
  /** Client-side check with the server's verdict and words (its zod schema, or a hand check held to it); errors, or null or {} when valid. */
  validate?: (form: FormData) => FieldErrors | null;
  onSuccess?: (result: Extract<ActionResult<T>, { ok: true }>, form: HTMLFormElement) => void;
  /** Show the success message as a toast (default true). */
  toastSuccess?: boolean;
}

/**
 * Runs a server action from a form's submit event. Unlike `<form action>`,
 * the form keeps what was typed when the server says no, and the fields get
 * their messages. Success is a toast; a failure that is not about a field
 * (a conflict, a lost session) is an error toast and the summary message.
 */
export function useFormAction<T = undefined>(action: (form: FormData) => Promise<ActionResult<T>>, options: Options<T> = {}) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const { validate, onSuccess, toastSuccess = true } = options;
    const invalid = validate?.(form);
    if (invalid && Object.keys(invalid).length > 0) {
      setErrors(invalid);
      setMessage("Please check the highlighted fields.");
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    startTransition(async () => {
      let result: ActionResult<T> | undefined;
      try {
        result = await action(form);
      } catch (error) {
        // A redirect (sign-up, invite accepted) rejects with Next's signal
        // while the router navigates: that is success, not a lost connection.
        if (isNavigationSignal(error)) return;
        result = unreachable();
      }
      // An action that redirects resolves with nothing; the navigation takes over.
      if (!result) return;
      if (result.ok) {
        setErrors({});
        setMessage(null);
        if (toastSuccess) toast.success(result.message);
        onSuccess?.(result, formElement);
        return;
      }
      setErrors(result.fields);
      setMessage(summaryMessage(result.message, result.fields));
      if (Object.keys(result.fields).length === 0) toast.error(result.message);
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  }

  const reset = useCallback(() => {
    setErrors({});
    setMessage(null);
  }, []);

  // For the form's `action` prop, beside `onSubmit`: with JavaScript the submit
  // handler above runs (it prevents the default, so React does not call this);
  // without it (a slow phone, a blocked script) the browser posts the form to
  // the server action itself instead of sending a GET with every field, a
  // password included, in the URL. The result is then lost, but a success
  // that redirects still works and nothing leaks either way.
  const formAction = action as unknown as (form: FormData) => void;

  return { pending, errors, message, onSubmit, reset, summaryRef, formAction };
}

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  return values;
}
