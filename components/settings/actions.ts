"use server";

import { revalidatePath } from "next/cache";
import { clinicProfileSchema } from "@/lib/domain/clinic-settings";
import { holdSettingsSchema } from "@/lib/domain/hold-settings";
import { reminderSettingsSchema } from "@/lib/domain/reminders";
import { getCaller } from "@/lib/server/auth/caller";
import { updateHoldSettings } from "@/lib/server/booking/hold-settings";
import { updateClinicProfile } from "@/lib/server/clinics/clinic-settings";
import { updateReminderSettings } from "@/lib/server/reminders/reminder-settings";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";

export async function updateClinicProfileAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await updateClinicProfile(caller, parseForm(clinicProfileSchema, form));
    // The clinic's name is in the dashboard frame too.
    revalidatePath("/dashboard", "layout");
    return { message: "Clinic settings saved." };
  });
}

export async function updateHoldSettingsAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await updateHoldSettings(caller, parseForm(holdSettingsSchema, form));
    return { message: "Request settings saved." };
  });
}

export async function updateReminderSettingsAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await updateReminderSettings(caller, parseForm(reminderSettingsSchema, form));
    return { message: "Reminder settings saved." };
  });
}
