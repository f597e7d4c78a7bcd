import { Alert } from "@/components/ui";

/**
 * The banner on the status page right after booking (`?sent=1`). The booking
 * page sends the patient here instead of showing a confirmation of its own, so
 * a reload keeps showing the request rather than an empty booking form.
 */
export function RequestSent({ feeLabel, email }: { feeLabel: string | null; email: string }) {
  return (
    <Alert tone="success" title="Request sent" role="note">
      <p>
        We&apos;ve emailed a link to this page to{" "}
        <span className="font-semibold break-all [font-variant-ligatures:none]">{email}</span>. Use it to check on your request or cancel it, from any device.{" "}
        {feeLabel ? (
          <>Once the clinic approves, you&apos;ll pay {feeLabel} online to confirm your visit.</>
        ) : (
          <>There&apos;s no fee: your visit is confirmed as soon as the clinic approves it.</>
        )}
      </p>
    </Alert>
  );
}
