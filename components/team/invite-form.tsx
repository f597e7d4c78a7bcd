"use client";

import { useState } from "react";
import { createInviteAction, type CreatedInviteView } from "@/components/team/actions";
import { Alert, Button, CopyButton, Field, Input, Select } from "@/components/ui";
import { inviteSchema } from "@/lib/domain/clinic-settings";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { DoctorSelect } from "./doctor-select";
import { FormSummary } from "@/components/forms/form-summary";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { fieldErrors } from "@/lib/domain/validation";

const ROLE_ORDER: Role[] = ["staff", "doctor", "admin"];

const expiryFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric" });

/**
 * Invite by email with a role; a doctor also picks their doctor profile.
 * The link is emailed, and shown here once so it can be shared by chat.
 */
export function InviteForm({ doctors }: { doctors: { id: string; name: string; active: boolean }[] }) {
  const [role, setRole] = useState<Role>("staff");
  const [created, setCreated] = useState<CreatedInviteView | null>(null);
  const { pending, errors, message, onSubmit, summaryRef, reset, formAction } = useFormAction(createInviteAction, {
    validate: (form) => {
      const result = inviteSchema.safeParse(formValues(form));
      return result.success ? null : fieldErrors(result.error);
    },
    onSuccess: (result, form) => {
      if (result.data) setCreated(result.data);
      form.reset();
      setRole("staff");
    },
  });

  if (created) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title={`Invite sent to ${created.email}`}>
          You can also share the link yourself, e.g. by chat. It&apos;s shown only this once, works for one sign-up,
          and expires on {expiryFormat.format(new Date(created.expiresAt))}.
        </Alert>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="Invite link" className="min-w-0 flex-1">
            {(props) => (
              <Input
                {...props}
                readOnly
                value={created.url}
                data-testid="invite-link"
                onFocus={(event) => event.currentTarget.select()}
                className="font-mono text-sm"
              />
            )}
          </Field>
          <CopyButton value={created.url} label="Copy link" />
        </div>
        <Button
          variant="ghost"
          onClick={() => {
            setCreated(null);
            reset();
          }}
        >
          Invite someone else
        </Button>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} action={formAction} className="space-y-5">
      <FormSummary message={message} summaryRef={summaryRef} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Email" error={errors.email}>
          {(props) => <Input {...props} name="email" type="email" autoComplete="off" placeholder="name@example.com" />}
        </Field>
        <Field label="Role" hint={ROLE_DESCRIPTIONS[role]} error={errors.role}>
          {(props) => (
            <Select {...props} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLE_ORDER.map((value) => (
                <option key={value} value={value}>
                  {ROLE_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {role === "doctor" && (
        <Field label="Which doctor are they?" hint="They'll manage this doctor's profile and hours." error={errors.doctorId}>
          {(props) =>
            doctors.length ? (
              <DoctorSelect {...props} doctors={doctors} defaultValue="" />
            ) : (
              <p {...props} className="text-slate-600">
                Add the doctor under Doctors first, then invite them.
              </p>
            )
          }
        </Field>
      )}
      <div className="flex justify-end">
        <Button type="submit" loading={pending} className="w-full sm:w-auto">
          {pending ? "Sending…" : "Send invite"}
        </Button>
      </div>
    </form>
  );
}
