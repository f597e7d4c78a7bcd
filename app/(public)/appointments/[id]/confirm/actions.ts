"use server";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/domain/errors";
import { confirmRequestEmail } from "@/lib/server/appointments/email-confirmation";

/**
 * The "Confirm my request" button (a POST, so a mail scanner that opens the
 * link confirms nothing). Whatever the outcome, the patient lands on their
 * status page through the usual token→cookie exchange.
 */
export async function confirmEmailAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  const token = String(form.get("t") ?? "");
  try {
    await confirmRequestEmail(id, token);
  } catch (error) {
    if (!isAppError(error) || error.code !== "not_found") throw error;
  }
  redirect(`/appointments/${encodeURIComponent(id)}/open?t=${encodeURIComponent(token)}`);
}
