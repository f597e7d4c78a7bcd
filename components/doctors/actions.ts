"use server";

import { revalidatePath } from "next/cache";
import { doctorProfileSchema } from "@/lib/domain/clinic-settings";
import { doctorSlugFieldSchema } from "@/lib/domain/doctor-slug";
import { getCaller } from "@/lib/server/auth/caller";
import { createDoctor, setDoctorActive, updateDoctorProfile } from "@/lib/server/doctors/profiles";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";

export async function createDoctorAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  return formAction(async () => {
    const caller = await getCaller();
    const profile = parseForm(doctorProfileSchema, form);
    const id = await createDoctor(caller, profile);
    revalidatePath("/dashboard/doctors");
    return { message: `${profile.name} added. Patients can book them from now on.`, data: { id } };
  });
}

export async function updateDoctorAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const profile = parseForm(doctorProfileSchema, form);
    const { slug } = parseForm(doctorSlugFieldSchema, form);
    await updateDoctorProfile(caller, String(form.get("doctorId") ?? ""), profile, { slug });
    revalidatePath("/dashboard/doctors");
    return { message: "Profile saved." };
  });
}

export async function setDoctorActiveAction(doctorId: string, active: boolean): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await setDoctorActive(caller, String(doctorId), active === true);
    revalidatePath("/dashboard/doctors");
    return {
      message: active
        ? "Doctor reactivated. They're bookable again."
        : "Doctor deactivated. They no longer appear on your booking page; existing appointments stay.",
    };
  });
}
