"use server";

import { cookies } from "next/headers";
import { getCaller } from "@/lib/server/auth/caller";
import { setSecondFactorRequirement } from "@/lib/server/auth/second-factor-settings";
import { SESSION_COOKIE, verifySession } from "@/lib/server/auth/session";
import { formAction, type ActionResult } from "@/lib/server/form-action";

/** The clinic's "require two-step verification" switch. The admin's own session must have used a second factor to turn it on. */
export async function setSecondFactorRequirementAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const session = await verifySession((await cookies()).get(SESSION_COOKIE)?.value);
    const required = form.get("requireSecondFactor") === "on";
    return { message: await setSecondFactorRequirement(caller, required, session.ok ? session.secondFactor : undefined) };
  });
}
