"use server";

import { getCaller } from "@/lib/server/auth/caller";
import { updateDoctorSchedule } from "@/lib/server/doctors/schedule";
import { formAction, type ActionResult } from "@/lib/server/form-action";

/**
 * Saves a doctor's whole schedule from the availability editor. `input` is
 * the stored shape (see lib/domain/availability-form formToScheduleInput);
 * the verb checks the caller and validates it with the slot engine's schema.
 * No revalidation is needed: the dashboard and the booking pages are dynamic,
 * and the verb forgets the clinic profile the booking pages keep in memory.
 */
export async function saveScheduleAction(doctorId: string, input: unknown): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await updateDoctorSchedule(caller, String(doctorId), input);
    return { message: "Hours saved. Patients see the new times from now on." };
  });
}
