"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { checkSlugAction, signupAction } from "@/components/auth/signup-actions";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, CheckIcon, Field, Input } from "@/components/ui";
import { signupSchema, suggestSlug } from "@/lib/domain/clinic-settings";
import type { CurrencyCode } from "@/lib/domain/money";
import { slugSchema } from "@/lib/domain/slug";
import { currencyForZone } from "@/lib/domain/time-zones";
import { FeeFields } from "@/components/settings/fee-fields";
import { ContactFields } from "@/components/settings/contact-fields";
import { FormSummary } from "@/components/forms/form-summary";
import { TimeZoneField } from "@/components/settings/time-zone-field";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { fieldErrors } from "@/lib/domain/validation";

type SlugHint = { state: "idle" | "checking" } | { state: "checked"; slug: string; available: boolean; message: string };

export function SignupForm({ timeZones, bookingBase }: { timeZones: string[]; bookingBase: string }) {
  const { pending, errors, message, onSubmit, summaryRef, formAction } = useFormAction(signupAction, {
    validate: (form) => {
      const result = signupSchema.safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    toastSuccess: false,
  });
  const [slug, setSlug] = useState("");
  const slugEdited = useRef(false);
  const [hint, setHint] = useState<SlugHint>({ state: "idle" });
  // The currency follows the chosen zone's country (GBP for London) until picked by hand.
  const [currency, setCurrency] = useState<CurrencyCode>("USD");
  const currencyPicked = useRef(false);
  const onZoneChange = useCallback((zone: string | null) => {
    const usual = zone ? currencyForZone(zone) : null;
    if (usual && !currencyPicked.current) setCurrency(usual);
  }, []);

  // Live check of the address, debounced; the format is checked locally
  // first so the server only hears about plausible slugs.
  const formatProblem = slug ? slugSchema.safeParse(slug).error?.issues[0]?.message : undefined;
  useEffect(() => {
    if (!slug || formatProblem) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setHint({ state: "checking" });
      const result = await checkSlugAction(slug).catch(() => null);
      // Only "free", "malformed" or "taken" is a hint; a server that could not tell says nothing.
      const told = result && (result.ok || result.code === "invalid_request" || result.code === "conflict");
      if (!cancelled && result && told) setHint({ state: "checked", slug, available: result.ok, message: result.message });
    }, 350);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slug, formatProblem]);

  const slugError =
    errors.slug ??
    formatProblem ??
    (hint.state === "checked" && hint.slug === slug && !hint.available ? hint.message : undefined);
  const slugAvailable = !slugError && hint.state === "checked" && hint.slug === slug && hint.available;

  return (
    <form noValidate onSubmit={onSubmit} action={formAction} className="space-y-6">
      <FormSummary message={message} summaryRef={summaryRef} />

      <Card>
        <CardHeader>
          <CardTitle>Your clinic</CardTitle>
          <CardDescription>Patients see this on your booking page.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field label="Clinic name" error={errors.clinicName}>
            {(props) => (
              <Input
                {...props}
                name="clinicName"
                autoComplete="organization"
                maxLength={80}
                onChange={(event) => {
                  if (!slugEdited.current) setSlug(suggestSlug(event.target.value));
                }}
              />
            )}
          </Field>
          <Field
            label="Booking link"
            error={slugError}
            hint={
              slugAvailable ? (
                <span className="inline-flex items-center gap-1 font-medium text-green-800">
                  <CheckIcon className="size-4" /> Available: {bookingBase}
                  {slug}
                </span>
              ) : (
                <span aria-live="polite">
                  {hint.state === "checking" ? "Checking…" : "Lowercase letters, digits and hyphens. You can't change it later."}
                </span>
              )
            }
          >
            {(props) => (
              <div className="flex items-stretch">
                <span className="inline-flex items-center rounded-l-lg border border-r-0 border-slate-500 bg-slate-100 px-3 text-base text-slate-700 select-none">
                  <span className="hidden sm:inline">{bookingBase}</span>
                  <span className="sm:hidden">/book/</span>
                </span>
                <Input
                  {...props}
                  name="slug"
                  value={slug}
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  maxLength={40}
                  className="rounded-l-none"
                  onChange={(event) => {
                    slugEdited.current = event.target.value !== "";
                    setSlug(event.target.value.toLowerCase().replace(/\s+/g, "-"));
                  }}
                />
              </div>
            )}
          </Field>
          <TimeZoneField timeZones={timeZones} error={errors.timezone} useBrowserDefault onZoneChange={onZoneChange} />
          <FeeFields
            errors={errors}
            currency={currency}
            onCurrencyChange={(picked) => {
              currencyPicked.current = true;
              setCurrency(picked);
            }}
          />
        </CardContent>
      </Card>

      <ContactFields errors={errors} />

      <Card>
        <CardHeader>
          <CardTitle>Your admin account</CardTitle>
          <CardDescription>You&apos;ll use it to sign in and to invite your team.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field label="Your name" error={errors.adminName}>
            {(props) => <Input {...props} name="adminName" autoComplete="name" maxLength={100} />}
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Your email" error={errors.adminEmail}>
              {(props) => <Input {...props} name="adminEmail" type="email" autoComplete="username" />}
            </Field>
            <Field label="Password" hint="At least 8 characters." error={errors.password}>
              {(props) => <Input {...props} name="password" type="password" autoComplete="new-password" />}
            </Field>
          </div>
        </CardContent>
      </Card>

      <Button type="submit" size="lg" loading={pending} className="w-full sm:w-auto">
        {pending ? "Creating your clinic…" : "Create clinic"}
      </Button>
    </form>
  );
}
