"use client";

import { declineRequestAction } from "@/components/requests/actions";
import { ReasonDialog, type ReasonDialogCopy } from "./reason-dialog";
import type { ReviewTarget } from "./review-panel";

const COPY: ReasonDialogCopy = {
  trigger: "Decline",
  title: (name) => `Decline ${name}'s request?`,
  description: "The time is released and the patient is emailed your reason with a link to book again.",
  keep: "Keep the request",
  submit: "Decline request",
  submitting: "Declining…",
};

/** Decline with a reason (required, the patient reads it). */
export function DeclineDialog({ target, onResult }: { target: ReviewTarget; onResult: (r: { ok: boolean; message: string }) => void }) {
  return <ReasonDialog target={target} action={declineRequestAction} copy={COPY} onResult={onResult} />;
}
