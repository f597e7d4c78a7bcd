"use client";

import { useState, useTransition } from "react";
import { approveMoveAction, declineMoveAction } from "@/components/requests/actions";
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
  Label,
  Textarea,
} from "@/components/ui";
import { formatSlotInZone } from "@/lib/domain/time-format";
import type { ReviewTarget } from "./review-panel";

type Result = { ok: boolean; message: string };
const unreachable: Result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };

/**
 * A patient asks to move their confirmed visit: both times, and the two
 * answers. Approving swaps them (the old time released, the visit moved);
 * declining releases the new time, with an optional message the patient reads.
 */
export function MoveAnswer({ target, moveStart, onResult }: { target: ReviewTarget; moveStart: number; onResult: (r: Result) => void }) {
  const [approving, startApproving] = useTransition();
  const [declining, startDeclining] = useTransition();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const from = formatSlotInZone(target.start, target.timezone);
  const to = formatSlotInZone(moveStart, target.timezone);

  const approve = () =>
    startApproving(async () => {
      onResult(await approveMoveAction({ id: target.id, version: target.version }).catch(() => unreachable));
    });
  const decline = () =>
    startDeclining(async () => {
      const result = await declineMoveAction({ id: target.id, version: target.version, ...(reason.trim() ? { reason } : {}) }).catch(() => unreachable);
      setOpen(false);
      onResult(result);
    });

  return (
    <div className="mt-3 space-y-4">
      <p className="text-slate-700">
        {target.patientName} asks to move their visit from <span className="font-medium text-slate-900 tabular-nums">{from}</span> to{" "}
        <span className="font-semibold text-slate-900 tabular-nums" data-testid="move-to">
          {to}
        </span>
        . Both times are held until you answer; the payment stays as it is.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <Button loading={approving} onClick={approve}>
          {approving ? "Approving…" : "Approve move"}
        </Button>
        <Dialog open={open} onOpenChange={(next) => !declining && setOpen(next)}>
          <DialogTrigger asChild>
            <Button variant="secondary">Decline move</Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Decline the move?</DialogTitle>
              <DialogDescription>
                {to} is released and the visit stays at {from}. The patient is emailed, with your message if you write one.
              </DialogDescription>
            </DialogHeader>
            <div className="mt-4 space-y-1.5">
              <Label htmlFor="move-decline-reason">Message to the patient (optional)</Label>
              <Textarea id="move-decline-reason" value={reason} maxLength={500} rows={3} onChange={(e) => setReason(e.target.value)} />
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" disabled={declining}>
                  Keep it waiting
                </Button>
              </DialogClose>
              <Button variant="danger" loading={declining} onClick={decline}>
                {declining ? "Declining…" : "Decline move"}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </div>
    </div>
  );
}
