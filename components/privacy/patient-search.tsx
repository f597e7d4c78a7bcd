import type { Ref } from "react";
import { Button, Field, Input } from "@/components/ui";

/**
 * The search form. It POSTs (a server action, so it works before any script loads), never a GET: the patient's
 * email must not end up in the page's address.
 */
export function PatientSearch({
  action,
  email,
  onEmailChange,
  error,
  pending,
  formRef,
}: {
  action: (form: FormData) => void;
  /** What is typed: React resets a form after its action, back to this. */
  email: string;
  onEmailChange: (email: string) => void;
  error: string | null;
  pending: boolean;
  formRef: Ref<HTMLFormElement>;
}) {
  return (
    <form ref={formRef} noValidate role="search" action={action} aria-label="Find a patient" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="min-w-0 sm:w-96">
        <Field label="Find a patient by email" hint={"The address they booked with. Capitals don't matter."} error={error}>
          {(props) => <Input {...props} name="email" type="email" defaultValue={email} onChange={(event) => onEmailChange(event.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
      </div>
      <Button type="submit" variant="secondary" className="sm:mb-7" loading={pending}>
        Find
      </Button>
    </form>
  );
}
