"use client";

import { useState, useTransition } from "react";
import { clinicCancelAction } from "@/app/(dashboard)/dashboard/requests/actions";
import {
  Alert,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Field,
  Textarea,
} from "@/components/ui";
import { MAX_REVIEW_TEXT } from "@/lib/domain/request-queue";
import type { ReviewTarget } from "./review-panel";

/** Cancel an approved or confirmed appointment for the clinic, with a reason (required, the patient reads it); a paid one is refunded. */
export function ClinicCancelDialog({ target, onResult }: { target: ReviewTarget; onResult: (r: { ok: boolean; message: string }) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError("Give a reason; the patient sees it.");
      return;
    }
    setError(null);
    startTransition(async () => {
      let result: { ok: boolean; message: string; fields?: Record<string, string> };
      try {
        result = await clinicCancelAction({ id: target.id, version: target.version, reason });
      } catch {
        result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };
      }
      if (!result.ok && result.fields?.reason) {
        setError(result.fields.reason);
        return;
      }
      setOpen(false);
      setReason("");
      onResult(result);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Cancel appointment</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>Cancel {target.patientName}&apos;s appointment?</DialogTitle>
            <DialogDescription>
              The time is released, the visit leaves the schedule, and the patient is emailed your reason. If they paid, the
              fee is refunded in full.
            </DialogDescription>
          </DialogHeader>
          <Field className="mt-5" label="Reason for the patient" error={error ?? undefined} hint="Plain and kind: the patient reads this.">
            {(props) => (
              <Textarea
                {...props}
                name="reason"
                required
                maxLength={MAX_REVIEW_TEXT}
                showCount
                rows={4}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
          {error && (
            <Alert tone="error" className="mt-4">
              {error}
            </Alert>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Keep the appointment
              </Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={pending}>
              {pending ? "Cancelling…" : "Cancel appointment"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
