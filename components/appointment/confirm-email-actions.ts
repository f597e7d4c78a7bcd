"use server";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/domain/errors";
import { confirmRequestEmail } from "@/lib/server/appointments/email-confirmation";
import { isRateLimitError } from "@/lib/server/booking/request-limits";

/**
 * The "Confirm my request" button (a POST, so a mail scanner that opens the
 * link confirms nothing). Whatever the outcome, the patient lands on their
 * status page through the usual token→cookie exchange (the email's secret
 * opens it too), except when they already have the limit's worth of
 * requests waiting: then the confirm page says so, and nothing changed.
 */
export async function confirmEmailAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  const token = String(form.get("t") ?? "");
  try {
    await confirmRequestEmail(id, token);
  } catch (error) {
    if (isRateLimitError(error)) redirect(`/appointments/${encodeURIComponent(id)}/confirm?t=${encodeURIComponent(token)}&full=1`);
    if (!isAppError(error) || error.code !== "not_found") throw error;
  }
  redirect(`/appointments/${encodeURIComponent(id)}/open?t=${encodeURIComponent(token)}`);
}
