"use client";

import { clinicCancelAction } from "@/components/requests/actions";
import { ReasonDialog, type ReasonDialogCopy } from "./reason-dialog";
import type { ReviewTarget } from "./review-panel";

const COPY: ReasonDialogCopy = {
  trigger: "Cancel appointment",
  title: (name) => `Cancel ${name}'s appointment?`,
  description:
    "The time is released, the visit leaves the schedule, and the patient is emailed your reason. If they paid, the fee is refunded in full.",
  keep: "Keep the appointment",
  submit: "Cancel appointment",
  submitting: "Cancelling…",
};

/** Cancel an approved or confirmed appointment for the clinic, with a reason (required, the patient reads it); a paid one is refunded. */
export function ClinicCancelDialog({ target, onResult }: { target: ReviewTarget; onResult: (r: { ok: boolean; message: string }) => void }) {
  return <ReasonDialog target={target} action={clinicCancelAction} copy={COPY} onResult={onResult} />;
}
