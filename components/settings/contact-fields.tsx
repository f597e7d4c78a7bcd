import { Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "@/components/ui";

/** The clinic's phone, email and address: the same card at sign-up and in settings. */
export function ContactFields({
  errors,
  defaults = {},
}: {
  errors: Record<string, string>;
  defaults?: { phone?: string; email?: string; address?: string };
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Contact details</CardTitle>
        <CardDescription>Shown to patients and in every email we send them.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Phone" error={errors.phone}>
            {(props) => <Input {...props} name="phone" type="tel" autoComplete="tel" defaultValue={defaults.phone} />}
          </Field>
          <Field label="Email" error={errors.email}>
            {(props) => <Input {...props} name="email" type="email" autoComplete="email" defaultValue={defaults.email} />}
          </Field>
        </div>
        <Field label="Address" error={errors.address}>
          {(props) => <Input {...props} name="address" autoComplete="street-address" defaultValue={defaults.address} maxLength={200} />}
        </Field>
      </CardContent>
    </Card>
  );
}
