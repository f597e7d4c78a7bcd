"use server";

import { refresh } from "next/cache";
import { cookies, headers } from "next/headers";
import type { ActionResult } from "@/lib/domain/action-result";
import { acceptProposal, cancelAppointmentByPatient, rejectProposal } from "@/lib/server/appointments/patient";
import { correctPatientEmail } from "@/lib/server/appointments/email-correction";
import { patientCookie, patientTokenFromCookie } from "@/lib/server/auth/patient-link";
import { clientIp } from "@/lib/server/client-ip";
import { actionFailure, formAction } from "@/lib/server/form-action";
import { confirmTestPayment } from "@/lib/server/payments/prepare";
import { requestVisitMove } from "@/lib/server/appointments/visit-move";
import { withdrawVisitMove } from "@/lib/server/appointments/visit-move-answers";

export type PatientActionResult = ActionResult;

const NOT_FOUND = "We couldn't find that request. Please open the link from your email again.";

/**
 * The patient's answers from their status page. The credential is the cookie
 * the emailed link was exchanged for (scoped to this appointment's path, which
 * is where the page posts its actions); the token never reaches the browser's
 * scripts. A change refused because the request moved on (e.g. "There is no
 * proposed time to answer.") refreshes the page to its current state and is
 * marked `stale`, so the UI shows the message where the refresh can't remove it.
 */
async function asPatient(
  id: unknown,
  verb: (id: string, token: string) => Promise<unknown>,
  failure: string,
): Promise<PatientActionResult> {
  const token = await patientTokenFromCookie();
  if (typeof id !== "string" || !token) return actionFailure(NOT_FOUND, "not_found");
  const result = await formAction(async () => {
    await verb(id, token);
    return { message: "" };
  }, { failure });
  if (result.ok || result.code === "internal") {
    if (result.ok) refresh();
    return result;
  }
  if (result.code === "conflict" || result.code === "slot_unavailable") {
    refresh();
    return { ...result, stale: true, message: `${result.message} This page now shows where your request stands.` };
  }
  return result.code === "not_found" ? { ...result, message: NOT_FOUND } : result;
}

export async function cancelRequest(id: unknown): Promise<PatientActionResult> {
  return asPatient(
    id,
    cancelAppointmentByPatient,
    "Something went wrong on our side and your request is not cancelled yet. Please try again.",
  );
}

/**
 * "Cancel my visit" on a confirmed visit: the refund the dialog quoted comes
 * back with it, and the server refuses to cancel for less (the free window
 * closed while the page was open): the page then refreshes with the new amount.
 */
export async function cancelVisit(id: unknown, quotedRefundCents: unknown): Promise<PatientActionResult> {
  if (typeof quotedRefundCents !== "number" || !Number.isSafeInteger(quotedRefundCents) || quotedRefundCents < 0) return actionFailure(NOT_FOUND, "not_found");
  return asPatient(
    id,
    (i, token) => cancelAppointmentByPatient(i, token, undefined, { quotedRefundCents }),
    "Something went wrong on our side and your visit is not cancelled yet. Please try again.",
  );
}

/**
 * "Move to another time": the chosen free time (an ISO instant from the slots
 * API; the verb checks it with zod and against the schedule). A time taken
 * meanwhile answers slot_unavailable and the page shows the times still free.
 */
export async function moveVisit(id: unknown, start: unknown): Promise<PatientActionResult> {
  const token = await patientTokenFromCookie();
  if (typeof id !== "string" || !token) return actionFailure(NOT_FOUND, "not_found");
  const result = await formAction(async () => {
    const moved = await requestVisitMove(id, token, { start });
    return { message: moved.status === "confirmed" ? "Your visit has moved." : "We asked the clinic to move your visit." };
  }, { failure: "Something went wrong on our side and your visit was not moved. Please try again." });
  if (result.ok) refresh();
  else if (result.code === "conflict") {
    refresh();
    return { ...result, stale: true, message: `${result.message} This page now shows where your visit stands.` };
  } else if (result.code === "not_found") return { ...result, message: NOT_FOUND };
  return result;
}

export async function withdrawMove(id: unknown): Promise<PatientActionResult> {
  return asPatient(id, (i, token) => withdrawVisitMove(i, token), "Something went wrong on our side and your move request is still waiting. Please try again.");
}

/** The proposal the page showed (its `at`, epoch ms); a missing or malformed one is refused, never read as "any". */
const proposalAtOf = (value: unknown): number | null => (typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : null);

export async function acceptProposedTime(id: unknown, proposalAt: unknown): Promise<PatientActionResult> {
  const at = proposalAtOf(proposalAt);
  if (at === null) return actionFailure(NOT_FOUND, "not_found");
  return asPatient(id, (i, token) => acceptProposal(i, token, undefined, at), "Something went wrong on our side and the new time is not accepted yet. Please try again.");
}

export async function declineProposedTime(id: unknown, proposalAt: unknown): Promise<PatientActionResult> {
  const at = proposalAtOf(proposalAt);
  if (at === null) return actionFailure(NOT_FOUND, "not_found");
  return asPatient(id, (i, token) => rejectProposal(i, token, undefined, at), "Something went wrong on our side and your answer was not sent. Please try again.");
}

/**
 * The "Test payment (no real card)" form (offline, the local Stripe stand-in
 * only): the server confirms the intent at the stand-in, so the browser never
 * talks to it. A declined card answers Stripe's message; the page keeps the
 * same intent for the next try. The webhook then confirms the visit.
 */
export async function payWithTestCard(id: unknown, card: unknown): Promise<PatientActionResult> {
  const token = await patientTokenFromCookie();
  if (typeof id !== "string" || typeof card !== "string" || card.length > 40 || !token) return actionFailure(NOT_FOUND, "not_found");
  const result = await formAction(async () => ({ message: "", data: await confirmTestPayment(id, token, card) }), {
    failure: "Something went wrong on our side and you were not charged. Please try again.",
  });
  if (!result.ok) {
    if (result.code === "internal") return result;
    refresh();
    return result.code === "not_found" ? { ...result, message: NOT_FOUND } : result;
  }
  // A declined card: Stripe's message, and the page keeps the same intent for the next try.
  return result.data && !result.data.ok ? actionFailure(result.data.message, "invalid_request") : { ok: true, message: "" };
}

export type CorrectEmailResult = ActionResult<{ email: string }>;

/**
 * "Wrong address?": the new email, checked with the booking form's schema
 * (correctPatientEmail). Every earlier link stops working, so this browser's
 * cookie becomes the new link's token and the page continues with it.
 */
export async function correctEmail(id: unknown, version: unknown, email: unknown): Promise<CorrectEmailResult> {
  const token = await patientTokenFromCookie();
  if (typeof id !== "string" || !token) return actionFailure(NOT_FOUND, "not_found");
  const result = await formAction(
    async () => {
      const ip = clientIp(await headers());
      const done = await correctPatientEmail(id, token, { email }, {
        ip: ip === "unknown" ? null : ip,
        expectedVersion: typeof version === "number" && Number.isInteger(version) ? version : undefined,
      });
      (await cookies()).set(patientCookie(id, done.token));
      return { message: "", data: { email: done.email } };
    },
    { failure: "Something went wrong on our side and the address was not changed. Please try again." },
  );
  if (result.ok) refresh();
  else if (result.code === "conflict") {
    refresh();
    return { ...result, stale: true };
  } else if (result.code === "not_found") return { ...result, message: NOT_FOUND };
  return result;
}
