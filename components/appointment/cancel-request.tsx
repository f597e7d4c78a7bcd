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
import type { PatientActionResult } from "./actions";
import { unreachable } from "@/lib/domain/action-result";

export type CancelRequestProps = {
  id: string;
  /** "Tue, Dec 2, 9:00 AM EST, New York time", for the confirmation question; null when no time is held. */
  when: string | null;
  cancelAction: (id: string) => Promise<PatientActionResult>;
};

/** "Cancel request" → a confirming dialog → the server action; the page refreshes with the new status. */
export function CancelRequest({ id, when, cancelAction }: CancelRequestProps) {
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setSending(true);
    setError(null);
    let result: PatientActionResult;
    try {
      result = await cancelAction(id);
    } catch {
      result = unreachable("We couldn't reach the clinic's booking system. Check your connection and try again.");
    }
    setSending(false);
    if (result.ok) {
      setOpen(false);
      toast.success("Your request was cancelled and the time released.");
    } else if (result.stale) {
      // The refreshed page may have no cancel button left to hold this dialog.
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
          Cancel request
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cancel this request?</DialogTitle>
          <DialogDescription>
            {when ? <>Your time on {when} will be released for other patients. </> : null}This can&apos;t be undone, but
            you can book again at any time.
          </DialogDescription>
        </DialogHeader>
        {error && (
          <Alert tone="error" className="mt-4">
            {error}
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={sending}>
              Keep my request
            </Button>
          </DialogClose>
          <Button variant="danger" loading={sending} onClick={confirm}>
            Yes, cancel request
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
