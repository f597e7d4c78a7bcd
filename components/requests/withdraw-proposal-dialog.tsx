"use client";

import { useState, useTransition } from "react";
import { withdrawProposalAction } from "@/components/requests/actions";
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
} from "@/components/ui";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { ReviewTarget } from "./review-panel";

/**
 * Withdraw the time the clinic proposed while the patient hasn't answered.
 * Asks first and says what will happen: the appointment goes back to where it
 * stood at its original time (a confirmed visit stays confirmed there; a
 * request needs review again, its time held if still free), the proposed time
 * is released and the patient is emailed.
 */
export function WithdrawProposalDialog({
  target,
  originalStart,
  onResult,
}: {
  target: ReviewTarget;
  /** The time the proposal replaced, epoch ms. */
  originalStart: number;
  onResult: (r: { ok: boolean; message: string }) => void;
}) {
  const [open, setOpen] = useState(false);
  const [sending, startSending] = useTransition();
  const original = formatSlotInZone(originalStart, target.timezone);
  const proposed = formatSlotInZone(target.start, target.timezone);

  function withdraw() {
    startSending(async () => {
      let result: { ok: boolean; message: string };
      try {
        result = await withdrawProposalAction({ id: target.id, version: target.version });
      } catch {
        result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };
      }
      setOpen(false);
      onResult(result);
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !sending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="secondary">Withdraw proposal</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Withdraw the proposed time?</DialogTitle>
          <DialogDescription>
            {proposed} is released and the patient can no longer accept it. The appointment goes back to its original
            time, {original}: a confirmed visit stays confirmed there; a request needs review again, with that time held
            if it is still free. The patient is emailed either way.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={sending}>
              Keep the proposal
            </Button>
          </DialogClose>
          <Button loading={sending} onClick={withdraw}>
            {sending ? "Withdrawing…" : "Withdraw proposal"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
