"use server";

import { holdSettingsSchema } from "@/lib/domain/hold-settings";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { updateHoldSettings } from "@/lib/server/booking/hold-settings";

export async function updateHoldSettingsAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await updateHoldSettings(caller, parseForm(holdSettingsSchema, form));
    return { message: "Request settings saved." };
  });
}
