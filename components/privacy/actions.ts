"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { PatientSummary } from "@/lib/domain/privacy/patient-summary";
import { CONFIRM_ERASE } from "@/lib/domain/privacy/erasure";
import { retentionSettingsSchema } from "@/lib/domain/privacy/retention";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { accessLogFilterQuery } from "@/lib/server/privacy/access-log";
import { erasePatient } from "@/lib/server/privacy/erase";
import { findPatient } from "@/lib/server/privacy/find-patient";
import { updateRetentionSettings } from "@/lib/server/privacy/retention";

/** Erases the patient named by the form's email (the page's confirmation checkbox must be ticked). */
export async function erasePatientAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    if (form.get("confirm") !== "on") throw new AppError("invalid_request", CONFIRM_ERASE, { confirm: CONFIRM_ERASE });
    const result = await erasePatient(caller, { email: form.get("email") });
    revalidatePath("/dashboard/settings/privacy");
    return {
      message: `Erased: ${result.appointments} appointment${result.appointments === 1 ? "" : "s"}, ${result.visits} visit${result.visits === 1 ? "" : "s"}, ${result.emails} email${result.emails === 1 ? "" : "s"} deleted.`,
    };
  });
}

export async function updateRetentionAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await updateRetentionSettings(caller, parseForm(retentionSettingsSchema, form));
    return { message: "Retention periods saved." };
  });
}

/** The privacy page's search: what was typed, what was found, or why nothing was looked up. */
export interface PatientLookupState {
  email: string;
  found: PatientSummary | null;
  error: string | null;
}

/**
 * Finds what the clinic holds about the typed email. A POST (a server action) and its answer rendered in place, so
 * the email never goes into the page's address, which browsers keep and servers log.
 */
export async function findPatientAction(_previous: PatientLookupState, form: FormData): Promise<PatientLookupState> {
  const email = String(form.get("email") ?? "");
  try {
    return { email, found: await findPatient(await getCaller(), { email }), error: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { email, found: null, error: error.fields?.email ?? error.message };
  }
}

/** The access log's filters, as the log page's address: the patient's email turned into their key (no email in it). */
export async function filterAccessLogAction(_previous: { error: string | null }, form: FormData): Promise<{ error: string | null }> {
  let query: string;
  try {
    query = accessLogFilterQuery(await getCaller(), { member: form.get("member") ?? "", patient: form.get("patient") ?? "" });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { error: error.fields?.patient ?? error.fields?.member ?? error.message };
  }
  redirect(`/dashboard/settings/privacy/access-log${query ? `?${query}` : ""}`);
}
