"use server";

import { revalidatePath } from "next/cache";
import { closureDateLabel } from "@/lib/domain/clinic-closures";
import { getCaller } from "@/lib/server/auth/caller";
import { closeClinicDates, reopenClinicDate } from "@/lib/server/clinics/closures";
import { formAction, type ActionResult } from "@/lib/server/form-action";

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([key, value]) => typeof value === "string" && !key.startsWith("$ACTION")));

export async function closeClinicDatesAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const { dates } = await closeClinicDates(await getCaller(), fields(form));
    revalidatePath("/dashboard/closures");
    const first = closureDateLabel(dates[0]!);
    return { message: dates.length === 1 ? `The clinic is closed on ${first}.` : `The clinic is closed for ${dates.length} days from ${first}.` };
  });
}

export async function reopenClinicDateAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const { date } = await reopenClinicDate(await getCaller(), fields(form));
    revalidatePath("/dashboard/closures");
    return { message: `The clinic is open again on ${closureDateLabel(date)}.` };
  });
}
