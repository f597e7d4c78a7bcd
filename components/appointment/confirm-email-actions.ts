"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError, isAppError } from "@/lib/domain/errors";
import { confirmRequestEmail } from "@/lib/server/appointments/email-confirmation";
import { isRateLimitError, MAX_LIVE_REQUESTS } from "@/lib/server/booking/request-limits";
import { formAction, type ActionResult } from "@/lib/server/form-action";
import { appointmentPath, patientCookie } from "@/lib/server/auth/patient-link";

/**
 * The "Confirm my request" button (a POST, so a mail scanner that opens the
 * link confirms nothing). The email's secret opens the status page too, so it
 * becomes the appointment's cookie here and the patient lands on the clean
 * URL. (Not through /open: a server action's redirect is followed by the
 * client router, which cannot render a route handler.) A secret that no
 * longer matches sets nothing and the page says it couldn't find the request.
 * When they already have the limit's worth of requests waiting, nothing
 * changed and the answer says so (the confirm form shows it, with JavaScript
 * or without).
 */
export async function confirmEmailAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = String(form.get("id") ?? "");
  const token = String(form.get("t") ?? "");
  return formAction(async () => {
    try {
      await confirmRequestEmail(id, token);
      (await cookies()).set(patientCookie(id, token));
    } catch (error) {
      if (isRateLimitError(error)) {
        throw new AppError(
          "rate_limited",
          `You already have ${MAX_LIVE_REQUESTS} requests waiting at this clinic. Please wait for an answer or cancel one, then confirm this one.`,
        );
      }
      if (!isAppError(error) || error.code !== "not_found") throw error;
    }
    redirect(appointmentPath(id));
  });
}
