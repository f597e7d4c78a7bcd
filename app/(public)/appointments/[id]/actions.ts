"use server";

import { refresh } from "next/cache";
import type { PatientActionResult } from "@/components/appointment/proposal-response";
import { isAppError } from "@/lib/domain/errors";
import { acceptProposal, cancelAppointmentByPatient, rejectProposal } from "@/lib/server/appointments/patient";
import { confirmTestPayment } from "@/lib/server/payments/prepare";
import { cookies, headers } from "next/headers";
import { correctPatientEmail } from "@/lib/server/appointments/email-correction";
import { clientIp } from "@/lib/server/client-ip";
import { patientCookie, patientTokenFromCookie } from "./patient-link";

export type CancelResult = PatientActionResult;

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
  if (typeof id !== "string" || !token) return { ok: false, message: NOT_FOUND };
  try {
    await verb(id, token);
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "conflict" || error.code === "slot_unavailable") {
        refresh();
        return { ok: false, stale: true, message: `${error.message} This page now shows where your request stands.` };
      }
      return { ok: false, message: error.code === "not_found" ? NOT_FOUND : error.message };
    }
    console.error("patient action failed", error);
    return { ok: false, message: failure };
  }
  refresh();
  return { ok: true };
}

export async function cancelRequest(id: unknown): Promise<CancelResult> {
  return asPatient(
    id,
    cancelAppointmentByPatient,
    "Something went wrong on our side and your request is not cancelled yet. Please try again.",
  );
}

/** The proposal the page showed (its `at`, epoch ms); a missing or malformed one is refused, never read as "any". */
const proposalAtOf = (value: unknown): number | null => (typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : null);

export async function acceptProposedTime(id: unknown, proposalAt: unknown): Promise<PatientActionResult> {
  const at = proposalAtOf(proposalAt);
  if (at === null) return { ok: false, message: NOT_FOUND };
  return asPatient(id, (i, token) => acceptProposal(i, token, undefined, at), "Something went wrong on our side and the new time is not accepted yet. Please try again.");
}

export async function declineProposedTime(id: unknown, proposalAt: unknown): Promise<PatientActionResult> {
  const at = proposalAtOf(proposalAt);
  if (at === null) return { ok: false, message: NOT_FOUND };
  return asPatient(id, (i, token) => rejectProposal(i, token, undefined, at), "Something went wrong on our side and your answer was not sent. Please try again.");
}

/**
 * The "Test payment (no real card)" form (offline, the local Stripe stand-in
 * only): the server confirms the intent at the stand-in, so the browser never
 * talks to it. A declined card answers Stripe's message; the page keeps the
 * same intent for the next try. The webhook then confirms the visit.
 */
export async function payWithTestCard(id: unknown, card: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const token = await patientTokenFromCookie();
  if (typeof id !== "string" || typeof card !== "string" || card.length > 40 || !token) return { ok: false, message: NOT_FOUND };
  try {
    return await confirmTestPayment(id, token, card);
  } catch (error) {
    if (isAppError(error)) {
      refresh();
      return { ok: false, message: error.code === "not_found" ? NOT_FOUND : error.message };
    }
    console.error("test payment failed", error);
    return { ok: false, message: "Something went wrong on our side and you were not charged. Please try again." };
  }
}

export type CorrectEmailResult = { ok: true; email: string } | { ok: false; message: string; field?: string; stale?: boolean };

/**
 * "Wrong address?": the new email, checked with the booking form's schema
 * (correctPatientEmail). Every earlier link stops working, so this browser's
 * cookie becomes the new link's token and the page continues with it.
 */
export async function correctEmail(id: unknown, version: unknown, email: unknown): Promise<CorrectEmailResult> {
  const token = await patientTokenFromCookie();
  if (typeof id !== "string" || !token) return { ok: false, message: NOT_FOUND };
  try {
    const ip = clientIp(await headers());
    const done = await correctPatientEmail(id, token, { email }, {
      ip: ip === "unknown" ? null : ip,
      expectedVersion: typeof version === "number" && Number.isInteger(version) ? version : undefined,
    });
    (await cookies()).set(patientCookie(id, done.token));
    refresh();
    return { ok: true, email: done.email };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "conflict") refresh();
      return {
        ok: false,
        message: error.code === "not_found" ? NOT_FOUND : error.message,
        ...(error.fields?.email ? { field: error.fields.email } : {}),
        ...(error.code === "conflict" ? { stale: true } : {}),
      };
    }
    console.error("email correction failed", error);
    return { ok: false, message: "Something went wrong on our side and the address was not changed. Please try again." };
  }
}
