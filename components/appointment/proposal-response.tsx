"use client";

import { useState } from "react";
import type { PatientActionResult } from "./actions";
import { unreachable } from "@/lib/domain/action-result";
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


export type ProposalResponseProps = {
  id: string;
  /** The proposed time, e.g. "Wed, Dec 3, 10:00 AM EST, New York time". */
  proposed: string;
  /** Which proposal this page shows (its `at`): sent with the answer, so an answer to a replaced proposal is refused. */
  proposalAt: number;
  acceptAction: (id: string, proposalAt: number) => Promise<PatientActionResult>;
  rejectAction: (id: string, proposalAt: number) => Promise<PatientActionResult>;
};

const UNREACHABLE = "We couldn't reach the clinic's booking system, so nothing changed. Check your connection and try again.";

/**
 * Accept or decline the clinic's proposed time. Accepting is one click;
 * declining asks first, because the proposed time is then released. While one
 * answer is on its way both buttons are disabled and the acting one spins;
 * the server action refreshes the page with the new status.
 */
export function ProposalResponse({ id, proposed, proposalAt, acceptAction, rejectAction }: ProposalResponseProps) {
  const [sending, setSending] = useState<"accept" | "reject" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);

  async function answer(kind: "accept" | "reject") {
    if (sending) return;
    setSending(kind);
    setError(null);
    let result: PatientActionResult;
    try {
      result = await (kind === "accept" ? acceptAction : rejectAction)(id, proposalAt);
    } catch {
      result = unreachable(UNREACHABLE);
    }
    setSending(null);
    setConfirmOpen(false);
    if (result.ok) {
      toast.success(kind === "accept" ? `You accepted ${proposed}.` : "You turned down the proposed time. The clinic has been told.");
    } else if (result.stale) {
      // The refreshed page no longer shows these buttons: an error toast stays until dismissed.
      toast.error(result.message);
    } else {
      setError(result.message);
    }
  }

  return (
    <div className="space-y-3 pt-2">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button loading={sending === "accept"} disabled={sending !== null} onClick={() => void answer("accept")} className="w-full sm:w-auto">
          Accept new time
        </Button>
        <Dialog
          open={confirmOpen}
          onOpenChange={(next) => {
            if (!sending) setConfirmOpen(next);
          }}
        >
          <DialogTrigger asChild>
            <Button variant="secondary" disabled={sending !== null} className="w-full sm:w-auto">
              Decline new time
            </Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Decline the proposed time?</DialogTitle>
              <DialogDescription>
                {proposed} will be released. Your request stays open: the clinic will propose another time or get in
                touch with you.
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" disabled={sending !== null}>
                  Go back
                </Button>
              </DialogClose>
              <Button variant="danger" loading={sending === "reject"} onClick={() => void answer("reject")}>
                Yes, decline this time
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </div>
    </div>
  );
}
