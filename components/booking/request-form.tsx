"use client";

import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { Alert, Button, Checkbox, ErrorIcon, Field, Input, Textarea } from "@/components/ui";
import { MAX_NAME_LENGTH, MAX_REASON_LENGTH } from "@/lib/domain/booking-fields";
import { checkBookingForm, type BookingFormFields } from "@/lib/domain/booking-form-check";
import { FORM_ERROR_KEY } from "@/lib/domain/validation";
import type { BookingActionResult } from "@/components/booking/actions";
import { unreachable } from "@/lib/domain/action-result";

/** What the patient types; kept by the parent so it survives choosing another time. */
export type BookingDetails = { name: string; email: string; phone: string; reason: string; consent: boolean };

export const EMPTY_DETAILS: BookingDetails = { name: "", email: "", phone: "", reason: "", consent: false };

type FieldKey = "patient.name" | "patient.email" | "patient.phone" | "reason" | "consent";

// Fixed ids so the error summary can link to each field.
const FIELDS: readonly { key: FieldKey; id: string; label: string }[] = [
  { key: "patient.name", id: "booking-name", label: "Full name" },
  { key: "patient.email", id: "booking-email", label: "Email" },
  { key: "patient.phone", id: "booking-phone", label: "Phone" },
  { key: "reason", id: "booking-reason", label: "Reason for your visit" },
  { key: "consent", id: "booking-consent", label: "Consent" },
];
const FIELD_KEYS = new Set<string>(FIELDS.map((field) => field.key));

/** The form's values in the schema's shape; consent may still be false (the schema rejects that). */
export type BookingFormDraft = BookingFormFields & { website?: string };

/** The honeypot's name: a field people never see, that form-filling bots do. */
export const HONEYPOT_FIELD = "website";

export function toBookingInput(details: BookingDetails, start: string): BookingFormDraft {
  return {
    start,
    patient: { name: details.name, email: details.email, phone: details.phone },
    reason: details.reason,
    consent: details.consent,
  };
}

/**
 * Problems per field: the server's verdict and words, checked without zod
 * (lib/domain/booking-form-check.ts keeps the two in step).
 */
function validate(details: BookingDetails, start: string): Partial<Record<string, string>> {
  return checkBookingForm(toBookingInput(details, start));
}

const KEY_OF: Record<keyof BookingDetails, FieldKey> = {
  name: "patient.name",
  email: "patient.email",
  phone: "patient.phone",
  reason: "reason",
  consent: "consent",
};

export type RequestFormProps = {
  start: string;
  clinicName: string;
  feeCents: number;
  feeLabel: string;
  details: BookingDetails;
  onDetailsChange: (details: BookingDetails) => void;
  /**
   * Sends the request. Resolves null when the caller took care of the outcome
   * (success, or a time that was just taken), else the failure to show here.
   */
  onSubmit: (input: BookingFormDraft) => Promise<BookingActionResult | null>;
};

/**
 * The patient's details. Errors appear when a field is left (not while the
 * patient is still typing) and clear as soon as the value is fixed; a failed
 * submit shows every problem with a summary that takes focus.
 */
