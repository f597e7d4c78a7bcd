"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dateRangeQuerySchema } from "@/lib/domain/local-date";
import { approveInputSchema, declineInputSchema, declineMoveInputSchema, proposeInputSchema } from "@/lib/domain/request-queue";
import { approveVisitMove, declineVisitMove } from "@/lib/server/appointments/visit-move-answers";
import { statusLabel } from "@/lib/domain/appointments/status";
import { parseWith } from "@/lib/http/json-api";
import { getProposalTimes, type ProposalTimes } from "@/lib/server/appointments/proposal-times";
import { cancelByClinic } from "@/lib/server/appointments/clinic-cancel";
import { approveAppointment, declineAppointment, proposeNewTime, type ReviewResult } from "@/lib/server/appointments/review";
import { withdrawProposal } from "@/lib/server/appointments/withdraw-proposal";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, type ActionResult } from "@/lib/server/form-action";
import { setRequestNotifications } from "@/lib/server/team/request-notifications";

// Each action: who is calling, zod, one verb. The version the page showed
// goes to the verb as expectedVersion, so a request someone else changed in
// the meantime answers "This request changed: …" instead of being
// overwritten. Every page under /dashboard is revalidated so the queue, the
// request's page and the nav's count all show the new state.

const CHECK = "Please check the highlighted fields.";

function refreshDashboard() {
  revalidatePath("/dashboard", "layout");
}

export async function approveRequestAction(input: { id: string; version: number }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version } = parseWith(approveInputSchema, input);
    const result = await approveAppointment(caller, id, { expectedVersion: version });
    refreshDashboard();
    return {
      message: result.status === "confirmed" ? "Approved. The visit is confirmed and the patient has been told." : "Approved. The patient has been asked to pay.",
      data: result,
    };
  });
}

export async function proposeTimeAction(input: { id: string; version: number; start: string; message?: string }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version, start, message } = parseWith(proposeInputSchema, input, CHECK);
    const result = await proposeNewTime(caller, id, { start, ...(message ? { message } : {}) }, { expectedVersion: version });
    refreshDashboard();
    return { message: `New time proposed. The request is now “${statusLabel(result.status, "staff")}”.`, data: result };
  });
}

/** Staff withdraw the time they proposed: back where the appointment stood, at its original time (withdraw-proposal.ts). */
export async function withdrawProposalAction(input: { id: string; version: number }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version } = parseWith(approveInputSchema, input);
    const result = await withdrawProposal(caller, id, { expectedVersion: version });
    refreshDashboard();
    const message =
      result.status === "confirmed"
        ? "Proposal withdrawn. The visit is back at its original time and the patient has been told."
        : result.timeHeld
          ? "Proposal withdrawn. The request needs review again at its original time, and the patient has been told."
          : // Taken, passed, or not held before the proposal: the request page's history says which.
            "Proposal withdrawn. The original time could not be held again, so no time is held: propose another time or decline. The patient has been told.";
    return { message, data: { status: result.status, version: result.version } };
  });
}

/** A patient's move request: approve (the times swap) or decline (the visit stays), at the version the page showed. */
export async function approveMoveAction(input: { id: string; version: number }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version } = parseWith(approveInputSchema, input);
    const result = await approveVisitMove(caller, id, { expectedVersion: version });
    refreshDashboard();
    return { message: "Move approved. The visit is at its new time and the patient has been told.", data: result };
  });
}

export async function declineMoveAction(input: { id: string; version: number; reason?: string }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version, reason } = parseWith(declineMoveInputSchema, input, CHECK);
    const result = await declineVisitMove(caller, id, { ...(reason ? { reason } : {}) }, { expectedVersion: version });
    refreshDashboard();
    return { message: "Move declined. The visit stays at its time and the patient has been told.", data: result };
  });
}

export async function declineRequestAction(input: { id: string; version: number; reason: string }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version, reason } = parseWith(declineInputSchema, input, CHECK);
    const result = await declineAppointment(caller, id, { reason }, { expectedVersion: version });
    refreshDashboard();
    return { message: "Declined. The patient has been emailed your reason.", data: result };
  });
}

/** The clinic cancels an approved or confirmed appointment with a reason; a paid one is refunded in full. */
export async function clinicCancelAction(input: { id: string; version: number; reason: string }): Promise<ActionResult<ReviewResult>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id, version, reason } = parseWith(declineInputSchema, input, CHECK);
    const result = await cancelByClinic(caller, id, { reason }, { expectedVersion: version });
    refreshDashboard();
    return {
      message: result.refunded ? "Cancelled. The patient is refunded in full and has been emailed your reason." : "Cancelled. The patient has been emailed your reason.",
      data: { status: result.status, version: result.version },
    };
  });
}

/** The doctor's free times for local dates from..to, with this request's own time counted as free. */
/** Without from/to: the rest of this month and the next. */
export async function proposalTimesAction(input: { id: string; from?: string; to?: string }): Promise<ActionResult<ProposalTimes>> {
  return formAction(async () => {
    const caller = await getCaller();
    const { id } = parseWith(approveInputSchema.pick({ id: true }), { id: input?.id });
    const range = input?.from || input?.to ? parseWith(dateRangeQuerySchema, { from: input.from, to: input.to }) : undefined;
    return { message: "", data: await getProposalTimes(caller, id, range) };
  });
}

/** The caller's own request emails, on or off. */
export async function setRequestEmailsAction(enabled: boolean): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const on = parseWith(z.boolean({ error: "Choose on or off." }), enabled);
    await setRequestNotifications(caller, on);
    revalidatePath("/dashboard/requests");
    return { message: on ? "You'll be emailed about new requests." : "You won't be emailed about new requests." };
  });
}
