import { Button, Field, Input } from "@/components/ui";

/** A GET form (?email=…): the result can be reloaded, and works before any script loads. */
export function PatientSearch({ email, error }: { email: string; error: string | null }) {
  return (
    <form role="search" method="get" action="/dashboard/settings/privacy" aria-label="Find a patient" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="min-w-0 sm:w-96">
        <Field label="Find a patient by email" hint={"The address they booked with. Capitals don't matter."} error={error}>
          {(props) => <Input {...props} name="email" type="email" defaultValue={email} autoComplete="off" spellCheck={false} />}
        </Field>
      </div>
      <Button type="submit" variant="secondary" className="sm:mb-7">
        Find
      </Button>
    </form>
  );
}
