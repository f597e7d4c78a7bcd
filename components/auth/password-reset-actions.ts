"use server";

import { passwordResetSchema } from "@/lib/domain/clinic-settings";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { PASSWORD_RESET_MESSAGES, requestPasswordReset } from "@/lib/server/auth/password-reset";

/** "Forgot password?": the same answer whether or not the email has an account. */
export async function requestPasswordResetAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const { email } = parseForm(passwordResetSchema, form);
    await requestPasswordReset(email);
    return { message: PASSWORD_RESET_MESSAGES.sent };
  });
}
