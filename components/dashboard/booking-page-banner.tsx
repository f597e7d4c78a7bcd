"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { recheckVerificationAction, resendVerificationAction } from "@/components/dashboard/booking-page-actions";
import { Alert, Button } from "@/components/ui";
import { unreachable, type ActionResult } from "@/lib/domain/action-result";

/**
 * An admin's clinic whose booking page waits for their verified email: what
 * is waiting, where the link went, "I've verified it" (the re-check) and
 * "Resend the email". The outcome of either button is said in the banner.
 */
export function BookingPageVerificationBanner({ email, mailboxHref }: { email: string; mailboxHref?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"recheck" | "resend" | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const run = (which: "recheck" | "resend", action: () => Promise<ActionResult<{ open: boolean }> | ActionResult>) => {
    setBusy(which);
    startTransition(async () => {
      const result = await action().catch(() => unreachable());
      const opened = result.ok && (result.data as { open?: boolean } | undefined)?.open === true;
      setOutcome({ ok: result.ok && (which === "resend" || opened), message: result.message });
      setBusy(null);
      if (opened) router.refresh();
    });
  };

  return (
    <Alert role="note" tone="warning" title="Verify your email to open your booking page" className="mb-6" data-testid="verify-email-banner">
      <p>
        Patients can&apos;t see or book your clinic until you confirm your email address. We sent a link to{" "}
        <strong className="font-semibold break-all">{email}</strong>: open it, then come back and press &ldquo;I&apos;ve verified it&rdquo;.
      </p>
      {mailboxHref && (
        <p className="mt-1 text-sm">
          Running offline: the email is in the{" "}
          <a className="font-medium underline underline-offset-2" href={mailboxHref}>
            dev mailbox
          </a>
          .
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" loading={pending && busy === "recheck"} disabled={pending} onClick={() => run("recheck", recheckVerificationAction)}>
          I&apos;ve verified it
        </Button>
        <Button size="sm" variant="secondary" loading={pending && busy === "resend"} disabled={pending} onClick={() => run("resend", resendVerificationAction)}>
          Resend the email
        </Button>
      </div>
      <p role="status" className={outcome ? `mt-2 text-sm font-medium ${outcome.ok ? "text-green-800" : "text-amber-950"}` : "sr-only"}>
        {outcome?.message}
      </p>
    </Alert>
  );
}