export function RequestForm({ start, clinicName, feeCents, feeLabel, details, onDetailsChange, onSubmit }: RequestFormProps) {
  const [shown, setShown] = useState<Partial<Record<string, string>>>({});
  const [summaryVisible, setSummaryVisible] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Where to move focus after the next render; a fresh object each time so a repeat request still fires.
  const [focusRequest, setFocusRequest] = useState<{ target: "summary" | "form-error"; keepView?: boolean } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  // A click (not a key) sent the form: whatever appears above the button
  // must not move it, or the second click of a double-click lands on what
  // slid under the pointer (the consent box, which it would untick).
  const clickedSubmit = useRef(false);
  const buttonTopBefore = useRef<number | null>(null);

  // Before paint: scroll by however far the error summary and the fields'
  // errors pushed the button, so it stays under the pointer.
  useLayoutEffect(() => {
    const before = buttonTopBefore.current;
    if (before === null || !submitRef.current) return;
    buttonTopBefore.current = null;
    const moved = submitRef.current.getBoundingClientRect().top - before;
    if (moved !== 0) window.scrollBy({ top: moved, behavior: "instant" });
  });

  useEffect(() => {
    // After a click the view stays put (above); the summary still takes focus, so it is announced.
    const options = { preventScroll: focusRequest?.keepView ?? false };
    if (focusRequest?.target === "summary") summaryRef.current?.focus(options);
    if (focusRequest?.target === "form-error") formErrorRef.current?.focus(options);
  }, [focusRequest]);

  const shownList = FIELDS.filter((field) => shown[field.key]);

  function update<K extends keyof BookingDetails>(name: K, value: BookingDetails[K]) {
    const next = { ...details, [name]: value };
    onDetailsChange(next);
    // Reward early: a shown error goes away as soon as the value is fixed.
    const key = KEY_OF[name];
    if (shown[key] && !validate(next, start)[key]) {
      setShown(({ [key]: _fixed, ...rest }) => rest);
    }
  }

  function blur(name: keyof BookingDetails) {
    const key = KEY_OF[name];
    const message = validate(details, start)[key];
    setShown((current) => {
      if (message === current[key]) return current;
      const { [key]: _previous, ...rest } = current;
      return message ? { ...rest, [key]: message } : rest;
    });
  }

  function showAll(errors: Partial<Record<string, string>>, keepView = false) {
    const forFields = Object.fromEntries(Object.entries(errors).filter(([key]) => FIELD_KEYS.has(key)));
    if (keepView && submitRef.current) buttonTopBefore.current = submitRef.current.getBoundingClientRect().top;
    setShown(forFields);
    setSummaryVisible(true);
    setFocusRequest({ target: "summary", keepView });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const byClick = clickedSubmit.current;
    clickedSubmit.current = false;
    if (sending) return;
    setFormError(null);
    const errors = validate(details, start);
    if (Object.keys(errors).some((key) => FIELD_KEYS.has(key))) {
      showAll(errors, byClick);
      return;
    }
    setSending(true);
    let result: BookingActionResult | null;
    try {
      const honeypot = (event.currentTarget.elements.namedItem(HONEYPOT_FIELD) as HTMLInputElement | null)?.value ?? "";
      result = await onSubmit({ ...toBookingInput(details, start), ...(honeypot ? { website: honeypot } : {}) });
    } catch {
      result = unreachable("We couldn't reach the clinic's booking system. Check your connection and try again.");
    }
    setSending(false);
    if (!result || result.ok) return;
    if (result.fields && Object.keys(result.fields).some((key) => FIELD_KEYS.has(key))) {
      showAll(result.fields);
      return;
    }
    setFormError(result.fields?.[FORM_ERROR_KEY] ?? result.message);
    setFocusRequest({ target: "form-error" });
  }

  const errorFor = (key: FieldKey) => shown[key];

  return (
    // method="post": should the submit handler not run (no JavaScript), the
    // patient's details go in a POST body, never in the URL.
    <form noValidate method="post" onSubmit={handleSubmit} className="space-y-5">
      {summaryVisible && shownList.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="rounded-xl focus-visible:outline-offset-4">
          <Alert tone="error" title={shownList.length === 1 ? "Please fix 1 thing below" : `Please fix ${shownList.length} things below`}>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {shownList.map((field) => (
                <li key={field.key}>
                  <a href={`#${field.id}`} className="underline underline-offset-4">
                    {shown[field.key]}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}

      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Full name" id="booking-name" error={errorFor("patient.name")} className="sm:col-span-2">
          {(props) => (
            <Input
              {...props}
              name="name"
              autoComplete="name"
              maxLength={MAX_NAME_LENGTH}
              showCount
              value={details.name}
              onChange={(e) => update("name", e.target.value)}
              onBlur={() => blur("name")}
            />
          )}
        </Field>
        <Field
          label="Email"
          id="booking-email"
          hint="We'll email you a private link to check or cancel your request."
          error={errorFor("patient.email")}
        >
          {(props) => (
            <Input
              {...props}
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              value={details.email}
              onChange={(e) => update("email", e.target.value)}
              onBlur={() => blur("email")}
            />
          )}
        </Field>
        <Field
          label="Phone"
          id="booking-phone"
          hint="Include the area code. The clinic calls only if needed."
          error={errorFor("patient.phone")}
        >
          {(props) => (
            <Input
              {...props}
              type="tel"
              name="phone"
              autoComplete="tel"
              value={details.phone}
              onChange={(e) => update("phone", e.target.value)}
              onBlur={() => blur("phone")}
            />
          )}
        </Field>
        <Field
          label="Reason for your visit"
          id="booking-reason"
          hint="A few words are enough, like “Annual check-up” or “Rash on my arm for two weeks”."
          error={errorFor("reason")}
          className="sm:col-span-2"
        >
          {(props) => (
            <Textarea
              {...props}
              name="reason"
              rows={4}
              maxLength={MAX_REASON_LENGTH}
              showCount
              value={details.reason}
              onChange={(e) => update("reason", e.target.value)}
              onBlur={() => blur("reason")}
            />
          )}
        </Field>
      </div>

      {/* Honeypot: hidden from people and assistive tech; a bot that fills it is answered "sent" and nothing is held. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="booking-website">Website</label>
        <input id="booking-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div>
        <Checkbox
          id="booking-consent"
          name="consent"
          checked={details.consent}
          onChange={(e) => update("consent", e.target.checked)}
          onBlur={() => blur("consent")}
          aria-invalid={errorFor("consent") ? true : undefined}
          aria-describedby={errorFor("consent") ? "booking-consent-error" : undefined}
          label={`I agree that ${clinicName} may contact me by email or phone about this request.`}
        />
        {errorFor("consent") && (
          <p id="booking-consent-error" className="flex items-start gap-1.5 pl-8 text-sm font-medium text-red-700">
            <ErrorIcon className="mt-px size-4 shrink-0" />
            <span>{errorFor("consent")}</span>
          </p>
        )}
      </div>

      {formError && (
        <div ref={formErrorRef} tabIndex={-1} className="rounded-xl focus-visible:outline-offset-4">
          <Alert tone="error" title="Your request wasn't sent">
            {formError}
          </Alert>
        </div>
      )}

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600 sm:max-w-xs">
          {feeCents > 0
            ? `Nothing is charged now. If the clinic approves, you'll pay ${feeLabel} online to confirm.`
            : "There is no fee. Your visit is confirmed once the clinic approves it."}
        </p>
        <Button
          ref={submitRef}
          type="submit"
          size="lg"
          loading={sending}
          className="w-full sm:w-auto"
          // detail: the click count; 0 when a key (Enter, Space) pressed the button.
          onClick={(event) => (clickedSubmit.current = event.detail > 0)}
        >
          Request this time
        </Button>
      </div>
    </form>
  );
}
