"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert, toast } from "@/components/ui";
import type { AppointmentAction } from "@/lib/domain/appointments/state-machine";
import type { AppointmentStatus } from "@/lib/domain/appointments/status";
import { noTimeHeldHeadline, type NoTimeHeldCause } from "@/lib/domain/no-time-held";
import { ApproveButton } from "./approve-button";
import { ClinicCancelDialog } from "./clinic-cancel-dialog";
import { DeclineDialog } from "./decline-dialog";
import { ProposeDialog } from "./propose-dialog";
import { WithdrawProposalDialog } from "./withdraw-proposal-dialog";
import { MoveAnswer } from "./move-answer";

export type ReviewTarget = {
  id: string;
  status: AppointmentStatus;
  version: number;
  patientName: string;
  doctorName: string;
  timezone: string;
  /** The time the request is for now, epoch ms. */
  start: number;
  timeHeld: boolean;
  /** Pending with no time held: why (the patient turned a proposal down, or staff withdrew theirs); null otherwise. */
  noTimeHeld?: NoTimeHeldCause | null;
  /** While a proposal awaits the patient: the time it replaced (which withdrawing restores), epoch ms. */
  originalStart?: number | null;
  /** While the patient's move waits: the time they asked for, epoch ms (start above stays the visit's). */
  moveStart?: number | null;
};

type Outcome = { ok: boolean; message: string };

/**
 * The decisions staff can take on this request right now. Success is a
 * toast; a refusal stays here, above the buttons, so it survives the refresh
 * that follows every action: after "This request changed: Sam Lee approved
 * it at 10:42 AM." the page below already shows the fresh state.
 */
export function ReviewPanel({ target, actions }: { target: ReviewTarget; actions: AppointmentAction[] }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const report = (result: Outcome) => {
    // Success or not, show the request as it is now (after a conflict: what the other person did).
    router.refresh();
    if (result.ok) {
      setOutcome(null);
      toast.success(result.message);
      return;
    }
    // A refusal stays on the page, above the fresh state, until the next action; focus moves
    // to it so keyboard and screen-reader users hear what happened.
    setOutcome(result);
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  const canApprove = actions.includes("approve");
  const canPropose = actions.includes("propose");
  const canDecline = actions.includes("decline");
  const canCancel = actions.includes("clinic_cancel");
  const canWithdraw = actions.includes("withdraw") && target.originalStart != null;
  const canAnswerMove = actions.includes("approve_move") && target.moveStart != null;
  const none = !canApprove && !canPropose && !canDecline && !canCancel && !canWithdraw && !canAnswerMove;

  return (
    <section aria-labelledby="decide-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      <h2 id="decide-heading" className="text-lg font-semibold tracking-tight text-slate-900">
        Decision
      </h2>
      <div ref={outcomeRef} tabIndex={-1} className="outline-none">
        {outcome && (
          <Alert tone="error" className="mt-4" title="Nothing was changed">
            {outcome.message}
          </Alert>
        )}
      </div>
      {target.status === "rescheduled" && (
        <p className="mt-3 text-slate-600">
          Waiting for the patient to accept or decline the proposed time. You can withdraw it or propose a different time
          meanwhile; the patient is emailed either way.
        </p>
      )}
      {canAnswerMove && <MoveAnswer target={target} moveStart={target.moveStart!} onResult={report} />}
      {target.noTimeHeld && canPropose && <p className="mt-3 font-medium text-amber-900">{noTimeHeldHeadline(target.noTimeHeld)}.</p>}
      {none ? (
        <p className="mt-3 text-slate-600">
          {target.status === "rescheduled"
            ? "Waiting for the patient to accept or decline the proposed time. You'll be able to act again if they decline."
            : "Nothing to decide: this request is settled."}
        </p>
      ) : (
        <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {canWithdraw && <WithdrawProposalDialog target={target} originalStart={target.originalStart!} onResult={report} />}
          {canApprove && (
            <ApproveButton id={target.id} version={target.version} patientName={target.patientName} onResult={report} />
          )}
          {canPropose && <ProposeDialog target={target} onResult={report} />}
          {canDecline && <DeclineDialog target={target} onResult={report} />}
          {canCancel && <ClinicCancelDialog target={target} onResult={report} />}
        </div>
      )}
    </section>
  );
}
