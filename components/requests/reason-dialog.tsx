"use client";

import { useRef, useState, useTransition } from "react";
import {
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

type Result = { ok: boolean; message: string; fields?: Record<string, string> };

/** What differs between the staff decisions that need a reason the patient reads (decline, clinic cancel). */
export interface ReasonDialogCopy {
  trigger: string;
  title: (patientName: string) => string;
  description: string;
  keep: string;
  submit: string;
  submitting: string;
}

/**
 * A staff decision with a required reason the patient reads: the dialog, the
 * client check, and the server action's answer (a field error stays in the
 * dialog; anything else closes it and goes to `onResult`). The error shows
 * once, under the field, and focus returns to the field, which reads it out
 * (aria-describedby).
 */
export function ReasonDialog({
  target,
  action,
  copy,
  onResult,
}: {
  target: ReviewTarget;
  action: (input: { id: string; version: number; reason: string }) => Promise<Result>;
  copy: ReasonDialogCopy;
  onResult: (r: { ok: boolean; message: string }) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const field = useRef<HTMLTextAreaElement>(null);

  function showError(message: string) {
    setError(message);
    requestAnimationFrame(() => field.current?.focus());
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      showError("Give a reason; the patient sees it.");
      return;
    }
    setError(null);
    startTransition(async () => {
      let result: Result;
      try {
        result = await action({ id: target.id, version: target.version, reason });
      } catch {
        result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };
      }
      if (!result.ok && result.fields?.reason) {
        showError(result.fields.reason);
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
        <Button variant="secondary">{copy.trigger}</Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{copy.title(target.patientName)}</DialogTitle>
            <DialogDescription>{copy.description}</DialogDescription>
          </DialogHeader>
          <Field className="mt-5" label="Reason for the patient" error={error ?? undefined} hint="Plain and kind: the patient reads this.">
            {(props) => (
              <Textarea
                {...props}
                ref={field}
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
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {copy.keep}
              </Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={pending}>
              {pending ? copy.submitting : copy.submit}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
