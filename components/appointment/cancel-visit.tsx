"use client";

import { useState } from "react";
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
  toast,
} from "@/components/ui";
import { unreachable } from "@/lib/domain/action-result";
import type { PatientActionResult } from "./actions";

export type CancelVisitProps = {
  id: string;
  /** "Tue, Dec 2, 9:00 AM EST, New York time". */
  when: string;
  /** What cancelling now does to the money, in words; null for a free visit. */
  refundWords: string | null;
  /** The refund this page quotes: the server refuses to cancel for less (the free window closed meanwhile). */
  quotedRefundCents: number;
  cancelAction: (id: string, quotedRefundCents: number) => Promise<PatientActionResult>;
};

/** "Cancel my visit" → a dialog that says the refund that applies → the server action; the page refreshes with the new status. */
export function CancelVisit({ id, when, refundWords, quotedRefundCents, cancelAction }: CancelVisitProps) {
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setSending(true);
    setError(null);
    let result: PatientActionResult;
    try {
      result = await cancelAction(id, quotedRefundCents);
    } catch {
      result = unreachable("We couldn't reach the clinic's booking system. Check your connection and try again.");
    }
    setSending(false);
    if (result.ok) {
      setOpen(false);
      toast.success("Your visit was cancelled and the time released.");
    } else if (result.stale) {
      // The refreshed page shows the new refund (or the new status); this dialog's quote is out of date.
      setOpen(false);
      toast.error(result.message);
    } else {
      setError(result.message);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (sending) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" className="w-full sm:w-auto">
          Cancel my visit
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel your visit?</DialogTitle>
          <DialogDescription>Your time on {when} will be released for other patients. This can&apos;t be undone.</DialogDescription>
        </DialogHeader>
        {refundWords && (
          <p className="mt-4 rounded-lg bg-slate-50 p-3 text-base text-slate-800" data-testid="cancel-refund">
            {refundWords}
          </p>
        )}
        {error && (
          <Alert tone="error" className="mt-4">
            {error}
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={sending}>
              Keep my visit
            </Button>
          </DialogClose>
          <Button variant="danger" loading={sending} onClick={confirm}>
            Yes, cancel my visit
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
