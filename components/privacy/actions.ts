"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/domain/errors";
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

/** What the privacy page's search found for the email typed (kept to fill the field again). */
export interface PatientLookup {
  email: string;
  found: PatientSummary;
}

/**
 * Finds what the clinic holds about the typed email. A POST (a server action) whose answer the page renders in
 * place, so the email never goes into the page's address, which browsers keep and servers log.
 */
export async function findPatientAction(_previous: ActionResult<PatientLookup> | null, form: FormData): Promise<ActionResult<PatientLookup>> {
  return formAction(async () => {
    const email = String(form.get("email") ?? "");
    const found = await findPatient(await getCaller(), { email });
    return { message: `${found.appointments.length} appointment${found.appointments.length === 1 ? "" : "s"} found.`, data: { email, found } };
  });
}

/** The access log's filters, as the log page's address: the patient's email turned into their key (no email in it). */
export async function filterAccessLogAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const query = accessLogFilterQuery(await getCaller(), { member: form.get("member") ?? "", patient: form.get("patient") ?? "" });
    redirect(`/dashboard/settings/privacy/access-log${query ? `?${query}` : ""}`);
  });
}
