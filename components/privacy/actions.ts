"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/domain/errors";
import { CONFIRM_ERASE } from "@/lib/domain/privacy/erasure";
import { retentionSettingsSchema } from "@/lib/domain/privacy/retention";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { erasePatient } from "@/lib/server/privacy/erase";
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
