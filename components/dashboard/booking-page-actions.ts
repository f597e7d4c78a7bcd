"use server";

import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/server/auth/caller";
import { openBookingPageIfVerified, resendVerificationEmail } from "@/lib/server/clinics/booking-page-opening";
import { formAction, type ActionResult } from "@/lib/server/form-action";

/** "I've verified it": opens the booking page if Firebase Auth says the admin's email is verified. */
export async function recheckVerificationAction(): Promise<ActionResult<{ open: boolean }>> {
  return formAction<{ open: boolean }>(async () => {
    const state = await openBookingPageIfVerified(await getCaller());
    if (!state.open) {
      const to = state.admin ? ` to ${state.email}` : "";
      return {
        message: `Your email isn't verified yet. Open the link in the email we sent${to}, then press "I've verified it" again.`,
        data: { open: false },
      };
    }
    revalidatePath("/dashboard");
    return { message: "Your email is verified: your booking page is open to patients.", data: { open: true } };
  });
}

/** "Resend the email": a new verification link to the admin's own email, within the limits (a clear refusal beyond them). */
export async function resendVerificationAction(): Promise<ActionResult> {
  return formAction(async () => {
    const { email } = await resendVerificationEmail(await getCaller());
    return { message: `We sent a new link to ${email}. It can take a minute to arrive; check your spam folder too.` };
  });
}
