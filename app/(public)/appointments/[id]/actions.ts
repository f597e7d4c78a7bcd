"use server";

import { refresh } from "next/cache";
import { isAppError } from "@/lib/domain/errors";
import { cancelAppointmentByPatient } from "@/lib/server/appointments/patient";

export type CancelResult = { ok: true } | { ok: false; message: string };

/** The patient cancels from their status page; the token from the link is the only credential. */
export async function cancelRequest(id: unknown, token: unknown): Promise<CancelResult> {
  if (typeof id !== "string" || typeof token !== "string") {
    return { ok: false, message: "We couldn't find that request. Please use the link from your email." };
  }
  try {
    await cancelAppointmentByPatient(id, token);
  } catch (error) {
    if (isAppError(error)) {
      // e.g. "This request was already cancelled." — show the page as it is now.
      if (error.code === "conflict") refresh();
      return { ok: false, message: error.message };
    }
    console.error("cancelRequest failed", error);
    return { ok: false, message: "Something went wrong on our side and your request is not cancelled yet. Please try again." };
  }
  refresh();
  return { ok: true };
}
